package dev.mirlink.tests.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's end-to-end run suite: every program in {@code resources/run/} is built by plain rustc (against
 * {@link ReferenceSysroot}) and by mirlink's wrapper (against the MIR-only sysroot), for x86_64 (run natively)
 * and aarch64 (run under qemu) at opt-level 0 and 2; stdout and exit status must agree. Differences are
 * allowed only where {@code known-failures.txt} lists them ({@link KnownFailures}). Settings: {@link RunSettings}.
 */
class RunSuiteTest {
    static final RunSettings SETTINGS = RunSettings.fromSystemProperties();
    static final Path LEDGER = SETTINGS.programs().resolve("known-failures.txt");
    /**
     * Wrapper mode's one-line error while code generation cannot build a program yet ("code generation is not
     * available yet", "cannot generate code for …: unsupported: …"); the determinism test is skipped only on it.
     */
    static final Pattern CODEGEN_MISSING = Pattern.compile("(?m)^mirlink: error: .*(code generation|generate code)");

    /** rustc's side per variant and program, built once and shared by the tests of a run. */
    private static final Map<String, RustcSide> RUSTC = new ConcurrentHashMap<>();

    @TempDir static Path tmp;

    record Task(RunProgram program, Variant variant) {}

    /** Guards the corpus itself: plain rustc prints the same on every target and opt level, with the expected exit. */
    @Test
    void rustcOutputIsTargetIndependent() {
        List<RunProgram> programs = programs();
        for (Variant v : SETTINGS.variants()) Side.RUSTC.sysroot(v.target()); // fail fast, before the pool
        List<RustcSide> sides = Parallel.map(tasks(programs), SETTINGS.jobs(), t -> rustcSide(t.program(), t.variant()));
        List<String> problems = new ArrayList<>();
        int n = SETTINGS.variants().size();
        for (int i = 0; i < programs.size(); i++) {
            RunProgram p = programs.get(i);
            RustcSide first = null;
            Variant firstVariant = null;
            for (int j = 0; j < n; j++) {
                Variant v = SETTINGS.variants().get(j);
                RustcSide s = sides.get(i * n + j);
                String where = p.name() + " " + v.label() + ": ";
                if (s.problem() != null) {
                    problems.add(where + s.problem());
                    continue;
                }
                if (s.run().exit() != p.expectedExit()) {
                    problems.add(where + "exit " + s.run().exit() + ", expected " + p.expectedExit() + " (// exit:)");
                }
                if (first == null) {
                    first = s;
                    firstVariant = v;
                    continue;
                }
                String diff = OutputDiff.firstDifference(firstVariant.label(), first.run().stdout(), v.label(), s.run().stdout());
                if (diff != null) problems.add(where + diff);
            }
        }
        System.out.printf("rustc side: %d programs x %d variants, %d problems%n", programs.size(), n, problems.size());
        if (!problems.isEmpty()) fail(problems.size() + " problems with plain rustc:\n  " + String.join("\n  ", problems));
    }

