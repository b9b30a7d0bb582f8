package dev.mirlink.bridge.link;

import dev.mirlink.bridge.hygiene.HygieneData;
import dev.mirlink.bridge.mirtext.BodySpans;
import dev.mirlink.mir.body.BasicBlock;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.MonoReachable;
import dev.mirlink.mir.body.SourceInfo;
import dev.mirlink.mir.body.SourceScopeData;
import dev.mirlink.mir.item.Span;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * rustc reports a caller's location at its span's {@code expansion_cause}: for code a macro wrote,
 * the call of the outermost macro it came from (rustc_codegen_ssa/src/mir/block.rs
 * {@code get_caller_location}). MIR text prints a span without its syntax context, so code a macro
 * wrote shows where the macro is defined. This finds the expansion back: one of those of a macro
 * whose definition holds the span and whose cause lies in the body. When several do, it is the one
 * whose call holds a span of the lines leading to this one (its arguments); failing that, the one
 * in the same place, in source order, as this line among the body's lines at that span in the
 * order rustc made them (which follows the source before optimizations).
 */
final class ExpansionCauses {
    /** A macro's whole definition and the cause of each of its expansions (one cause can repeat). */
    private record MacroDef(Span definition, List<Span> causes) {}

    private final Map<String, List<MacroDef>> macrosByFile = new HashMap<>();

    ExpansionCauses(HygieneData hygiene, SourceText sources) {
        Map<Span, MacroDef> byHeader = new LinkedHashMap<>();
        List<HygieneData.Expansion> expansions = hygiene.expansions();
        for (int i = 1; i < expansions.size(); i++) {
            HygieneData.Expansion e = expansions.get(i);
            if (e == null || e.bangMacro() == null || e.defSite() == null) continue;
            Span cause = hygiene.expansionCause(i);
            if (cause == null) continue;
            if (!byHeader.containsKey(e.defSite())) {
                Span whole = sources.macroDefinition(e.defSite());
                byHeader.put(e.defSite(), whole == null ? null : new MacroDef(whole, new ArrayList<>()));
            }
            MacroDef def = byHeader.get(e.defSite());
            if (def != null) def.causes().add(cause);
        }
        for (MacroDef def : byHeader.values()) {
            if (def != null) macrosByFile.computeIfAbsent(def.definition().file(), f -> new ArrayList<>()).add(def);
        }
    }

    boolean isEmpty() {
        return macrosByFile.isEmpty();
    }

    /** Where a line of {@code body} is, and what leads to it; built once per body. */
    final class InBody {
        private final Body body;
        private final BodySpans spans;
        private final boolean[] inlined;
        private final Map<String, Span> range = new HashMap<>();
        private List<List<Integer>> predecessors;

        InBody(Body body, BodySpans spans) {
            this.body = body;
            this.spans = spans;
            List<SourceScopeData> scopes = body.scopes();
            inlined = new boolean[scopes.size()];
            for (int s = 0; s < scopes.size(); s++) { // a parent comes before its children
                inlined[s] = scopes.get(s).inlined() != null || scopes.get(s).parent() >= 0 && inlined[scopes.get(s).parent()];
            }
            spans.declarations().forEach(line -> widen(spanHere(line)));
            spans.blocks().forEach(block -> block.forEach(line -> widen(spanHere(line))));
        }

        /** Whether {@code scope} is an inlined callee's, or inside one. */
        boolean inlined(int scope) {
            return scope >= 0 && scope < inlined.length && inlined[scope];
        }

        /** The span of a line in this body: its own, or the callsite of the outermost inlined scope it is in. */
        private Span spanHere(SourceInfo line) {
            if (line == null) return null;
            Span span = line.span();
            for (int s = line.scope(); inlined(s); s = body.scopes().get(s).parent()) {
                if (body.scopes().get(s).inlined() != null) span = body.scopes().get(s).callsite();
            }
            return span;
        }

