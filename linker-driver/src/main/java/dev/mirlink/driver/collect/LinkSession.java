package dev.mirlink.driver.collect;

import dev.mirlink.driver.MirlinkException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of the link step on a program's rlibs, shared by {@code mirlink link} and wrapper mode.
 * Stages: 1. load (the crate graph's item tables), 2. collect, 3. outputs (mono items), 4. codegen
 * (when there is an output), 5. link, 6. report.
 */
public final class LinkSession {
    /** What to produce; {@code report} and {@code output} may be null; {@code libs} are native libraries for the linker. */
    public record Options(String target, boolean printMonoItems, boolean printTypeSizes, Path report,
                          Path output, int optLevel, int jobs, List<String> libs) {
        public Options(String target, boolean printMonoItems, boolean printTypeSizes, Path report) {
            this(target, printMonoItems, printTypeSizes, report, null, 0, 1, List.of());
        }
    }

    private LinkSession() {}

    /**
     * Collects the program whose roots are in {@code localCrate} (its rlib among {@code given});
     * dependencies are found by name in {@code externs} and {@code searchDirs}.
     */
    public static Collector.Result run(String localCrate, List<Path> given, Map<String, Path> externs, List<Path> searchDirs,
                                       Options options, PrintStream out) {
        long t0 = System.nanoTime();
        // 1. load
        List<Path> rlibs = CrateGraph.closure(given, externs, searchDirs);
        Program program = Program.open(rlibs, localCrate);
        long t1 = System.nanoTime();
        // 2. collect
        Collector collector = new Collector(program, options.target());
        Collector.Result result;
        try {
            result = collector.collect(List.of());
        } catch (CollectException e) {
            throw MirlinkException.compileError("cannot collect `" + localCrate + "`: " + e.getMessage(), e);
        }
        long t2 = System.nanoTime();
        // 3. outputs
        MonoItemNames names = RustcNames.of(program, options.target());
        if (options.printMonoItems()) {
            List<String> lines = new ArrayList<>();
            for (MonoItem item : result.items()) lines.add("MONO_ITEM " + names.name(item));
            lines.sort(null);
            lines.forEach(out::println);
        }
        if (options.printTypeSizes()) TypeSizes.lines(program, collector, result, options.target(), names).forEach(out::println);
        // 4. codegen, 5. link
        CodegenStage.Outcome built = options.output() == null ? null : CodegenStage.run(program, collector, result, options);
        // 6. report
        if (options.report() != null) {
            ObjectNode json = CollectReport.json(result, options.target(), localCrate, names);
            ObjectNode timings = json.putObject("timingsMs");
            timings.put("load", (t1 - t0) / 1_000_000);
            timings.put("collect", (t2 - t1) / 1_000_000);
            if (built != null) built.report(json, timings);
            CollectReport.write(json, options.report());
        }
        return result;
    }
}
