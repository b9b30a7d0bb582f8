package dev.mirlink.bridge.rustdoc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mirlink.bridge.rustdoc.RawCrate.RawItem;
import dev.mirlink.mir.item.Span;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The crate's own impls in an order that stands in for rustc's DefIndex order, which is the
 * order rustc emits their MIR in: by source position, and for impls from one macro call
 * (which share rustdoc's span) in an order consistent with every impl list rustdoc gives, the
 * self type's {@code impls} and the trait's {@code implementations}. rustdoc fills both in
 * DefIndex order ({@code trait_impls_in_crate} walks {@code hir_free_items}); where no list
 * relates two impls (two traits for a type defined elsewhere), the rustdoc id decides.
 */
final class ImplOrder {
    private ImplOrder() {}

    static List<RawItem> sorted(RawCrate raw) {
        List<RawItem> impls = new ArrayList<>();
        Map<Integer, Span> spans = new HashMap<>();
        for (RawItem item : raw.index().values()) {
            if (DefPathAssigner.isRealLocalImpl(item)) {
                impls.add(item);
                spans.put(item.id(), DefPathAssigner.span(item.span()));
            }
        }
        Comparator<Span> position = Comparator.comparing(Span::file).thenComparingInt(Span::beginLine)
                .thenComparingInt(Span::beginCol);
        impls.sort(Comparator.comparing((RawItem i) -> spans.get(i.id()), Comparator.nullsFirst(position))
                .thenComparingInt(RawItem::id));
        Map<Integer, List<Integer>> after = precedence(raw, impls, spans);
        List<RawItem> out = new ArrayList<>(impls.size());
        for (int i = 0; i < impls.size(); ) {
            int j = i + 1;
            Span s = spans.get(impls.get(i).id());
            while (j < impls.size() && s != null && sameBegin(s, spans.get(impls.get(j).id()))) j++;
            out.addAll(j - i == 1 ? impls.subList(i, j) : topological(impls.subList(i, j), after));
            i = j;
        }
        return out;
    }

    /** Edges a → b for consecutive members of one span group in each rustdoc impl list. */
    private static Map<Integer, List<Integer>> precedence(RawCrate raw, List<RawItem> impls, Map<Integer, Span> spans) {
        Map<Integer, List<Integer>> after = new HashMap<>();
        for (RawItem owner : raw.index().values()) {
            JsonNode list = switch (owner.kind()) {
                case "struct", "enum", "union", "primitive" -> owner.body().get("impls");
                case "trait" -> owner.body().get("implementations");
                default -> null;
            };
            if (list == null) continue;
            Map<String, Integer> lastInGroup = new HashMap<>();
            for (JsonNode idNode : list) {
                int id = idNode.asInt();
                Span s = spans.get(id);
                if (s == null) continue;
                String group = s.file() + ":" + s.beginLine() + ":" + s.beginCol();
                Integer prev = lastInGroup.put(group, id);
                if (prev != null) after.computeIfAbsent(prev, k -> new ArrayList<>()).add(id);
            }
        }
        return after;
    }

    private static List<RawItem> topological(List<RawItem> group, Map<Integer, List<Integer>> after) {
        Map<Integer, RawItem> byId = new LinkedHashMap<>();
        for (RawItem i : group) byId.put(i.id(), i);
        Map<Integer, Integer> indegree = new HashMap<>();
        for (RawItem i : group) indegree.put(i.id(), 0);
        for (RawItem i : group) {
            for (int next : after.getOrDefault(i.id(), List.of())) {
                if (byId.containsKey(next)) indegree.merge(next, 1, Integer::sum);
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        indegree.forEach((id, d) -> { if (d == 0) ready.add(id); });
        List<RawItem> out = new ArrayList<>(group.size());
        while (!ready.isEmpty()) {
            int id = ready.poll();
            out.add(byId.get(id));
            for (int next : after.getOrDefault(id, List.of())) {
                if (byId.containsKey(next) && indegree.merge(next, -1, Integer::sum) == 0) ready.add(next);
            }
        }
        if (out.size() != group.size()) return group; // a cycle: the lists disagree, keep id order
        return out;
    }

    private static boolean sameBegin(Span a, Span b) {
        return b != null && a.file().equals(b.file()) && a.beginLine() == b.beginLine() && a.beginCol() == b.beginCol();
    }
}
