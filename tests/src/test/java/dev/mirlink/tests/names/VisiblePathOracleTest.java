package dev.mirlink.tests.names;

import dev.mirlink.tests.Tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTables;
import dev.mirlink.mir.item.Resolution;
import dev.mirlink.mir.item.VisiblePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The visible-path oracle: every plain item path in rustc's {@code -Zprint-mono-items} output for
 * the programs in {@code resources/names/} is resolved to its canonical def path through the
 * MIR-only sysroot's item tables and printed back with {@link VisiblePaths}; the two must agree.
 * Each path is checked in full and through each of its proper prefixes (the modules rustc printed
 * on the way). Paths that name no item (inherent methods, local items) are counted by reason.
 */
class VisiblePathOracleTest {
    static final Path REPO = Tool.REPO;
    static final Path PROGRAMS = REPO.resolve("tests/src/test/resources/names");
    static final Path LIBRARY = Path.of("/usr/src/rustc-1.96.0/library");
    /** Identifiers joined by {@code ::}, not preceded by {@code ::} or an identifier (so not a segment after {@code >::}). */
    static final Pattern PATH = Pattern.compile("(?<![A-Za-z0-9_:@])[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)+(?![A-Za-z0-9_])");

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu"})
    void visiblePathsMatchRustc(String target) throws Exception {
        Path sysroot = Tool.sysroot(target);
        ItemTables tables = new ItemTables(Tool.itemTables(sysroot.resolve("lib/rustlib/" + target + "/lib")));
        Set<String> cfg = Set.of(run(REPO, List.of("/usr/bin/rustc", "--print", "cfg", "--target", target)).strip().split("\n"));
        VisiblePaths.Attrs attrs = VisiblePaths.attrsFromSources(tables, LIBRARY, cfg);
        Map<String, String> checked = new TreeMap<>();
        Set<String> distinct = new java.util.TreeSet<>();
        Map<String, Integer> skipped = new TreeMap<>();
        Map<String, String> skipExample = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        int full = 0, prefixes = 0;
        List<Path> programs;
        try (Stream<Path> s = Files.list(PROGRAMS)) {
            programs = s.filter(p -> p.toString().endsWith(".rs")).sorted().toList();
        }
        for (Path program : programs) {
            String crate = program.getFileName().toString().replace(".rs", "");
            String source = Files.readString(program);
            // cstore_impl.rs visible_parent_map starts from the crates the local crate names directly, in
            // crate-number order: the injected std (or core), core when named by path, `extern crate alloc`,
            // and under no_std compiler_builtins, injected without an `extern crate` unless alloc brought it in
            boolean noStd = source.contains("#![no_std]");
            List<String> roots = new ArrayList<>(List.of(noStd ? "core" : "std"));
            if (!noStd && source.contains("core::")) roots.add("core");
            if (source.contains("extern crate alloc;")) roots.add("alloc");
            if (noStd && !roots.contains("alloc")) roots.add("compiler_builtins");
            VisiblePaths visible = new VisiblePaths(tables, crate, roots, attrs);
            String printed = run(dir, List.of("/usr/bin/rustc", "-Zprint-mono-items=yes", "-Zshare-generics=no",
                    "-Zspan-free-formats", "-Cpanic=abort", "--edition", "2021", "--crate-type", "bin", "--emit=obj",
                    "--sysroot", sysroot.toString(), "--target", target, "-Awarnings", program.toString(),
                    "-o", dir.resolve(crate + ".o").toString()));
            for (String line : printed.split("\n")) {
                if (!line.startsWith("MONO_ITEM ")) continue;
                int at = line.indexOf(" @@");
                Matcher m = PATH.matcher(at < 0 ? line : line.substring(0, at));
                while (m.find()) {
                    List<String> segments = DefPaths.split(m.group());
                    for (int n = segments.size(); n >= 2; n--) {
                        String path = DefPaths.join(segments.subList(0, n));
                        String key = crate + " " + path;
                        if (checked.containsKey(key)) continue;
                        String reason = check(tables, visible, path);
                        checked.put(key, reason == null ? "ok" : reason);
                        if (reason == null || reason.startsWith("MISMATCH")) distinct.add(path);
                        if (reason == null) {
                            if (n == segments.size()) full++;
                            else prefixes++;
                        } else if (reason.startsWith("MISMATCH")) {
                            mismatches.add(crate + ": " + path + " " + reason);
                        } else {
                            skipped.merge(reason, 1, Integer::sum);
                            skipExample.merge(reason, path, (a, b) -> a.length() > 300 || a.contains(b) ? a : a + ", " + b);
                        }
                    }
                }
            }
        }
        int compared = full + prefixes + mismatches.size();
        System.out.printf("visible path oracle %s: %d paths compared over %d programs (%d whole, %d prefixes; %d distinct),"
                + " %d agree, %d mismatch%n", target, compared, programs.size(), full, prefixes, distinct.size(),
                full + prefixes, mismatches.size());
        skipped.forEach((r, n) -> System.out.printf("  skipped %d: %s (e.g. %s)%n", n, r, skipExample.get(r)));
        mismatches.forEach(m -> System.out.println("  " + m));
        assertTrue(compared >= 300, "only " + compared + " paths compared");
        assertEquals(List.of(), mismatches, "paths printed differently from rustc");
    }

    /** Null when {@code path} resolves to an item that prints back as {@code path}; else why it was skipped, or the mismatch. */
    private static String check(ItemTables tables, VisiblePaths visible, String path) {
        String crate = DefPaths.split(path).get(0);
        if (tables.get(crate) == null) return "local item (or no table for its crate)";
        String defPath;
        switch (tables.resolve(path)) {
            case Resolution.Local(Item item, String member) when item == null -> {
                return "resolves to no item";
            }
            case Resolution.Local(Item item, String member) when member == null -> defPath = item.defPath();
            case Resolution.Local(Item.Adt adt, String member) when adt.variant(member) != null ->
                    defPath = adt.defPath() + "::" + member;
            case Resolution.Local(Item item, String member) -> {
                return "associated item that is no item of its own";
            }
            case Resolution.Upstream up -> {
                return "no table for " + up.crate();
            }
            case Resolution.Unresolved u -> {
                return "not resolved by ItemTables.resolve";
            }
        }
        for (String segment : DefPaths.split(defPath)) {
            if (DefPaths.isImplSegment(segment)) return "member of an inherent impl";
        }
        String mine = visible.print(defPath);
        return mine.equals(path) ? null : "MISMATCH def path " + defPath + " printed " + mine;
    }


    private static String run(Path cwd, List<String> command) {
        return Tool.run(cwd, Map.of("RUSTC_BOOTSTRAP", "1"), command).expectSuccess().stdout();
    }
}
