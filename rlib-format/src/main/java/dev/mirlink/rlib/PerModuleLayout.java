package dev.mirlink.rlib;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One member per top-level module (`krate::module`; items at the crate root share one
 * member), each item compressed independently.
 */
public record PerModuleLayout(Codec codec) implements RlibLayout {
    @Override
    public String name() {
        return "per-module";
    }

    @Override
    public List<MemberPlan> plan(List<Item> items) {
        Map<String, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            groups.computeIfAbsent(topModule(items.get(i).defPath()), k -> new ArrayList<>()).add(i);
        }
        return groups.values().stream().map(g -> new MemberPlan(g, codec, Codecs.NONE)).toList();
    }

    /** Prefix up to the second `::` outside `<...>`, or "" for an item at the crate root. */
    static String topModule(String defPath) {
        int depth = 0;
        int seps = 0;
        for (int i = 0; i + 1 < defPath.length(); i++) {
            char c = defPath.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>' && depth > 0) {
                depth--;
            } else if (depth == 0 && c == ':' && defPath.charAt(i + 1) == ':') {
                if (++seps == 2) {
                    return defPath.substring(0, i);
                }
                i++;
            }
        }
        return "";
    }
}
