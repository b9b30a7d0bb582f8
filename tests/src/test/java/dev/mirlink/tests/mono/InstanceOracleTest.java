package dev.mirlink.tests.mono;

import dev.mirlink.tests.Tool;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The instance oracle: for every program in {@code resources/mono/}, rustc's
 * {@code -Zprint-mono-items} for the binary crate is compared with the instances mirlink's collector
 * prints for the whole program (see {@link InstanceComparison} for the rules).
 *
 * <p>Both sides build the program's libraries first (rustc: real rlibs; mirlink: the wrapper's
 * MIR-only rlibs) against the MIR-only sysroot, then the binary with {@code -Zshare-generics=no
 * -Zspan-free-formats}. System properties: {@code mirlink.mono.programs=DIR} (other programs),
 * {@code mirlink.mono.only=03_,24_} (name filters), {@code mirlink.mono.keep=DIR} (keep every
 * output: rustc.txt, mirlink.txt, report.json, comparison.txt), {@code mirlink.mono.jobs=N}.
 */
class InstanceOracleTest {
    static final Path PROGRAMS = Path.of(System.getProperty("mirlink.mono.programs",
            Tool.REPO.resolve("tests/src/test/resources/mono").toString()));
    static final String ONLY = System.getProperty("mirlink.mono.only");
    static final Path KEEP = System.getProperty("mirlink.mono.keep") == null ? null
            : Path.of(System.getProperty("mirlink.mono.keep")).toAbsolutePath();
    static final int JOBS = Integer.getInteger("mirlink.mono.jobs",
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    static final int SHOW = 20;

    private static final Map<String, Path> SYSROOTS = new ConcurrentHashMap<>();
    /** rustc's side per target/program, shared by both tests of a run. */
    private static final Map<String, RustcSide> RUSTC = new ConcurrentHashMap<>();

    @TempDir static Path tmp;

    /**
     * rustc's mono items for a program and the {@link InstanceComparison#shape}s of the instances its
     * object takes from upstream, or why they could not be produced.
     */
    record RustcSide(Set<MonoItem> items, Set<String> upstream, String failure) {}

    /** The rustc half alone: every program compiles for the target and rustc prints mono items for it. */
    @ParameterizedTest
    @ValueSource(strings = {"x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu"})
    void rustcPrintsMonoItems(String target) {
        List<MonoProgram> programs = MonoProgram.discover(PROGRAMS, ONLY);
        assertTrue(!programs.isEmpty(), "no programs in " + PROGRAMS);
        List<RustcSide> sides = parallel(programs, p -> rustcSide(p, target));
        List<String> failures = new ArrayList<>();
        int total = 0;
        System.out.printf("rustc mono items, %s:%n", target);
        for (int i = 0; i < programs.size(); i++) {
            MonoProgram p = programs.get(i);
            RustcSide s = sides.get(i);
            if (s.failure() != null) {
                failures.add(p.name() + ": " + s.failure());
                System.out.printf("  %-28s FAILED%n", p.name());
                continue;
            }
            long statics = s.items().stream().filter(m -> m.kind().equals("static")).count();
            System.out.printf("  %-28s %5d items (%d static)%n", p.name(), s.items().size(), statics);
            total += s.items().size();
            if (s.items().isEmpty()) failures.add(p.name() + ": rustc printed no MONO_ITEM lines");
        }
        System.out.printf("  %d programs, %d mono items%n", programs.size(), total);
        if (!failures.isEmpty()) fail("rustc side failed for " + failures.size() + " programs:\n" + String.join("\n", failures));
    }

    /** The oracle proper: mirlink's instance set against rustc's, every program, all failures at the end. */
    @ParameterizedTest
    @ValueSource(strings = {"x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu"})
    void instancesMatchRustc(String target) {
        List<MonoProgram> programs = MonoProgram.discover(PROGRAMS, ONLY);
        assertTrue(!programs.isEmpty(), "no programs in " + PROGRAMS);
        List<Object> outcomes = parallel(programs, p -> compareProgram(p, target));
        List<InstanceComparison.Result> results = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        List<String> unevaluated = new ArrayList<>();
        int exact = 0;
        System.out.printf("instance oracle, %s:%n", target);
        for (int i = 0; i < programs.size(); i++) {
            Object o = outcomes.get(i);
            if (o instanceof InstanceComparison.Result r) {
                results.add(r);
                r.unevaluatedConsts().forEach(c -> unevaluated.add(r.program() + ": " + c));
                System.out.println("  " + r.format(SHOW));
                if (r.ok()) exact++;
            } else {
                System.out.println("  " + String.format("%-28s could not compare: %s", programs.get(i).name(), o));
            }
            seen.addAll(KnownGaps.of(target, programs.get(i).name(), o));
        }
        String totals = InstanceComparison.totals(results);
        System.out.printf("  %s; %d programs agree exactly; %d could not be compared%n", totals, exact, programs.size() - results.size());
        if (WRITE_GAPS != null) writeGaps(target, seen);
        KnownGaps ledger = KnownGaps.load(PROGRAMS.resolve("known-gaps.txt"));
        List<String> unknown = ledger.unknown(seen);
        Set<String> names = new java.util.TreeSet<>();
        programs.forEach(p -> names.add(p.name()));
        List<String> fixed = ledger.fixed(target, names, seen);
        if (!unknown.isEmpty() || !fixed.isEmpty()) {
            fail(target + ": " + unknown.size() + " differences from rustc not in known-gaps.txt, " + fixed.size()
                    + " known gaps no longer seen (remove them) (" + totals + ")\n  new:\n    "
                    + String.join("\n    ", unknown.subList(0, Math.min(unknown.size(), 60)))
                    + "\n  fixed:\n    " + String.join("\n    ", fixed.subList(0, Math.min(fixed.size(), 60))));
        }
        // rustc's collector evaluates every constant it meets (collector.rs, visit_const_operand); so must ours
        assertTrue(unevaluated.isEmpty(), target + ": " + unevaluated.size() + " constants left unevaluated (report "
                + "unevaluatedConsts):\n  " + String.join("\n  ", unevaluated.subList(0, Math.min(unevaluated.size(), 60))));
    }

    static final Path WRITE_GAPS = System.getProperty("mirlink.mono.writeGaps") == null ? null
            : Path.of(System.getProperty("mirlink.mono.writeGaps"));

    private static synchronized void writeGaps(String target, List<String> seen) {
        try {
            List<String> lines = new ArrayList<>();
            if (Files.exists(WRITE_GAPS)) {
                for (String l : Files.readAllLines(WRITE_GAPS)) if (!l.startsWith(target + " ")) lines.add(l);
            }
            lines.addAll(seen);
            Files.write(WRITE_GAPS, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the corpus from silently shrinking below what the oracle is meant to cover. */
    @Test
    void corpusCoversTheRequiredShapes() throws IOException {
        if (ONLY != null || System.getProperty("mirlink.mono.programs") != null) return;
        List<MonoProgram> programs = MonoProgram.discover(PROGRAMS, null);
        int noStd = 0, multi = 0, sharedGeneric = 0;
        for (MonoProgram p : programs) {
            if (Files.readString(p.dir().resolve("main.rs")).contains("#![no_std]")) noStd++;
            if (p.multiCrate()) multi++;
            // a library that both another library and main depend on
            for (String lib : p.libraries()) {
                boolean byLib = p.deps().entrySet().stream()
                        .anyMatch(e -> !e.getKey().equals(MonoProgram.BINARY_CRATE) && e.getValue().contains(lib));
                if (byLib && p.deps().get(MonoProgram.BINARY_CRATE).contains(lib)) sharedGeneric++;
            }
        }
        assertTrue(programs.size() >= 32, programs.size() + " programs");
        assertTrue(noStd >= 10, noStd + " no_std programs");
        assertTrue(multi >= 6, multi + " multi-crate programs");
        assertTrue(sharedGeneric >= 1, "no library shared by two crates");
    }

    // ---------------------------------------------------------------------------------------------

    private static RustcSide rustcSide(MonoProgram p, String target) {
        String key = target + "/" + p.name();
        RustcSide side = RUSTC.get(key);
        if (side == null) {
            side = buildRustcSide(p, target);
            RUSTC.putIfAbsent(key, side);
        }
        return side;
    }

    private static RustcSide buildRustcSide(MonoProgram p, String target) {
        Path out = workDir(target, p, "rustc");
        Path sysroot = sysroot(target);
        for (String lib : p.libraries()) {
            List<String> cmd = new ArrayList<>(List.of(Tool.RUSTC));
            cmd.addAll(p.libraryArgs(lib, target, sysroot, out));
            Tool.Result r = Tool.run(p.dir(), Map.of("RUSTC_BOOTSTRAP", "1"), cmd);
            if (!r.ok()) return new RustcSide(Set.of(), Set.of(), "rustc failed on " + lib + ".rs: " + r.describe(30));
        }
        List<String> cmd = new ArrayList<>(List.of(Tool.RUSTC));
        cmd.addAll(p.binaryArgs(target, sysroot, out));
        // v0 symbols demangle with their generic args: the instances the object takes from upstream
        cmd.addAll(List.of("--emit=obj", "-C", "symbol-mangling-version=v0", "-o", out.resolve("main.o").toString()));
        Tool.Result r = Tool.run(p.dir(), Map.of("RUSTC_BOOTSTRAP", "1"), cmd);
        if (!r.ok()) return new RustcSide(Set.of(), Set.of(), "rustc failed on main.rs: " + r.describe(30));
        Set<MonoItem> items = MonoItem.parseAll(r.stdout());
        keep(target, p, "rustc.txt", sorted(items));
        Tool.Result nm = Tool.run(out, Map.of(), List.of("nm", "--undefined-only", "--demangle", "--format=just-symbols",
                out.resolve("main.o").toString()));
        if (!nm.ok()) return new RustcSide(Set.of(), Set.of(), "nm failed on main.o: " + nm.describe(10));
        Set<String> upstream = nm.stdout().lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(InstanceComparison::shape).collect(Collectors.toCollection(TreeSet::new));
        return new RustcSide(items, upstream, null);
    }

    /** An {@link InstanceComparison.Result}, or a String saying why the program could not be compared. */
    private static Object compareProgram(MonoProgram p, String target) {
        RustcSide rustc = rustcSide(p, target);
        if (rustc.failure() != null) return rustc.failure();
        Path out = workDir(target, p, "mirlink");
        Path sysroot = sysroot(target);
        for (String lib : p.libraries()) {
            List<String> cmd = new ArrayList<>(List.of(Tool.MIRLINK.toString(), Tool.RUSTC));
            cmd.addAll(p.libraryArgs(lib, target, sysroot, out));
            Tool.Result r = Tool.run(p.dir(), Map.of("RUSTC_BOOTSTRAP", "1"), cmd);
            if (!r.ok()) return "mirlink wrapper failed on " + lib + ".rs: " + r.describe(15);
        }
        Path report = out.resolve("report.json");
        List<String> cmd = new ArrayList<>(List.of(Tool.MIRLINK.toString(), Tool.RUSTC));
        cmd.addAll(p.binaryArgs(target, sysroot, out));
        cmd.add("-Zno-codegen");
        Tool.Result r = Tool.run(p.dir(), Map.of("RUSTC_BOOTSTRAP", "1", "MIRLINK_REPORT", report.toString()), cmd);
        if (!r.ok()) return "mirlink failed on main.rs: " + r.describe(15);
        Set<MonoItem> mirlink = MonoItem.parseAll(r.stdout());
        keep(target, p, "mirlink.txt", sorted(mirlink));
        CollectReport parsed;
        try {
            parsed = Files.exists(report) ? CollectReport.read(report) : null;
        } catch (IllegalArgumentException e) {
            return "unreadable report " + report + ": " + e.getMessage();
        }
        InstanceComparison.Result result = InstanceComparison.compare(p.name(), MonoProgram.BINARY_CRATE, target,
                rustc.items(), rustc.upstream(), mirlink, parsed);
        keep(target, p, "comparison.txt", result.format(Integer.MAX_VALUE) + "\n");
        return result;
    }

    private static Path sysroot(String target) {
        synchronized (SYSROOTS) { // built once per target; building may take minutes
            return SYSROOTS.computeIfAbsent(target, t -> {
                Tool.Result r = Tool.run(Tool.REPO, Map.of(), List.of(Tool.MIRLINK.toString(), "sysroot", "--target", t));
                if (!r.ok()) throw new AssertionError("mirlink sysroot failed: " + r.describe(30));
                return Path.of(Tool.lastLine(r.stdout()));
            });
        }
    }

    private static Path workDir(String target, MonoProgram p, String side) {
        Path dir = (KEEP != null ? KEEP : tmp).resolve(target).resolve(p.name()).resolve(side);
        try {
            if (Files.exists(dir)) {
                try (var s = Files.walk(dir)) {
                    for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keep(String target, MonoProgram p, String file, String text) {
        if (KEEP == null) return;
        try {
            Path f = KEEP.resolve(target).resolve(p.name()).resolve(file);
            Files.createDirectories(f.getParent());
            Files.writeString(f, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sorted(Set<MonoItem> items) {
        return new TreeSet<>(items).stream().map(MonoItem::toString).collect(Collectors.joining("\n", "", "\n"));
    }

    /** Applies {@code f} to every program on {@link #JOBS} threads; results in program order. */
    private static <R> List<R> parallel(List<MonoProgram> programs, Function<MonoProgram, R> f) {
        ExecutorService pool = Executors.newFixedThreadPool(JOBS);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (MonoProgram p : programs) futures.add(pool.submit(() -> f.apply(p)));
            List<R> out = new ArrayList<>();
            for (Future<R> fu : futures) out.add(fu.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
