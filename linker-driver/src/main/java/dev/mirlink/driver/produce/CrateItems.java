package dev.mirlink.driver.produce;

import dev.mirlink.bridge.link.BodyLink;
import dev.mirlink.bridge.link.LinkResult;
import dev.mirlink.mir.CrateItem;
import dev.mirlink.mir.CrateRecord;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.MirFile;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Groups a linked crate into the records of its rlib: one {@link CrateItem} per def path, and the {@link CrateRecord}. */
final class CrateItems {
    private CrateItems() {}

    static Map<String, Object> group(LinkResult linked, MirFile mir) {
        ItemTable table = linked.items();
        // Items whose def path another item of the same namespace already has (derive's Clone and
        // TrivialClone impls share a span) are kept too: stored, never silently dropped.
        List<Item> all = new ArrayList<>(table.allItems());
        all.addAll(table.duplicates());
        Map<String, List<Item>> itemsByPath = new TreeMap<>();
        for (Item item : all) itemsByPath.computeIfAbsent(item.defPath(), k -> new ArrayList<>()).add(item);
        Map<String, List<MirEntry>> mirByPath = new TreeMap<>();
        for (BodyLink link : linked.links()) {
            if (!itemsByPath.containsKey(link.item())) {
                throw new IllegalStateException("MIR linked to `" + link.item() + "`, which is not an item of the crate");
            }
            mirByPath.computeIfAbsent(link.item(), k -> new ArrayList<>()).add(mir.entries().get(link.entry()));
        }
        Map<String, Object> records = new TreeMap<>();
        itemsByPath.forEach((path, items) ->
                records.put(path, new CrateItem(path, items, mirByPath.getOrDefault(path, List.of()))));
        records.put(CrateRecord.KEY, new CrateRecord(table.crateName(), List.copyOf(table.externCrates()), all));
        return records;
    }
}
