package dev.mirlink.tests.run;

import dev.mirlink.tests.Tool;
import java.nio.file.Path;
import java.util.List;

/**
 * The run suite's system properties: {@code mirlink.run.programs=DIR}, {@code mirlink.run.only=03_,24_}
 * (program name filters), {@code mirlink.run.targets=x86_64}, {@code mirlink.run.opts=2},
 * {@code mirlink.run.keep=DIR} (keep every build and output there), {@code mirlink.run.jobs=N},
 * {@code mirlink.run.writeLedger=FILE} (write the ledger a full run implies, to shrink known-failures.txt).
 */
record RunSettings(Path programs, boolean defaultPrograms, String only, List<Variant> variants, Path keep, int jobs,
        Path writeLedger) {
    static RunSettings fromSystemProperties() {
        String programs = System.getProperty("mirlink.run.programs");
        String keep = System.getProperty("mirlink.run.keep");
        String writeLedger = System.getProperty("mirlink.run.writeLedger");
        return new RunSettings(
                programs != null ? Path.of(programs).toAbsolutePath() : Tool.REPO.resolve("tests/src/test/resources/run"),
                programs == null,
                System.getProperty("mirlink.run.only"),
                Variant.select(System.getProperty("mirlink.run.targets"), System.getProperty("mirlink.run.opts")),
                keep == null ? null : Path.of(keep).toAbsolutePath(),
                Integer.getInteger("mirlink.run.jobs", Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()))),
                writeLedger == null ? null : Path.of(writeLedger).toAbsolutePath());
    }

    boolean filtered() {
        return only != null && !only.isBlank() || !defaultPrograms
                || variants.size() != Variant.TARGETS.size() * Variant.OPTS.size();
    }

    List<RunProgram> discover() {
        return RunProgram.discover(programs, only);
    }
}
