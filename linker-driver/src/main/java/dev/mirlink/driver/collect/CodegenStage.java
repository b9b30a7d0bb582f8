package dev.mirlink.driver.collect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mirlink.driver.FileTrees;
import dev.mirlink.driver.MirlinkException;
import dev.mirlink.driver.codegen.ProgramCodegen;
import dev.mirlink.driver.codegen.SystemLinker;
import dev.mirlink.llvm.Codegen;
import dev.mirlink.llvm.CodegenTarget;
import dev.mirlink.llvm.CodegenUnit;
import dev.mirlink.llvm.LlvmException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Stages 4 and 5 of a link: the codegen units to objects in parallel, then the system linker. */
final class CodegenStage {
    /** What codegen and link did, for the report. */
    record Outcome(List<CodegenUnit> units, List<Codegen.UnitResult> objects, long codegenNanos, long linkNanos) {
        void report(ObjectNode json, ObjectNode timings) {
            long ir = 0, opt = 0, emit = 0;
            ArrayNode table = json.putArray("codegenUnits");
            for (Codegen.UnitResult r : objects) {
                ir += r.irNanos();
                opt += r.optimizeNanos();
                emit += r.emitNanos();
                ObjectNode u = table.addObject();
                u.put("name", r.name());
                u.put("fns", r.fns());
                u.put("objectBytes", r.object().length);
                u.put("codegenMs", r.irNanos() / 1_000_000);
                u.put("optimizeMs", r.optimizeNanos() / 1_000_000);
                u.put("emitMs", r.emitNanos() / 1_000_000);
            }
            timings.put("codegen", codegenNanos / 1_000_000);
            timings.put("codegenCpuIr", ir / 1_000_000);
            timings.put("codegenCpuOptimize", opt / 1_000_000);
            timings.put("codegenCpuEmit", emit / 1_000_000);
            timings.put("link", linkNanos / 1_000_000);
        }
    }

    private CodegenStage() {}

    static Outcome run(Program program, Collector collector, Collector.Result result, LinkSession.Options options) {
        long t0 = System.nanoTime();
        ProgramCodegen pcg = new ProgramCodegen(program, collector, options.target());
        List<CodegenUnit> units;
        List<Codegen.UnitResult> objects;
        try {
            units = pcg.units(result);
            objects = Codegen.compile(pcg, units, new Codegen.Options(CodegenTarget.of(options.target()), options.optLevel(), options.jobs()));
        } catch (LlvmException | CollectException e) {
            throw MirlinkException.compileError("cannot generate code for " + options.output() + ": " + e.getMessage(), e);
        }
        long t1 = System.nanoTime();
        Path dir;
        try {
            dir = Files.createTempDirectory("mirlink-objects-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
        try {
            List<Path> files = new ArrayList<>();
            for (Codegen.UnitResult r : objects) {
                Path f = dir.resolve(r.name() + ".o");
                Files.write(f, r.object());
                files.add(f);
            }
            SystemLinker.link(options.target(), files, options.libs(), options.output(), pcg.referrers(result));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write objects", e);
        } finally {
            try {
                FileTrees.delete(dir);
            } catch (IOException ignored) {
                // a leftover temporary directory is harmless
            }
        }
        return new Outcome(units, objects, t1 - t0, System.nanoTime() - t1);
    }
}
