package dev.mirlink.tests.consteval;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mirlink.driver.collect.Program;
import dev.mirlink.driver.collect.Resolver;
import dev.mirlink.driver.consteval.ConstEvalException;
import dev.mirlink.driver.consteval.ConstEvaluator;
import dev.mirlink.mir.CrateItem;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.BodyKind;
import dev.mirlink.mir.body.ConstOperand;
import dev.mirlink.mir.body.ConstValue;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.Operand;
import dev.mirlink.mir.layout.ItemTablesTypeEnv;
import dev.mirlink.mir.layout.LayoutCx;
import dev.mirlink.mir.layout.TargetDataLayout;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.rlib.RlibReader;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What the collector will ask for: every constant operand (const items, assoc consts, anon consts,
 * promoteds) in the non-generic fn bodies of the single-crate programs of {@code resources/mono/}
 * (std-heavy: formatting, collections, iterators, no_std), built as MIR-only rlibs. rustc folded
 * none of these at the wrapper's opt level, so there is no value to compare: the sweep counts what
 * evaluates and what is unsupported by reason, and fails on interpreter crashes (exceptions other
 * than {@link ConstEvalException} and the resolver's/trait selection's own).
 */
class ConstOperandSweepTest {
    static final java.nio.file.Path MONO = ConstEvalOracleTest.REPO.resolve("tests/src/test/resources/mono");

