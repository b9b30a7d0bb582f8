package dev.mirlink.tests.layout;

import dev.mirlink.tests.Tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirlink.driver.collect.Program;
import dev.mirlink.driver.collect.RustcNames;
import dev.mirlink.driver.produce.CrateProducer;
import dev.mirlink.mir.CrateItem;
import dev.mirlink.mir.CrateRecord;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.item.ItemTables;
import dev.mirlink.mir.layout.Layout;
import dev.mirlink.mir.layout.LayoutCx;
import dev.mirlink.mir.layout.LayoutException;
import dev.mirlink.mir.layout.MirClosureEnv;
import dev.mirlink.mir.layout.TargetDataLayout;
import dev.mirlink.mir.layout.Variants;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.rlib.RlibReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layout oracle: every distinct type rustc's {@code -Zprint-type-sizes -Zspan-free-formats} prints
 * for the programs in {@code resources/layout/} is laid out by {@link LayoutCx} from the MIR-only
 * rlibs (item tables, and closure bodies for closures' upvars: {@link MirClosureEnv}) and compared:
 * size, alignment, tag, each variant's size and each field's offset and size; closures, which rustc
 * prints without fields, by size and alignment. Every type must be compared, at least
 * {@link #MIN_COMPARED}, and all must agree; a type that cannot be compared fails the test (listed with its reason).
 */
class TypeSizeOracleTest {
    static final Path REPO = Tool.REPO;
    /** {@code -Dmirlink.layout.programs=DIR} runs the oracle on another directory of programs. */
    static final Path PROGRAMS = Path.of(System.getProperty("mirlink.layout.programs",
            REPO.resolve("tests/src/test/resources/layout").toString()));

    @TempDir Path dir;

    /** Each target must compare at least this many distinct types ({@code -Dmirlink.layout.minCompared=N}). */
    static final int MIN_COMPARED = Integer.getInteger("mirlink.layout.minCompared", 1500);
    /** {@code -Dmirlink.layout.verbose=true} prints every skipped type with its full reason. */
    static final boolean VERBOSE = Boolean.getBoolean("mirlink.layout.verbose");

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu"})
    void layoutsMatchRustc(String target) throws Exception {
        Path sysroot = Tool.sysroot(target);
        List<ItemTable> sysrootTables = new ArrayList<>();
        Map<String, RlibReader> sysrootMir = new HashMap<>(), sysrootRlibs = new HashMap<>();
        try (Stream<Path> s = Files.list(sysroot.resolve("lib/rustlib/" + target + "/lib"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".rlib")).sorted().toList()) sysrootTables.add(table(p, sysrootMir, sysrootRlibs));
        }
        int printedTotal = 0, compared = 0, agreed = 0;
        Set<String> seen = new HashSet<>();
        Map<String, Integer> skipped = new TreeMap<>();
        Map<String, String> skipExample = new TreeMap<>();
        List<String> mismatches = new ArrayList<>(), notCompared = new ArrayList<>();
        Map<String, Map<String, String>> declared = new HashMap<>();
        List<Path> programs;
        try (Stream<Path> s = Files.list(PROGRAMS)) {
            programs = s.filter(p -> p.toString().endsWith(".rs")).sorted().toList();
        }
        for (Path program : programs) {
            String crate = program.getFileName().toString().replace(".rs", "");
            Path rlib = dir.resolve(target + "-lib" + crate + ".rlib");
            run(dir, List.of(REPO.resolve("bin/mirlink").toString(), "/usr/bin/rustc", "--edition", "2021",
                    "--crate-type", "rlib", "--crate-name", crate, program.toString(), "-o", rlib.toString(),
                    "--target", target, "--sysroot", sysroot.toString(), "-Awarnings"));
            Map<String, RlibReader> mir = new HashMap<>(sysrootMir), rlibs = new HashMap<>(sysrootRlibs);
            List<ItemTable> tables = new ArrayList<>(sysrootTables);
            tables.add(table(rlib, mir, rlibs));
            Set<String> crates = new HashSet<>();
            for (ItemTable t : tables) crates.add(t.crateName());
            ItemTables itemTables = new ItemTables(tables);
            MirClosureEnv env = new MirClosureEnv(itemTables, mir.keySet(),
                    key -> mir.get(key).load(key) instanceof CrateItem ci ? ci : null);
            // built on first use: most programs print no such type
            Function<String, String> declaredInBody = printed -> declared.computeIfAbsent(crate, k ->
                    declaredInBody(Program.of(rlibs, itemTables, crate), target)).get(printed);
            LayoutCx cx = new LayoutCx(TargetDataLayout.forTarget(target), env);
            String printed = run(dir, List.of("/usr/bin/rustc", "-Zprint-type-sizes", "-Zspan-free-formats", "--crate-type", "lib",
                    "--emit=obj", "--edition", "2021", "--crate-name", crate, "--target", target, "--sysroot", sysroot.toString(),
                    "-Awarnings", "-o", dir.resolve(crate + ".o").toString(), program.toString()));
            for (TypeSizes expected : TypeSizes.parse(printed)) {
                String reason = null;
                Ty ty = null;
                try {
                    ty = TypeNameParser.parse(expected.name(), crate, crates, declaredInBody);
                } catch (TypeNameParser.Unsupported e) {
                    reason = "type name not parsed: " + e.getMessage().split(" in | at ")[0];
                }
                // Types named alike in two programs are the same type unless they are the programs' own.
                boolean local = ty != null && ty.toString().contains("Ident[name=" + crate + ", args=[]]");
                if (!seen.add(local ? crate + " " + expected.name() : expected.name())) {
                    continue;
                }
                printedTotal++;
                if (ty != null) {
                    try {
                        Layout layout = cx.layoutOf(ty);
                        compared++;
                        String diff = ty instanceof Ty.Adt adt ? compare(cx, adt, layout, expected) : compareSizeAlign(layout, expected);
                        if (diff == null) agreed++;
                        else mismatches.add(target + " " + expected.name() + ": " + diff);
                        continue;
                    } catch (LayoutException e) {
                        if (VERBOSE) System.out.println("  SKIP " + expected.name() + ": " + e.getMessage());
                        reason = "layout unsupported: " + e.getMessage().replaceAll("[:(\\[].*", "");
                    }
                }
                skipped.merge(reason, 1, Integer::sum);
                skipExample.putIfAbsent(reason, expected.name());
                notCompared.add(expected.name() + ": " + reason);
            }
        }
        int skippedTotal = skipped.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("layout oracle %s: %d distinct types printed, %d compared, %d agree, %d skipped%n",
                target, printedTotal, compared, agreed, skippedTotal);
        skipped.forEach((r, n) -> System.out.printf("  skipped %d: %s (e.g. %s)%n", n, r, skipExample.get(r)));
        mismatches.forEach(m -> System.out.println("  MISMATCH " + m));
        assertTrue(compared >= MIN_COMPARED, "only " + compared + " types compared, want " + MIN_COMPARED);
        assertEquals(List.of(), mismatches, "layouts that differ from rustc's");
        assertEquals(compared, agreed);
        assertEquals(List.of(), notCompared, "types not compared");
    }

    /** Closures: rustc prints only their size and alignment (rustc_ty_utils/src/layout.rs, record_layout_for_printing). */
    private static String compareSizeAlign(Layout layout, TypeSizes expected) {
        if (layout.size() != expected.size() || layout.align() != expected.align()) {
            return "size/align " + layout.size() + "/" + layout.align() + ", rustc " + expected.size() + "/" + expected.align();
        }
        return null;
    }

    /** Null when {@code layout} matches what rustc printed, else what differs. */
    private static String compare(LayoutCx cx, Ty.Adt ty, Layout layout, TypeSizes expected) {
        if (layout.size() != expected.size() || layout.align() != expected.align()) {
            return "size/align " + layout.size() + "/" + layout.align() + ", rustc " + expected.size() + "/" + expected.align();
        }
        Long tag = layout.variants() instanceof Variants.Multiple m && m.encoding() instanceof Variants.Direct
                ? (long) m.tag().size() : null;
        if (!java.util.Objects.equals(tag, expected.discriminantSize())) {
            return "discriminant " + tag + ", rustc " + expected.discriminantSize();
        }
        Item.Adt def = cx.adtDef(ty);
        List<List<Layout>> fieldLayouts = cx.fieldLayouts(ty);
        Map<String, TypeSizes.VariantInfo> mine = new TreeMap<>();
        for (int i = 0; i < def.variants().size(); i++) {
            Layout v;
            if (layout.variants() instanceof Variants.Multiple m) v = m.variants().get(i);
            else if (layout.variants() instanceof Variants.Single s && s.index() == i) v = layout;
            else continue;
            List<TypeSizes.FieldInfo> fields = new ArrayList<>();
            long minSize = 0;
            for (int f = 0; f < def.variants().get(i).fields().size(); f++) {
                long off = v.fields().offset(f), size = fieldLayouts.get(i).get(f).size();
                fields.add(new TypeSizes.FieldInfo(def.variants().get(i).fields().get(f).name(), off, size));
                minSize = Math.max(minSize, off + size);
            }
            fields.sort(java.util.Comparator.comparingLong(TypeSizes.FieldInfo::offset).thenComparingLong(TypeSizes.FieldInfo::size));
            String name = def.kind() == Item.Adt.Kind.STRUCT ? "" : def.variants().get(i).name();
            mine.put(name, new TypeSizes.VariantInfo(name, minSize == 0 ? v.size() : minSize, fields));
        }
        if (def.kind() == Item.Adt.Kind.STRUCT && !expected.variants().containsKey("") && mine.containsKey("")
                && mine.get("").fields().isEmpty()) {
            mine.remove("");
        }
        if (!mine.keySet().equals(new java.util.TreeSet<>(expected.variants().keySet()))) {
            return "variants " + mine.keySet() + ", rustc " + expected.variants().keySet();
        }
        for (TypeSizes.VariantInfo e : expected.variants().values()) {
            TypeSizes.VariantInfo m = mine.get(e.name());
            if (e.size() >= 0 && e.size() != m.size()) return "variant " + e.name() + " size " + m.size() + ", rustc " + e.size();
            if (!e.fields().equals(m.fields())) {
                return "variant " + e.name() + " fields " + m.fields() + ", rustc " + e.fields();
            }
        }
        return null;
    }

    /** The crate's item table; the def paths it stores MIR under go into {@code mir}, its reader into {@code rlibs}. */
    private static ItemTable table(Path rlib, Map<String, RlibReader> mir, Map<String, RlibReader> rlibs) throws IOException {
        RlibReader reader = RlibReader.open(rlib, CrateProducer.SCHEMA);
        CrateRecord r = reader.load(CrateRecord.KEY, CrateRecord.class);
        for (String key : reader.itemPaths()) if (!key.equals(CrateRecord.KEY)) mir.put(key, reader);
        rlibs.put(r.crateName(), reader);
        return new ItemTable(r.crateName(), r.items(), r.externCrates());
    }

    /**
     * The types declared in fn bodies (recovered from MIR), by their path as mirlink prints it
     * ({@link RustcNames#path}, what rustc prints without the type's args); null where two share one.
     */
    private static Map<String, String> declaredInBody(Program program, String target) {
        RustcNames names = RustcNames.of(program, target);
        Map<String, String> out = new HashMap<>();
        for (ItemTable t : program.tables().all()) {
            for (Item item : t.items()) {
                if (!(item instanceof Item.Adt adt) || !adt.synthesized()) continue;
                String printed = names.path(adt.defPath());
                out.put(printed, out.containsKey(printed) ? null : adt.defPath());
            }
        }
        return out;
    }


    private static String run(Path cwd, List<String> command) {
        return Tool.run(cwd, Map.of("RUSTC_BOOTSTRAP", "1"), command).expectSuccess().stdout();
    }
}
