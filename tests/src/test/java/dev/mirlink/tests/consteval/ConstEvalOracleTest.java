package dev.mirlink.tests.consteval;

import dev.mirlink.tests.Tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mirlink.bridge.mirtext.MirTextReader;
import dev.mirlink.driver.collect.Program;
import dev.mirlink.driver.collect.Resolver;
import dev.mirlink.driver.consteval.ConstAlloc;
import dev.mirlink.driver.consteval.ConstEvalException;
import dev.mirlink.driver.consteval.ConstEvaluator;
import dev.mirlink.mir.CrateItem;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.BodyKind;
import dev.mirlink.mir.body.ConstValue;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.MirFile;
import dev.mirlink.mir.body.Operand;
import dev.mirlink.mir.body.Rvalue;
import dev.mirlink.mir.body.Statement;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.layout.ItemTablesTypeEnv;
import dev.mirlink.mir.layout.LayoutCx;
import dev.mirlink.mir.layout.TargetDataLayout;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.rlib.RlibReader;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The const-evaluation oracle: mirlink's MIR interpreter ({@link ConstEvaluator}) against values
 * rustc computed.
 *
 * <ul>
 *   <li>{@link #probesMatchRustcFolding}: every {@code pub fn p_*} of the corpus in
 *   {@code resources/consteval/} returns one constant (an assoc const at concrete types, an inline
 *   const block, a const item). mirlink interprets the fn body from the wrapper's MIR-only rlib;
 *   rustc's value is read from {@code --emit=mir -Zmir-opt-level=2 -Copt-level=3 -Zinline-mir=yes}
 *   of the same source, where GVN folds the constant to its value (generic callees inlined first). Values are compared byte for byte, pointers by what they point to.</li>
 *   <li>{@link #rustdocValuesMatch}: every monomorphic const item with a MIR body in the sysroot
 *   and the corpus whose integer/bool value rustdoc printed is evaluated by def path.</li>
 *   <li>{@link #trivialConstsResolve}: every const rustc printed as {@code const X: T = const V;}
 *   is looked up by its printed path and must give V.</li>
 * </ul>
 * Mismatches always fail; consts the interpreter cannot evaluate are counted by reason, and fail
 * for the corpus probes (which are meant to be supported). System property
 * {@code mirlink.consteval.only=user_consts} restricts the corpus.
 */
class ConstEvalOracleTest {
    static final String TARGET = "x86_64-unknown-linux-gnu";
    static final java.nio.file.Path REPO = Tool.REPO;
    static final java.nio.file.Path CORPUS = REPO.resolve("tests/src/test/resources/consteval");
    static final String ONLY = System.getProperty("mirlink.consteval.only");
    static final int SHOW = 40;

    /** A corpus crate: its source, the wrapper's rlib, and rustc's folded MIR. */
    record Crate(String name, java.nio.file.Path source, java.nio.file.Path rlib, java.nio.file.Path foldedMir) {}

    record Setup(List<Crate> crates, List<java.nio.file.Path> sysrootRlibs, Program program, ConstEvaluator ev) {}

    private static Setup setup;

    static synchronized Setup setup() throws IOException {
        if (setup != null) return setup;
        java.nio.file.Path sysroot = java.nio.file.Path.of(Tool.lastLine(run(List.of(REPO.resolve("bin/mirlink").toString(), "sysroot", "--target", TARGET)).stdout()));
        java.nio.file.Path libDir = sysroot.resolve("lib/rustlib/" + TARGET + "/lib");
        List<java.nio.file.Path> rlibs = new ArrayList<>();
        try (Stream<java.nio.file.Path> s = Files.list(libDir)) {
            s.filter(p -> p.toString().endsWith(".rlib")).sorted().forEach(rlibs::add);
        }
        List<java.nio.file.Path> sysrootRlibs = List.copyOf(rlibs);
        java.nio.file.Path out = Files.createTempDirectory("consteval-oracle");
        List<Crate> crates = new ArrayList<>();
        try (Stream<java.nio.file.Path> s = Files.list(CORPUS)) {
            for (java.nio.file.Path src : s.filter(p -> p.toString().endsWith(".rs")).sorted().toList()) {
                String name = src.getFileName().toString().replace(".rs", "");
                if (ONLY != null && !ONLY.isBlank() && !List.of(ONLY.split(",")).contains(name)) continue;
                java.nio.file.Path rlib = out.resolve("lib" + name + ".rlib"), mir = out.resolve(name + ".mir");
                List<String> common = List.of("--edition", "2021", "-Cpanic=abort", "--target", TARGET, "--crate-name", name);
                List<String> wrap = new ArrayList<>(List.of(REPO.resolve("bin/mirlink").toString(), "/usr/bin/rustc"));
                wrap.addAll(common);
                wrap.addAll(List.of("--sysroot", sysroot.toString(), "--crate-type", "rlib", src.toString(), "-o", rlib.toString()));
                run(wrap).expectSuccess();
                List<String> folded = new ArrayList<>(List.of("/usr/bin/rustc"));
                folded.addAll(common);
                folded.addAll(dev.mirlink.bridge.rustc.CrateFrontend.MIR_FLAGS);
                folded.addAll(List.of("--crate-type", "lib", "-Zmir-opt-level=2", "-Copt-level=3", "-Zinline-mir=yes", "--emit=mir", "-o", mir.toString(), src.toString()));
                run(folded).expectSuccess();
                crates.add(new Crate(name, src, rlib, mir));
                rlibs.add(rlib);
            }
        }
        assertTrue(!crates.isEmpty(), "no corpus in " + CORPUS);
        Program program = Program.open(rlibs, crates.get(0).name());
        Resolver resolver = new Resolver(program);
        LayoutCx lcx = new LayoutCx(TargetDataLayout.forTarget(TARGET), new ItemTablesTypeEnv(program.tables()));
        setup = new Setup(crates, sysrootRlibs, program, new ConstEvaluator(program, resolver, lcx));
        return setup;
    }

    /** Tallies of one sweep. */
    static final class Tally {
        final String what;
        int evaluated, matched, skipped;
        final List<String> mismatches = new ArrayList<>();
        final Map<String, List<String>> unsupported = new TreeMap<>();

        Tally(String what) { this.what = what; }

        void unsupported(String reason, String detail) {
            unsupported.computeIfAbsent(reason, k -> new ArrayList<>()).add(detail);
        }

        int unsupportedCount() {
            return unsupported.values().stream().mapToInt(List::size).sum();
        }

        String report() {
            StringBuilder sb = new StringBuilder(String.format("%s: %d evaluated, %d matched, %d mismatched, %d unsupported, %d skipped",
                    what, evaluated, matched, mismatches.size(), unsupportedCount(), skipped));
            for (Map.Entry<String, List<String>> e : unsupported.entrySet()) {
                sb.append(String.format("%n  unsupported (%s): %d", e.getKey(), e.getValue().size()));
                for (String d : e.getValue().subList(0, Math.min(5, e.getValue().size()))) sb.append("\n      ").append(d);
            }
            for (String m : mismatches.subList(0, Math.min(SHOW, mismatches.size()))) sb.append("\n  MISMATCH ").append(m);
            return sb.toString();
        }
    }

    // ------------------------------------------------------------------ probes vs rustc's folding

    @Test
    void probesMatchRustcFolding() throws IOException {
        Setup s = setup();
        Tally t = new Tally("probes vs rustc's folded MIR");
        for (Crate c : s.crates()) {
            java.util.Set<String> roots = s.program().tables().get(c.name()).rootTypeAndValueNames();
            MirFile folded = MirTextReader.read(c.foldedMir(), new MirTextReader.Options(8, false, roots));
            for (MirEntry e : folded.entries()) {
                if (!(e instanceof MirEntry.BodyEntry b) || b.body().kind() != BodyKind.FN || b.body().forCtfe()) continue;
                String fn = b.body().path().last() instanceof PathSegment.Ident id ? id.name() : "";
                if (!fn.startsWith("p_") || b.body().path().segments().size() != 1) continue;
                String def = c.name() + "::" + fn;
                ConstValue expected = returnedConstant(b.body());
                MirEntry.BodyEntry ours = s.program().body(def);
                if (expected == null || ours == null) {
                    t.unsupported("probe shape", def + (ours == null ? ": no MIR in the rlib" : ": rustc returns no single constant"));
                    continue;
                }
                if (expected instanceof ConstValue.ValuePath vp && namesConst(s, c.name(), vp.path())) {
                    t.skipped++; // rustc left it unevaluated
                    continue;
                }
                Ty ty = ours.body().returnTy();
                t.evaluated++;
                ConstAlloc got;
                try {
                    got = s.ev().evalBody(def, List.of(), ours.body(), ours.allocations());
                } catch (ConstEvalException ex) {
                    t.unsupported(ex.reason(), def + ": " + ex.getMessage());
                    continue;
                } catch (RuntimeException ex) {
                    t.unsupported(ex.getClass().getSimpleName(), def + ": " + ex.getMessage());
                    continue;
                }
                ConstAlloc want;
                try {
                    want = s.ev().value(c.name(), expected, ty);
                } catch (RuntimeException ex) {
                    t.unsupported("rustc value unreadable", def + ": " + expected + ": " + ex);
                    continue;
                }
                String d = diff(got, want);
                if (d == null) t.matched++;
                else t.mismatches.add(def + ": " + d + "\n      ours  " + got + "\n      rustc " + want + " (" + expected + ")");
            }
        }
        System.out.println(t.report());
        assertTrue(t.matched >= 1150, "too few probes matched: " + t.matched);
        List<String> ours = new ArrayList<>(t.unsupported.keySet());
        ours.removeAll(EXTERNAL);
        if (!t.mismatches.isEmpty() || !ours.isEmpty()) fail(t.report());
    }

    /**
     * Reasons that are not the interpreter's: consts whose def path several consts share (a macro
     * expands them into one module; the printed path carries no disambiguator), and types trait
     * selection cannot canonicalize.
     */
    static final List<String> EXTERNAL = List.of("ambiguous", "TraitSelectionException");

    /** Pointer-valued consts rustc leaves unfolded: what their pointers point to. */
    @Test
    void pointerConstsPointToTheRightThings() throws IOException {
        Setup s = setup();
        String crate = "user_consts";
        if (s.crates().stream().noneMatch(c -> c.name().equals(crate))) return;
        ConstAlloc name = probe(s, crate, "ptr_name");
        assertEquals(16, name.size());
        assertEquals(BigInteger.valueOf(3), name.uint(8, 8));
        ConstAlloc text = ((ConstAlloc.Target.Memory) name.relocations().get(0L)).alloc();
        assertEquals("tri", new String(text.bytes(), StandardCharsets.UTF_8));
        ConstAlloc table = probe(s, crate, "ptr_table");
        assertEquals(BigInteger.TWO, table.uint(8, 8));
        ConstAlloc elems = ((ConstAlloc.Target.Memory) table.relocations().get(0L)).alloc();
        assertEquals("01000900", hex(elems.bytes()));
        assertEquals("crate user_consts::twice", fnTarget(probe(s, crate, "ptr_f_wrap")));
        assertEquals("crate user_consts::fact", fnTarget(probe(s, crate, "ptr_f_tri")));
        ConstAlloc d = probe(s, crate, "ptr_d");
        assertEquals("03", hex(((ConstAlloc.Target.Memory) d.relocations().get(0L)).alloc().bytes()));
        ConstAlloc.Target.VTable vt = (ConstAlloc.Target.VTable) d.relocations().get(8L);
        assertEquals(new Ty.Int(Ty.IntTy.U8), vt.ty());
        assertEquals(new ConstAlloc.Target.Static("user_consts::COUNTER_INIT"), probe(s, crate, "ptr_s").relocations().get(0L));
        for (String fn : List.of("ptr_handlers", "ptr_handlers_const")) {
            ConstAlloc h = probe(s, crate, fn);
            ConstAlloc.Target.Fn shim = (ConstAlloc.Target.Fn) h.relocations().get(0L);
            assertEquals(dev.mirlink.driver.collect.MonoItem.InstanceKind.CLOSURE_ONCE_SHIM, shim.instance().kind(), fn);
            assertEquals("core::ops::function::FnOnce::call_once", shim.instance().defPath());
            Ty.Closure closure = (Ty.Closure) ((dev.mirlink.mir.ty.GenericArg.Type) shim.instance().args().get(0)).ty();
            assertEquals(fn.equals("ptr_handlers") ? "user_consts::handlers::{constant#1}::{closure#0}" : "user_consts::HANDLERS::{closure#0}",
                    Resolver.closureDefPath(closure));
            assertEquals("crate user_consts::double_u8", fnTarget(h, 8));
        }
        ConstAlloc o = probe(s, crate, "ptr_o");
        assertEquals("hi", new String(((ConstAlloc.Target.Memory) o.relocations().get(0L)).alloc().bytes(), StandardCharsets.UTF_8));
    }

    private static ConstAlloc probe(Setup s, String crate, String fn) {
        MirEntry.BodyEntry b = s.program().body(crate + "::" + fn);
        assertNotNull(b, "no MIR for " + fn);
        return s.ev().evalBody(crate + "::" + fn, List.of(), b.body(), b.allocations());
    }

    private static String fnTarget(ConstAlloc a) {
        return fnTarget(a, 0);
    }

    private static String fnTarget(ConstAlloc a, long offset) {
        ConstAlloc.Target.Fn f = (ConstAlloc.Target.Fn) a.relocations().get(offset);
        return "crate " + f.instance().defPath() + (f.instance().args().isEmpty() ? "" : f.instance().args().toString());
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) sb.append(String.format("%02x", x & 0xff));
        return sb.toString();
    }

    /** The constant a probe body returns: its only {@code _0 = const V}, or null. */
    static ConstValue returnedConstant(Body body) {
        ConstValue found = null;
        int n = 0;
        for (var bb : body.basicBlocks()) {
            for (Statement st : bb.statements()) {
                if (st instanceof Statement.Assign a && a.place().local().index() == 0 && a.place().projection().isEmpty()) {
                    n++;
                    if (a.rvalue() instanceof Rvalue.Use u && u.operand() instanceof Operand.Constant k) found = k.constant().value();
                }
            }
        }
        return n == 1 ? found : null;
    }

    /** Whether a value path names a const item (rustc did not fold it) rather than a unit struct or variant. */
    static boolean namesConst(Setup s, String crate, Path p) {
        for (PathSegment seg : p.segments()) if (!(seg instanceof PathSegment.Ident)) return true;
        List<String> names = p.segments().stream().map(seg -> ((PathSegment.Ident) seg).name()).toList();
        String def = new Resolver(s.program()).resolveDefPath(crate, names);
        return def == null || s.program().tables().get(Program.crateOf(def)).valueItem(def) instanceof Item.Const;
    }

    // ------------------------------------------------------------------ rustdoc's values

    private static final Pattern INT = Pattern.compile("(-?)([0-9_]+)(u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize)");

    @Test
    void rustdocValuesMatch() throws IOException {
        Setup s = setup();
        Tally t = new Tally("const bodies vs rustdoc values");
        List<java.nio.file.Path> rlibs = new ArrayList<>(s.sysrootRlibs());
        for (Crate c : s.crates()) rlibs.add(c.rlib());
        for (java.nio.file.Path rlib : rlibs) {
            RlibReader r = RlibReader.open(rlib, dev.mirlink.driver.produce.CrateProducer.SCHEMA);
            for (String p : r.itemPaths()) {
                String crate = Program.crateOf(p);
                if (!(s.program().tables().get(crate) instanceof dev.mirlink.mir.item.ItemTable table)) continue;
                if (!(table.valueItem(p) instanceof Item.Const item) || item.value() == null) continue;
                BigInteger want;
                int size;
                boolean signed;
                Matcher m = INT.matcher(item.value().strip());
                if (m.matches()) {
                    want = new BigInteger(m.group(1) + m.group(2).replace("_", ""));
                    String suffix = m.group(3);
                    size = suffix.endsWith("size") ? 8 : Integer.parseInt(suffix.substring(1)) / 8;
                    signed = suffix.startsWith("i");
                } else if (item.value().equals("true") || item.value().equals("false")) {
                    want = item.value().equals("true") ? BigInteger.ONE : BigInteger.ZERO;
                    size = 1;
                    signed = false;
                } else {
                    continue;
                }
                CrateItem ci = s.program().crateItem(p);
                if (ci == null || ci.mir().stream().noneMatch(e -> e instanceof MirEntry.BodyEntry b && b.body().kind() == BodyKind.CONST)) {
                    t.skipped++; // a trivial const: rustc printed its value, see trivialConstsResolve
                    continue;
                }
                t.evaluated++;
                ConstAlloc got;
                try {
                    got = s.ev().evalDefPath(p);
                } catch (ConstEvalException ex) {
                    t.unsupported(ex.reason(), p + ": " + ex.getMessage());
                    continue;
                } catch (RuntimeException ex) {
                    t.unsupported(ex.getClass().getSimpleName(), p + ": " + ex.getMessage());
                    continue;
                }
                BigInteger v = got.size() == size ? got.uint(0, size) : null;
                if (v != null && signed && v.testBit(size * 8 - 1)) v = v.subtract(BigInteger.ONE.shiftLeft(size * 8));
                if (want.equals(v)) t.matched++;
                else t.mismatches.add(p + ": rustdoc " + item.value() + ", ours " + got);
            }
        }
        System.out.println(t.report());
        assertTrue(t.evaluated >= 300, "too few consts evaluated: " + t.evaluated);
        if (!t.mismatches.isEmpty()) fail(t.report());
    }

    // ------------------------------------------------------------------ trivial consts

    @Test
    void trivialConstsResolve() throws IOException {
        Setup s = setup();
        Tally t = new Tally("trivial consts by printed path");
        List<java.nio.file.Path> rlibs = new ArrayList<>(s.sysrootRlibs());
        for (Crate c : s.crates()) rlibs.add(c.rlib());
        for (java.nio.file.Path rlib : rlibs) {
            RlibReader r = RlibReader.open(rlib, dev.mirlink.driver.produce.CrateProducer.SCHEMA);
            for (String p : r.itemPaths()) {
                CrateItem ci = s.program().crateItem(p);
                if (ci == null) continue;
                String crate = Program.crateOf(p);
                for (MirEntry e : ci.mir()) {
                    if (!(e instanceof MirEntry.TrivialConst tc)) continue;
                    if (tc.value() instanceof ConstValue.Float f && f.ty() == Ty.FloatTy.F128) {
                        t.skipped++;
                        continue;
                    }
                    String def = p + suffix(tc.path());
                    try {
                        String resolved = s.ev().resolveDefPath(crate, tc.path());
                        // `<impl at span>` prints alike for the impls one macro call makes (`#1`, `#2`…): ambiguous
                        if (!resolved.equals(def) && (def.contains(">#") || tc.path().segments().stream().anyMatch(x -> x instanceof PathSegment.ImplAt))) {
                            t.skipped++;
                            continue;
                        }
                    } catch (RuntimeException ex) {
                        // counted below
                    }
                    t.evaluated++;
                    try {
                        ConstAlloc got = s.ev().eval(crate, tc.path());
                        ConstAlloc want = s.ev().value(crate, tc.value(), tc.ty());
                        String d = diff(got, want);
                        if (d == null) t.matched++;
                        else t.mismatches.add(p + ": " + d + " ours " + got + " printed " + tc.value());
                    } catch (ConstEvalException ex) {
                        t.unsupported(ex.reason(), p + ": " + ex.getMessage());
                    } catch (RuntimeException ex) {
                        t.unsupported(ex.getClass().getSimpleName(), p + ": " + ex.getMessage());
                    }
                }
            }
        }
        System.out.println(t.report());
        assertTrue(t.evaluated >= 1000, "too few trivial consts: " + t.evaluated);
        if (!t.mismatches.isEmpty()) fail(t.report());
    }

    static String suffix(Path p) {
        StringBuilder sb = new StringBuilder();
        List<PathSegment> segs = p.segments();
        int n = segs.size();
        while (n > 0 && segs.get(n - 1) instanceof PathSegment.Disambiguated) n--;
        for (PathSegment x : segs.subList(n, segs.size())) {
            PathSegment.Disambiguated d = (PathSegment.Disambiguated) x;
            sb.append("::{").append(d.kind()).append('#').append(d.index()).append('}');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ the comparison itself

    /** The oracle must be able to fail: a changed byte, a dropped pointer, a different target are differences. */
    @Test
    void comparisonSeesDifferences() throws IOException {
        Setup s = setup();
        String crate = s.crates().get(0).name();
        Ty u32 = new Ty.Int(Ty.IntTy.U32);
        ConstAlloc a = s.ev().value(crate, new ConstValue.Int(BigInteger.valueOf(7), Ty.IntTy.U32), u32);
        ConstAlloc b = s.ev().value(crate, new ConstValue.Int(BigInteger.valueOf(8), Ty.IntTy.U32), u32);
        assertNull(diff(a, s.ev().value(crate, new ConstValue.Int(BigInteger.valueOf(7), Ty.IntTy.U32), u32)));
        assertNotNull(diff(a, b));
        Ty str = new Ty.Ref(null, new Ty.Str(), Ty.Mutability.NOT);
        ConstAlloc x = s.ev().value(crate, new ConstValue.Str("abc"), str), y = s.ev().value(crate, new ConstValue.Str("abd"), str);
        assertNull(diff(x, s.ev().value(crate, new ConstValue.Str("abc"), str)));
        assertNotNull(diff(x, y));
        assertEquals(1, x.relocations().size());
    }

    /** Null when equal: same bytes and, at the same offsets, pointers to equal targets (allocations compared recursively). */
    static String diff(ConstAlloc a, ConstAlloc b) {
        return diff(a, b, new java.util.IdentityHashMap<>(), "");
    }

    private static String diff(ConstAlloc a, ConstAlloc b, java.util.IdentityHashMap<ConstAlloc, ConstAlloc> seen, String at) {
        if (seen.get(a) == b) return null;
        seen.put(a, b);
        if (!java.util.Arrays.equals(a.bytes(), b.bytes())) return "bytes differ" + at;
        if (!a.relocations().keySet().equals(b.relocations().keySet())) return "pointers at " + a.relocations().keySet() + " vs " + b.relocations().keySet() + at;
        for (Map.Entry<Long, ConstAlloc.Target> e : a.relocations().entrySet()) {
            ConstAlloc.Target ta = e.getValue(), tb = b.relocations().get(e.getKey());
            String where = at + " in pointee at " + e.getKey();
            if (ta instanceof ConstAlloc.Target.Memory ma && tb instanceof ConstAlloc.Target.Memory mb) {
                String d = diff(ma.alloc(), mb.alloc(), seen, where);
                if (d != null) return d;
            } else if (!Objects.equals(ta, tb)) {
                return "pointer targets " + ta + " vs " + tb + where;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ processes



    /** rustc 1.96 with nightly flags, run in the repo. */
    static Tool.Result run(List<String> command) {
        return Tool.run(REPO, Map.of("RUSTC_BOOTSTRAP", "1"), command);
    }
}