    /** The differential test proper, with the ledger. */
    @Test
    void mirlinkMatchesRustc() throws IOException {
        List<RunProgram> programs = programs();
        for (Variant v : SETTINGS.variants()) { // fail fast, before the pool
            Side.RUSTC.sysroot(v.target());
            Side.MIRLINK.sysroot(v.target());
        }
        List<Verdict> verdicts = Parallel.map(tasks(programs), SETTINGS.jobs(), t -> verdict(t.program(), t.variant()));
        KnownFailures ledger = KnownFailures.load(LEDGER);
        List<SummaryTable.Row> rows = new ArrayList<>();
        for (Verdict v : verdicts) {
            KnownFailures.Entry entry = v.broken() ? null : ledger.find(v.program(), v.variant()).orElse(null);
            SummaryTable.Cell cell = v.same() ? (entry == null ? SummaryTable.Cell.OK : SummaryTable.Cell.STALE)
                    : (entry == null ? SummaryTable.Cell.FAIL : SummaryTable.Cell.LEDGER);
            rows.add(new SummaryTable.Row(v, cell, entry));
        }
        List<String> names = programs.stream().map(RunProgram::name).toList();
        String table = SummaryTable.format(names, SETTINGS.variants(), rows);
        System.out.print(table);
        if (SETTINGS.writeLedger() != null) {
            assertFalse(SETTINGS.filtered(), "mirlink.run.writeLedger needs a full run: the ledger covers every program and variant");
            Files.write(SETTINGS.writeLedger(), KnownFailures.linesFor(KnownFailures.header(LEDGER), names, SETTINGS.variants(), verdicts));
            System.out.println("wrote " + SETTINGS.writeLedger());
        }
        List<String> problems = new ArrayList<>();
        if (!SETTINGS.filtered()) {
            ledger.unknownPrograms(new TreeSet<>(names)).forEach(e -> problems.add("known-failures.txt " + e + " names no program"));
        }
        List<String> cells = SummaryTable.problems(rows);
        if (!cells.isEmpty()) problems.add(cells.size() + " cells FAIL or STALE (FAIL: a difference known-failures.txt does not list;"
                + " STALE: a listed combination that agrees now):\n  " + String.join("\n  ", cells));
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    /**
     * The same inputs give a byte-identical executable whatever mirlink's thread count. Skipped (not failed)
     * only while wrapper mode answers with the stage-3 "not available" error.
     */
    @Test
    void determinism() throws IOException {
        RunProgram p = RunProgram.discover(SETTINGS.programs(), null).stream().filter(RunProgram::sharesALibrary).findFirst().orElse(null);
        Assumptions.assumeTrue(p != null, "no multi-crate program with a shared library in " + SETTINGS.programs());
        Variant v = SETTINGS.variants().contains(new Variant(Variant.TARGETS.get(0), 2)) ? new Variant(Variant.TARGETS.get(0), 2)
                : SETTINGS.variants().get(0);
        Path base = (SETTINGS.keep() != null ? SETTINGS.keep() : tmp).resolve("determinism").resolve(p.name());
        byte[] one = buildWithJobs(p, v, base, 1);
        byte[] two = buildWithJobs(p, v, base, 2);
        int at = Arrays.mismatch(one, two);
        assertTrue(at < 0, p.name() + " " + v.label() + ": MIRLINK_JOBS=1 and =2 executables differ (" + one.length + " and "
                + two.length + " bytes, first difference at offset " + at + ")");
        System.out.printf("determinism: %s %s, %d bytes, identical with MIRLINK_JOBS=1 and 2%n", p.name(), v.label(), one.length);
    }

    private static byte[] buildWithJobs(RunProgram p, Variant v, Path base, int jobs) throws IOException {
        Build b = Build.of(Side.MIRLINK, p, v, base.resolve("jobs" + jobs), Map.of("MIRLINK_JOBS", Integer.toString(jobs)));
        if (!b.ok()) {
            String err = b.failure().stderr();
            Assumptions.assumeFalse(CODEGEN_MISSING.matcher(err).find(),
                    "wrapper mode cannot generate code for it yet: " + b.firstErrorLine());
            fail("mirlink build with MIRLINK_JOBS=" + jobs + " failed: " + b.failure().describe(20));
        }
        return Files.readAllBytes(b.exe());
    }

    /** Keeps the corpus from silently shrinking below what the suite is meant to cover. */
    @Test
    void corpusCoversTheRequiredShapes() throws IOException {
        Assumptions.assumeTrue(SETTINGS.only() == null && SETTINGS.defaultPrograms(), "filtered run");
        List<RunProgram> programs = RunProgram.discover(SETTINGS.programs(), null);
        List<String> problems = new ArrayList<>();
        int multi = 0, shared = 0, panics = 0, exitCodes = 0, overflowChecks = 0;
        for (RunProgram p : programs) {
            String main = Files.readString(p.dir().resolve("main.rs"));
            for (String needed : List.of("#![no_std]", "#![no_main]", "#[panic_handler]", "exit(101)", "pub extern \"C\" fn main(")) {
                if (!main.contains(needed)) problems.add(p.name() + ": main.rs lacks " + needed);
            }
            long lines = main.lines().count();
            if (lines < 40 || lines > 150) problems.add(p.name() + ": main.rs has " + lines + " lines, want 40..150");
            if (p.multiCrate()) multi++;
            if (p.sharesALibrary()) shared++;
            if (p.expectedExit() == 101) panics++;
            else if (p.expectedExit() != 0) exitCodes++;
            if (p.rustcFlags().contains("overflow-checks=on")) overflowChecks++;
        }
        if (programs.size() < 44) problems.add(programs.size() + " programs, want at least 44");
        if (multi < 5) problems.add(multi + " multi-crate programs, want at least 5");
        if (shared < 1) problems.add("no library shared by main and another library");
        if (panics < 4) problems.add(panics + " panicking programs (// exit: 101), want at least 4");
        if (exitCodes < 2) problems.add(exitCodes + " programs returning another nonzero status, want at least 2");
        if (overflowChecks != 1) problems.add(overflowChecks + " programs with // rustc-flags: -C overflow-checks=on, want 1");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    // ---------------------------------------------------------------------------------------------

    private static List<RunProgram> programs() {
        List<RunProgram> programs = SETTINGS.discover();
        assertFalse(programs.isEmpty(), "no programs in " + SETTINGS.programs());
        assertFalse(SETTINGS.variants().isEmpty(), "mirlink.run.targets/opts select no variant");
        return programs;
    }

    /** Program-major, so that one program's variants sit together in the results. */
    private static List<Task> tasks(List<RunProgram> programs) {
        List<Task> tasks = new ArrayList<>();
        for (RunProgram p : programs) for (Variant v : SETTINGS.variants()) tasks.add(new Task(p, v));
        return tasks;
    }

    private static RustcSide rustcSide(RunProgram p, Variant v) {
        String key = v.label() + "/" + p.name();
        RustcSide side = RUSTC.get(key);
        if (side != null) return side;
        Build b = Build.of(Side.RUSTC, p, v, workDir(p, v, "rustc"), Map.of());
        side = new RustcSide(b, b.ok() ? Execution.run(v, b.exe()) : null);
        RUSTC.putIfAbsent(key, side);
        return side;
    }

    private static Verdict verdict(RunProgram p, Variant v) {
        try {
            RustcSide rustc = rustcSide(p, v);
            if (rustc.problem() != null) return Verdict.broken(p.name(), v, rustc.problem());
            Path out = workDir(p, v, "mirlink");
            Build m = Build.of(Side.MIRLINK, p, v, out, Map.of());
            if (!m.ok() && SETTINGS.keep() != null) Files.writeString(out.resolve("build.stderr"), m.failure().stderr());
            return Verdict.compare(p.name(), v, rustc, m, m.ok() ? Execution.run(v, m.exe()) : null);
        } catch (RuntimeException | AssertionError | IOException e) {
            return Verdict.broken(p.name(), v, "harness error: " + e);
        }
    }

    private static Path workDir(RunProgram p, Variant v, String side) {
        Path dir = (SETTINGS.keep() != null ? SETTINGS.keep() : tmp).resolve(v.target()).resolve("O" + v.opt())
                .resolve(p.name()).resolve(side);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
