package dev.mirlink.mir;

import dev.mirlink.mir.item.Item;
import java.util.List;

/**
 * The crate as a whole, stored once per rlib under {@link #KEY}: every item declaration, so a
 * dependent can resolve paths into this crate by decoding one record instead of all the MIR.
 */
public record CrateRecord(String crateName, List<String> externCrates, List<Item> items) {
    /** Not a def path: def paths start with the crate name. */
    public static final String KEY = "#crate";

    public CrateRecord {
        externCrates = List.copyOf(externCrates);
        items = List.copyOf(items);
    }
}
