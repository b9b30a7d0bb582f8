package dev.mirlink.tests.mono;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares rustc's mono items for a binary crate with mirlink's whole-program instance set.
 *
 * <ol>
 *   <li>(a) every rustc item must be printed by mirlink with the same kind and name;</li>
 *   <li>(b) every extra mirlink item must be one rustc takes from an upstream crate instead of
 *       instantiating it: either <em>upstream-provided</em> itself, or not in L, the set of instances
 *       reachable from the report's roots along requester&rarr;instance edges without expanding past an
 *       upstream-provided instance;</li>
 *   <li>the report must agree with mirlink's stdout and be well formed (otherwise (b) means nothing).</li>
 * </ol>
 *
 * <p>Upstream-provided: defined in a crate other than the binary crate, kind {@code fn} or
 * {@code static}, and either without generic arguments or an instance rustc's object file takes from
 * upstream (its undefined symbols, v0-mangled so that they demangle with their args: an upstream
 * {@code #[inline(never)]} instance is shared even with {@code -Zshare-generics=no},
 * rustc_middle/src/ty/instance.rs {@code upstream_monomorphization}). Statics are included because rustc
 * never instantiates an upstream static locally (statics cannot be generic), while a whole-program
 * collector over MIR-only rlibs must list every static it reaches.
 */
final class InstanceComparison {
    static final Set<String> KINDS = Set.of("fn", "drop-glue", "shim", "static");
    private static final int PATH_HOPS = 6;

    private InstanceComparison() {}

    /** An extra instance that (b) does not justify, with why. */
    record Unjustified(String item, String why) {
        @Override
        public String toString() {
            return item + "\n        " + why;
        }
    }

    record Result(String program, int rustcCount, int mirlinkCount, List<String> missing,
            List<Unjustified> unjustified, int extrasUpstream, int extrasUnreached, List<String> reportProblems,
            List<String> unevaluatedConsts) {
        boolean ok() {
            return missing.isEmpty() && unjustified.isEmpty() && reportProblems.isEmpty();
        }

        /** One summary line, then (when failing) the first {@code limit} entries of each list. */
        String format(int limit) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("%-28s rustc %5d  mirlink %5d  missing %4d  unjustified extras %4d"
                            + "  (justified extras: %d upstream-provided, %d not reached locally)%s",
                    program, rustcCount, mirlinkCount, missing.size(), unjustified.size(), extrasUpstream,
                    extrasUnreached, reportProblems.isEmpty() ? "" : "  report problems " + reportProblems.size()));
            section(sb, "missing (rustc has, mirlink does not)", missing, limit);
            section(sb, "unjustified extras (mirlink has, rustc does not, reached locally)", unjustified, limit);
            section(sb, "report problems", reportProblems, limit);
            return sb.toString();
        }

        private static void section(StringBuilder sb, String title, List<?> items, int limit) {
            if (items.isEmpty()) return;
            sb.append("\n    ").append(title).append(':');
            for (int i = 0; i < Math.min(limit, items.size()); i++) sb.append("\n      ").append(items.get(i));
            if (items.size() > limit) sb.append("\n      ... and ").append(items.size() - limit).append(" more");
        }
    }

    static boolean upstreamProvided(CollectReport.Instance i, String binaryCrate, Set<String> upstreamShapes) {
        return i.crate() != null && !i.crate().equals(binaryCrate)
                && ("fn".equals(i.kind()) || "static".equals(i.kind()))
                && (!i.generic() || upstreamShapes.contains(shape(i.name())));
    }

    /**
     * An instance name with every path cut to its last segment and impl paths as qualified paths:
     * demangled symbols print def paths ({@code core::option::Option}) where rustc's mono items print
     * visible ones ({@code std::option::Option}), and {@code <&str as Ord>::cmp} where mono items
     * print {@code core::cmp::impls::<impl Ord for &str>::cmp}.
     */
    static String shape(String name) {
        String s = name;
        for (int at = s.indexOf("<impl "); at >= 0; at = s.indexOf("<impl ", at + 1)) {
            int end = matching(s, at), forAt = end < 0 ? -1 : topLevel(s, " for ", at + 1, end);
            if (forAt < 0) continue;
            String qualified = "<" + s.substring(forAt + 5, end) + " as " + s.substring(at + 6, forAt) + ">";
            int module = at; // the impl's module path goes: a qualified path names no module
            while (module >= 2 && s.startsWith("::", module - 2)) {
                int i = module - 2;
                while (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_')) i--;
                module = i;
            }
            s = s.substring(0, module) + qualified + s.substring(end + 1);
            at = module;
        }
        if (s.startsWith("<")) {
            // <alloc::raw_vec::RawVec<String>>::grow_one: an inherent method, which mono items print as a path
            int end = matching(s, 0);
            String inner = end < 0 ? "" : s.substring(1, end);
            if (end > 0 && topLevel(inner, " as ", 0, inner.length()) < 0) {
                int args = inner.indexOf('<');
                s = (args < 0 ? inner : inner.substring(0, args) + "::" + inner.substring(args)) + s.substring(end + 1);
            }
        }
        return s.replaceAll("\\b[A-Za-z_][A-Za-z0-9_]*::(?=[A-Za-z_])", "");
    }

    /** Where {@code what} first occurs in {@code s} between {@code from} and {@code to}, outside any {@code <…>}; -1 if nowhere. */
    private static int topLevel(String s, String what, int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '<') depth++;
            else if (c == '>' && s.charAt(i - 1) != '-') depth--;
            else if (depth == 0 && s.startsWith(what, i)) return i;
        }
        return -1;
    }

    /** The index of the {@code >} closing the {@code <} at {@code open} ({@code ->} aside), or -1. */
    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') depth++;
            else if (c == '>' && s.charAt(i - 1) != '-' && --depth == 0) return i;
        }
        return -1;
    }

    /**
     * L with, for each member, the requester it was first reached from (null for roots): a BFS from the
     * roots over requester&rarr;instance edges that does not leave upstream-provided instances.
     */
    static Map<String, String> localReach(CollectReport report, String binaryCrate, Set<String> upstreamShapes) {
        Map<String, List<String>> successors = new HashMap<>();
        for (CollectReport.Instance i : report.instances().values()) {
            for (String from : i.reachedFrom()) successors.computeIfAbsent(from, k -> new ArrayList<>()).add(i.name());
        }
        Map<String, String> parent = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String root : report.roots()) {
            if (!parent.containsKey(root)) {
                parent.put(root, null);
                queue.add(root);
            }
        }
        while (!queue.isEmpty()) {
            String name = queue.poll();
            CollectReport.Instance inst = report.instances().get(name);
            if (inst != null && upstreamProvided(inst, binaryCrate, upstreamShapes)) continue;
            for (String next : successors.getOrDefault(name, List.of())) {
                if (!parent.containsKey(next)) {
                    parent.put(next, name);
                    queue.add(next);
                }
            }
        }
        return parent;
    }

    /**
     * @param binaryCrate the binary crate's name ({@code main}); the report's own {@code crate} must agree
     * @param report null when mirlink wrote none (every extra is then unjustified)
     * @param target the target the test ran for; null to skip the check
     * @param upstreamShapes the {@link #shape}s of the instances rustc's object takes from upstream crates
     */
    static Result compare(String program, String binaryCrate, String target, Set<MonoItem> rustc,
            Set<String> upstreamShapes, Set<MonoItem> mirlink, CollectReport report) {
        List<String> problems = new ArrayList<>();
        Map<String, MonoItem> mirlinkByName = new HashMap<>();
        for (MonoItem m : mirlink) mirlinkByName.put(m.name(), m);

        // (a) every rustc item, same kind and name.
        List<String> missing = new ArrayList<>();
        for (MonoItem r : new TreeSet<>(rustc)) {
            if (mirlink.contains(r)) continue;
            MonoItem other = mirlinkByName.get(r.name());
            missing.add(other == null ? r.toString() : r + "   (mirlink prints it as " + other.kind() + ")");
        }

        // the report itself, and its agreement with stdout
        Map<String, String> reach = Map.of();
        if (report == null) {
            problems.add("no report was written (MIRLINK_REPORT)");
        } else {
            checkReport(report, binaryCrate, target, mirlink, problems);
            reach = localReach(report, binaryCrate, upstreamShapes);
        }

        // (b) every extra must be upstream-provided or outside L.
        List<Unjustified> unjustified = new ArrayList<>();
        int upstream = 0, unreached = 0;
        for (MonoItem m : new TreeSet<>(mirlink)) {
            if (rustc.contains(m)) continue;
            CollectReport.Instance inst = report == null ? null : report.instances().get(m.name());
            if (inst == null) {
                unjustified.add(new Unjustified(m.toString(), "not in the report, so it cannot be justified"));
            } else if (upstreamProvided(inst, binaryCrate, upstreamShapes)) {
                upstream++;
            } else if (!reach.containsKey(m.name())) {
                unreached++;
            } else {
                unjustified.add(new Unjustified(m.toString(), "crate " + inst.crate() + ", generic " + inst.generic()
                        + ", kind " + inst.kind() + "; reached: " + path(reach, m.name())));
            }
        }
        return new Result(program, rustc.size(), mirlink.size(), missing, unjustified, upstream, unreached, problems,
                report == null ? List.of() : report.unevaluatedConsts());
    }

    private static void checkReport(CollectReport report, String binaryCrate, String target, Set<MonoItem> mirlink,
            List<String> problems) {
        if (!CollectReport.SCHEMA.equals(report.schema())) {
            problems.add("schema is " + report.schema() + ", expected " + CollectReport.SCHEMA);
        }
        if (target != null && !target.equals(report.target())) {
            problems.add("target is " + report.target() + ", expected " + target);
        }
        if (!binaryCrate.equals(report.crate())) problems.add("crate is " + report.crate() + ", expected " + binaryCrate);
        if (report.roots().isEmpty()) problems.add("no roots");
        for (String d : report.duplicates()) problems.add("instance listed twice: " + d);
        if (!report.kindPrefixed().isEmpty()) {
            problems.add(report.kindPrefixed().size() + " names in the report start with their kind word (e.g. \""
                    + report.kindPrefixed().get(0) + "\"); names must be bare, as printed after MONO_ITEM <kind>"
                    + " (read without the prefix for the rest of this comparison)");
        }
        for (String root : report.roots()) {
            CollectReport.Instance i = report.instances().get(root);
            if (i == null) problems.add("root is not an instance: " + root);
            else if (!i.reachedFrom().isEmpty()) problems.add("root has a non-empty reachedFrom: " + root);
        }
        Map<String, MonoItem> stdout = new HashMap<>();
        for (MonoItem m : mirlink) stdout.put(m.name(), m);
        Set<String> roots = Set.copyOf(report.roots());
        Map<String, Integer> dangling = new TreeMap<>();
        for (CollectReport.Instance i : report.instances().values()) {
            if (i.kind() == null || !KINDS.contains(i.kind())) problems.add("unknown kind " + i.kind() + ": " + i.name());
            if (i.crate() == null) problems.add("no crate: " + i.name());
            MonoItem printed = stdout.get(i.name());
            if (printed == null) problems.add("in the report but not printed: " + i.name());
            else if (!printed.kind().equals(i.monoKind())) {
                problems.add("report kind " + i.kind() + " but printed as " + printed.kind() + ": " + i.name());
            }
            if (i.reachedFrom().isEmpty() && !roots.contains(i.name())) {
                problems.add("not a root but reachedFrom is empty: " + i.name());
            }
            for (String from : i.reachedFrom()) {
                if (!report.instances().containsKey(from)) dangling.merge(from, 1, Integer::sum);
            }
        }
        dangling.forEach((from, n) -> problems.add("reachedFrom names an unknown instance (" + n + " times): " + from));
        for (MonoItem m : new TreeSet<>(mirlink)) {
            if (!report.instances().containsKey(m.name())) problems.add("printed but not in the report: " + m);
        }
    }

    /** root → … → name, eliding the middle of long paths. */
    private static String path(Map<String, String> parent, String name) {
        List<String> chain = new ArrayList<>();
        for (String at = name; at != null && chain.size() <= parent.size(); at = parent.get(at)) chain.add(at);
        Collections.reverse(chain);
        if (chain.size() > PATH_HOPS) {
            List<String> shortened = new ArrayList<>(chain.subList(0, 2));
            shortened.add("…(" + (chain.size() - PATH_HOPS + 1) + " more)…");
            shortened.addAll(chain.subList(chain.size() - (PATH_HOPS - 3), chain.size()));
            chain = shortened;
        }
        return String.join(" → ", chain);
    }

    /** Sums over programs, for the closing line. */
    static String totals(List<Result> results) {
        int rustc = 0, mirlink = 0, missing = 0, unjustified = 0, failing = 0;
        for (Result r : results) {
            rustc += r.rustcCount();
            mirlink += r.mirlinkCount();
            missing += r.missing().size();
            unjustified += r.unjustified().size();
            if (!r.ok()) failing++;
        }
        return String.format("%d programs (%d failing), %d rustc instances compared, %d mirlink instances,"
                + " %d missing, %d unjustified extras", results.size(), failing, rustc, mirlink, missing, unjustified);
    }
}
