package dev.mirlink.driver.produce;

import dev.mirlink.bridge.link.BodyLink;
import dev.mirlink.bridge.link.LinkResult;
import dev.mirlink.mir.CrateItem;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.MirFile;
import dev.mirlink.mir.item.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Groups a linked crate into the records of its rlib: one {@link CrateItem} per item. */
final class CrateItems {
    private CrateItems() {}

    static Map<String, CrateItem> group(LinkResult linked, MirFile mir) {
        Map<String, List<MirEntry>> mirByItem = new LinkedHashMap<>();
        for (BodyLink link : linked.links()) {
            mirByItem.computeIfAbsent(link.item(), k -> new ArrayList<>()).add(mir.entries().get(link.entry()));
        }
        Map<String, CrateItem> records = new TreeMap<>();
        for (Item item : linked.items().allItems()) {
            records.put(item.defPath(), new CrateItem(item.defPath(), item, mirByItem.getOrDefault(item.defPath(), List.of())));
        }
        for (String path : mirByItem.keySet()) {
            if (!records.containsKey(path)) {
                throw new IllegalStateException("MIR linked to `" + path + "`, which is not an item of the crate");
            }
        }
        return records;
    }
}
