package dev.mirlink.mir;

import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.item.Item;
import java.util.List;

/**
 * What a MIR-only rlib stores under one def path: the items there (one per namespace, as
 * libc's {@code struct statx} and {@code fn statx}, plus uses), from rustdoc or, for items
 * rustdoc omits, from MIR evidence; and the MIR that belongs to them: their bodies, the bodies
 * of their closures, promoteds and const blocks, CTFE copies, and the allocations those
 * reference. MIR whose item is unknown is never stored: the producer refuses it.
 */
public record CrateItem(String defPath, List<Item> items, List<MirEntry> mir) {
    public CrateItem {
        items = List.copyOf(items);
        mir = List.copyOf(mir);
    }
}