    @Test
    void constOperandsOfMonoProgramsEvaluate() throws IOException {
        String target = ConstEvalOracleTest.TARGET;
        java.nio.file.Path sysroot = dev.mirlink.tests.Tool.sysroot(target);
        List<java.nio.file.Path> rlibs = new ArrayList<>();
        try (Stream<java.nio.file.Path> s = Files.list(sysroot.resolve("lib/rustlib/" + target + "/lib"))) {
            s.filter(p -> p.toString().endsWith(".rlib")).sorted().forEach(rlibs::add);
        }
        java.nio.file.Path out = Files.createTempDirectory("consteval-sweep");
        List<String> crates = new ArrayList<>();
        List<java.util.concurrent.Callable<Void>> builds = new ArrayList<>();
        try (Stream<java.nio.file.Path> s = Files.list(MONO)) {
            for (java.nio.file.Path dir : s.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<java.nio.file.Path> f = Files.list(dir)) {
                    if (f.anyMatch(p -> p.getFileName().toString().startsWith("lib_"))) continue; // single-crate programs only
                }
                String crate = "m" + dir.getFileName().toString().replaceAll("[^A-Za-z0-9_]", "_");
                java.nio.file.Path rlib = out.resolve("lib" + crate + ".rlib");
                builds.add(() -> {
                    ConstEvalOracleTest.run(List.of(ConstEvalOracleTest.REPO.resolve("bin/mirlink").toString(), "/usr/bin/rustc",
                            "--edition", "2021", "-Cpanic=abort", "--target", target, "--sysroot", sysroot.toString(),
                            "--crate-type", "rlib", "--crate-name", crate, dir.resolve("main.rs").toString(), "-o", rlib.toString())).expectSuccess();
                    return null;
                });
                rlibs.add(rlib);
                crates.add(crate);
            }
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        try {
            for (java.util.concurrent.Future<Void> f : pool.invokeAll(builds)) f.get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError("building the programs failed", e);
        } finally {
            pool.shutdown();
        }
        assertTrue(crates.size() >= 20, "too few programs: " + crates);
        Program program = Program.open(rlibs, crates.get(0));
        Resolver resolver = new Resolver(program);
        ConstEvaluator ev = new ConstEvaluator(program, resolver,
                new LayoutCx(TargetDataLayout.forTarget(target), new ItemTablesTypeEnv(program.tables())));
        int bodies = 0, evaluated = 0, ok = 0;
        Map<String, List<String>> unsupported = new TreeMap<>();
        List<String> crashes = new ArrayList<>();
        for (String crate : crates) {
            RlibReader r = RlibReader.open(rlibs.get(rlibs.size() - crates.size() + crates.indexOf(crate)),
                    dev.mirlink.driver.produce.CrateProducer.SCHEMA);
            for (String p : r.itemPaths()) {
                CrateItem ci = program.crateItem(p);
                if (ci == null) continue;
                for (MirEntry e : ci.mir()) {
                    if (!(e instanceof MirEntry.BodyEntry b) || b.body().forCtfe() || b.body().kind() != BodyKind.FN
                            || b.body().promoted() >= 0) continue;
                    String def = p + ConstEvalOracleTest.suffix(b.body().path());
                    List<String> params;
                    try {
                        params = resolver.params(def);
                    } catch (RuntimeException ex) {
                        continue;
                    }
                    if (!params.isEmpty() || mentionsParams(b.body())) continue;
                    bodies++;
                    for (ConstValue v : constants(b.body())) {
                        if (!(v instanceof ConstValue.ValuePath || v instanceof ConstValue.Promoted)) continue;
                        evaluated++;
                        try {
                            if (v instanceof ConstValue.Promoted pr) {
                                var promotedEntry = program.promoted(def, pr.index());
                                Body promoted = promotedEntry == null ? null : promotedEntry.body();
                                if (promoted == null) throw new ConstEvalException("no MIR", "promoted " + pr.index() + " of " + def);
                                List<dev.mirlink.mir.alloc.AllocEntry> allocs = allocationsOf(ci, promoted);
                                ev.evalBody(def, List.of(), promoted, allocs);
                            } else {
                                ev.eval(crate, ((ConstValue.ValuePath) v).path());
                            }
                            ok++;
                        } catch (ConstEvalException ex) {
                            unsupported.computeIfAbsent(ex.reason(), k -> new ArrayList<>()).add(def + ": " + ex.getMessage());
                        } catch (dev.mirlink.mir.traits.TraitSelectionException | dev.mirlink.driver.collect.CollectException ex) {
                            unsupported.computeIfAbsent(ex.getClass().getSimpleName(), k -> new ArrayList<>()).add(def + ": " + ex.getMessage());
                        } catch (RuntimeException ex) {
                            crashes.add(def + ": " + v + ": " + ex);
                        }
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder(String.format("const operands of %d programs (%d mono fn bodies): %d evaluated, %d ok, %d crashes",
                crates.size(), bodies, evaluated, ok, crashes.size()));
        for (Map.Entry<String, List<String>> en : unsupported.entrySet()) {
            sb.append(String.format("%n  unsupported (%s): %d", en.getKey(), en.getValue().size()));
            for (String d : en.getValue().subList(0, Math.min(5, en.getValue().size()))) sb.append("\n      ").append(d);
        }
        for (String c : crashes.subList(0, Math.min(20, crashes.size()))) sb.append("\n  CRASH ").append(c);
        System.out.println(sb);
        assertTrue(evaluated >= 100, "too few const operands: " + evaluated);
        if (!crashes.isEmpty()) fail(sb.toString());
    }

    /** The allocations dumped after {@code body} in its record. */
    private static List<dev.mirlink.mir.alloc.AllocEntry> allocationsOf(CrateItem ci, Body body) {
        for (MirEntry e : ci.mir()) if (e instanceof MirEntry.BodyEntry b && b.body() == body) return b.allocations();
        for (MirEntry e : ci.mir()) if (e instanceof MirEntry.BodyEntry b && b.body().equals(body)) return b.allocations();
        return List.of();
    }

    private static boolean mentionsParams(Body b) {
        for (var d : b.localDecls()) if (hasParam(d.ty())) return true;
        return false;
    }

    private static boolean hasParam(Ty t) {
        return switch (t) {
            case Ty.Param p -> true;
            case Ty.Ref r -> hasParam(r.pointee());
            case Ty.RawPtr r -> hasParam(r.pointee());
            case Ty.Slice s -> hasParam(s.element());
            case Ty.Array a -> hasParam(a.element()) || a.length() instanceof dev.mirlink.mir.ty.TyConst.Param;
            case Ty.Tuple tu -> tu.elements().stream().anyMatch(ConstOperandSweepTest::hasParam);
            case Ty.Adt a -> a.path().segments().stream().anyMatch(s -> s instanceof PathSegment.Ident id
                    && id.args().stream().anyMatch(g -> g instanceof GenericArg.Type ty && hasParam(ty.ty())));
            case Ty.Projection p -> true;
            default -> false;
        };
    }

    /** Every constant operand of a body, in statements and terminators. */
    static List<ConstValue> constants(Body body) {
        List<ConstValue> out = new ArrayList<>();
        for (var bb : body.basicBlocks()) {
            walk(bb.statements(), out);
            walk(bb.terminator(), out);
        }
        return out;
    }

    private static void walk(Object node, List<ConstValue> out) {
        switch (node) {
            case null -> { }
            case ConstOperand c -> out.add(c.value());
            case Ty t -> { }
            case Path p -> { }
            case java.util.Collection<?> c -> c.forEach(o -> walk(o, out));
            case Record r -> {
                for (var rc : r.getClass().getRecordComponents()) {
                    try {
                        walk(rc.getAccessor().invoke(r), out);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            default -> { }
        }
    }
}
