package dev.mirlink.mir;

import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.item.Item;
import java.util.List;

/**
 * What a MIR-only rlib stores under one def path: the item as rustdoc (or, for items rustdoc
 * omits, MIR evidence) describes it, and the MIR that belongs to it: its bodies, the bodies of
 * its closures, promoteds and const blocks, its CTFE copy, and the allocations they reference.
 * Items without MIR, such as structs and traits, have an empty {@code mir} list; MIR whose item
 * is unknown is never stored (the producer refuses it).
 */
public record CrateItem(String defPath, Item item, List<MirEntry> mir) {
    public CrateItem { mir = List.copyOf(mir); }
}