        /** The first block with a line in scope {@code scope} or in one of its children; -1 if none. */
        int firstBlockIn(int scope) {
            for (int b = 0; b < spans.blocks().size(); b++) {
                for (SourceInfo line : spans.blocks().get(b)) {
                    for (int s = line == null ? -1 : line.scope(); s >= 0 && s < inlined.length; s = body.scopes().get(s).parent()) {
                        if (s == scope) return b;
                    }
                }
            }
            return -1;
        }

        /** The body's extent in each file, from its lines that no macro wrote. */
        private void widen(Span s) {
            if (s == null || inMacro(s)) return;
            range.merge(s.file(), s, Span::to);
        }

        /** The cause of the span of the call or assert ending block {@code block}; null if no macro wrote it or it cannot be told. */
        Span causeOfTerminator(Span span, int block) {
            List<Integer> same = new ArrayList<>();
            for (int b = 0; b < body.basicBlocks().size(); b++) {
                SourceInfo source = body.basicBlocks().get(b).terminatorSource();
                if (source != null && !inlined(source.scope()) && span.equals(source.span())) same.add(b);
            }
            return cause(span, block, same.indexOf(block), same.size());
        }

        /** The cause of the callsite of {@code scope}, an inlined scope within none; null likewise. */
        Span causeOfCallsite(Span span, int scope) {
            List<Integer> same = new ArrayList<>();
            for (int s = 0; s < body.scopes().size(); s++) {
                SourceScopeData data = body.scopes().get(s);
                if (data.inlined() != null && !inlined(data.parent()) && span.equals(data.callsite())) same.add(s);
            }
            return cause(span, firstBlockIn(scope), same.indexOf(scope), same.size());
        }

        /**
         * The cause of {@code span}, met first in block {@code block} (-1 for none), the
         * {@code index}-th of {@code count} such lines of the body in the order rustc made them
         * (blocks for calls, scopes for inlined callsites).
         */
        private Span cause(Span span, int block, int index, int count) {
            List<Span> candidates = new ArrayList<>();
            for (MacroDef def : macrosByFile.getOrDefault(span.file(), List.of())) {
                if (!def.definition().contains(span)) continue;
                for (Span cause : def.causes()) {
                    Span within = range.get(cause.file());
                    if (within != null && within.contains(cause)) candidates.add(cause);
                }
            }
            if (candidates.isEmpty()) return null;
            if (candidates.stream().distinct().count() == 1) return candidates.get(0);
            Span byArgument = block < 0 ? null : byLeadingLine(candidates, block);
            if (byArgument != null || count != candidates.size() || index < 0) return byArgument;
            candidates.sort(Comparator.comparingInt(Span::beginLine).thenComparingInt(Span::beginCol));
            return candidates.get(index);
        }

        /** The one candidate holding a line met walking back from {@code block}, nearest first. */
        private Span byLeadingLine(List<Span> candidates, int block) {
            BitSet seen = new BitSet();
            Deque<Integer> todo = new ArrayDeque<>(List.of(block));
            while (!todo.isEmpty()) {
                int b = todo.poll();
                if (seen.get(b)) continue;
                seen.set(b);
                List<SourceInfo> lines = spans.blocks().get(b);
                for (int i = lines.size() - 1; i >= 0; i--) {
                    Span s = spanHere(lines.get(i));
                    if (s == null) continue;
                    List<Span> holding = candidates.stream().filter(c -> c.contains(s)).distinct().toList();
                    if (holding.size() == 1) return holding.get(0);
                }
                todo.addAll(predecessors().get(b));
            }
            return null;
        }

        private List<List<Integer>> predecessors() {
            if (predecessors == null) {
                predecessors = new ArrayList<>();
                for (int b = 0; b < body.basicBlocks().size(); b++) predecessors.add(new ArrayList<>());
                for (int b = 0; b < body.basicBlocks().size(); b++) {
                    for (BasicBlock next : MonoReachable.successors(body.basicBlocks().get(b))) {
                        predecessors.get(next.index()).add(b);
                    }
                }
            }
            return predecessors;
        }
    }

    private boolean inMacro(Span s) {
        for (MacroDef def : macrosByFile.getOrDefault(s.file(), List.of())) {
            if (def.definition().contains(s)) return true;
        }
        return false;
    }
}
