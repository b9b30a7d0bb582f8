package dev.mirlink.tests.traits;

import dev.mirlink.tests.Tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirlink.bridge.mirtext.MirTextReader;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.MirFile;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.item.ItemTables;
import dev.mirlink.mir.item.Span;
import dev.mirlink.mir.traits.AssocFn;
import dev.mirlink.mir.traits.TraitRef;
import dev.mirlink.mir.traits.TraitSelectionException;
import dev.mirlink.mir.traits.TraitSelector;
import dev.mirlink.mir.ty.Ty;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trait selection against rustc. Every {@code MONO_ITEM fn <Self as Trait>::method} that
 * {@code -Zprint-mono-items} lists is selected with {@link TraitSelector}. Which impl rustc chose is
 * read from the same compilation's debuginfo: the definition whose v0 symbol demangles to that
 * instance has a source location, which must lie inside the fn we resolved to (an impl's fn or the
 * trait's default). rustc's shims ({@code - shim}, {@code - shim(T)}) are its builtin impls.
 */
class TraitSelectionOracleTest {
    static final String RUSTC = "/usr/bin/rustc";
    static final String TARGET = "x86_64-unknown-linux-gnu";
    static final Path REPO = Tool.REPO;
    static List<ItemTable> sysrootTables;

    @TempDir Path dir;

    @BeforeAll
    static void loadSysroot() throws IOException {
        String out = run(REPO, Map.of(), List.of(REPO.resolve("bin/mirlink").toString(), "sysroot", "--target", TARGET));
        String[] lines = out.strip().split("\n");
        Path lib = Path.of(lines[lines.length - 1]).resolve("lib/rustlib").resolve(TARGET).resolve("lib");
        sysrootTables = new ArrayList<>();
        try (Stream<Path> files = Files.list(lib)) {
            for (Path rlib : files.filter(p -> p.toString().endsWith(".rlib")).sorted().toList()) sysrootTables.add(Tool.itemTable(rlib));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"user_traits", "std_spec", "builtins"})
    void selectionAgreesWithRustc(String program) throws IOException {
        Path src = dir.resolve(program + ".rs");
        try (InputStream in = TraitSelectionOracleTest.class.getResourceAsStream("/traits/" + program + ".rs")) {
            Files.write(src, in.readAllBytes());
        }
        // the program's own items, as a MIR-only rlib
        run(dir, Map.of(), List.of(REPO.resolve("bin/mirlink").toString(), RUSTC, "--edition", "2021", "--crate-type", "rlib",
                "--crate-name", program, "-Awarnings", src.getFileName().toString(), "-o", "lib" + program + ".rlib"));
        ItemTable local = Tool.itemTable(dir.resolve("lib" + program + ".rlib"));
        List<ItemTable> all = new ArrayList<>(sysrootTables);
        all.add(local);
        ItemTables tables = new ItemTables(all);
        // rustc's mono items and, from the same run, the debuginfo of every definition
        String mono = run(dir, Map.of("RUSTC_BOOTSTRAP", "1"), List.of(RUSTC, "--edition", "2021", "--crate-name", program,
                "-Zprint-mono-items=yes", "-Zshare-generics=no", "-Ztrim-diagnostic-paths=no", "-Zspan-free-formats",
                "--crate-type", "bin", "-Cpanic=abort", "-g", "-Csymbol-mangling-version=v0", "-Ccodegen-units=1",
                "-Awarnings", "--emit=llvm-ir", src.getFileName().toString(), "-o", program + ".ll"));
        Map<String, Set<Location>> defined = definitions(Files.readString(dir.resolve(program + ".ll")));

        List<String> refs = new ArrayList<>();
        for (String line : mono.split("\n")) {
            if (!line.startsWith("MONO_ITEM fn <")) continue;
            String item = line.substring("MONO_ITEM fn ".length(), line.lastIndexOf(" @@ "));
            if (splitQualified(item) != null) refs.add(item);
        }
        TraitSelector selector = new TraitSelector(tables, program);
        List<Ty.Projection> parsed = parseQualified(refs, local);
        int compared = 0, agreed = 0, byMacroFile = 0;
        Map<String, Integer> unsupported = new TreeMap<>();
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            String item = refs.get(i);
            String[] q = splitQualified(item);
            String shim = item.contains(" - shim") ? item.substring(item.indexOf(" - shim") + 3) : null;
            if (shim != null && (shim.startsWith("shim(vtable)") || shim.startsWith("shim(reify"))) {
                unsupported.merge("vtable/reify shim (wraps another instance)", 1, Integer::sum);
                continue;
            }
            Ty.Projection p = parsed.get(i);
            AssocFn fn;
            try {
                TraitRef ref = selector.traitRef(p.trait(), p.self());
                fn = selector.resolveAssocFn(ref, q[2]);
            } catch (TraitSelectionException e) {
                unsupported.merge(e.reason(), 1, Integer::sum);
                System.out.println("  unsupported: " + item + "\n    " + e.getMessage());
                continue;
            }
            if (shim != null) {
                compared++;
                if (fn.builtin()) agreed++;
                else disagreements.add(item + ": rustc builtin shim, we chose " + fn.defPath());
                continue;
            }
            Set<Location> locs = defined.getOrDefault(key(q[0], q[1], q[2]), Set.of());
            if (locs.size() != 1) {
                unsupported.merge(locs.isEmpty() ? "no rustc definition in debuginfo" : "oracle ambiguous", 1, Integer::sum);
                System.out.println("  no oracle (" + locs.size() + " definitions): " + key(q[0], q[1], q[2]));
                continue;
            }
            Location loc = locs.iterator().next();
            compared++;
            Item.Fn def = fnItem(tables, fn.defPath());
            if (!fn.builtin() && def != null && def.span() != null && loc.in(def.span())) {
                agreed++;
            } else if (!fn.builtin() && def != null && def.span() != null && macroExpanded(tables, fn.defPath(), loc)) {
                agreed++;
                byMacroFile++;
            } else {
                disagreements.add(item + ": rustc defines it at " + loc + ", we chose " + fn.defPath()
                        + (def == null || def.span() == null ? " (no span)" : " at " + def.span()));
            }
        }
        System.out.printf("trait selection oracle %s: %d trait refs, compared %d, agreed %d (%d of them by macro-expanded impl file), unsupported %s%n",
                program, refs.size(), compared, agreed, byMacroFile, unsupported);
        disagreements.forEach(d -> System.out.println("  DISAGREE " + d));
        assertTrue(compared > 0, "nothing compared");
        assertEquals(compared, agreed, String.join("\n", disagreements));
    }

    /** A source location from debuginfo. */
    record Location(String file, int line) {
        boolean in(Span span) {
            boolean sameFile = file.equals(span.file()) || file.endsWith("/" + span.file()) || span.file().endsWith("/" + file);
            return sameFile && span.beginLine() <= line && line <= span.endLine();
        }

        @Override
        public String toString() { return file + ":" + line; }
    }

    /**
     * An impl made by a macro: rustdoc spans the impl and its fns at the invocation, rustc's impl
     * header span ({@code <impl at FILE:…>} in the def path) and debuginfo lie in the macro's body.
     * Then only the file can be checked: a weaker agreement, counted apart.
     */
    private static boolean macroExpanded(ItemTables tables, String fnPath, Location loc) {
        int cut = fnPath.lastIndexOf("::");
        String implPath = fnPath.substring(0, cut);
        Matcher m = Pattern.compile("<impl at (.*?)>(#\\d+)?$").matcher(implPath);
        ItemTable t = tables.get(fnPath.substring(0, fnPath.indexOf("::")));
        if (!m.find() || t == null || !(t.typeItem(implPath) instanceof Item.Impl impl) || impl.span() == null) return false;
        Span header = Span.parse(m.group(1));
        if (impl.span().contains(header)) return false;
        return loc.in(new Span(header.file(), 1, 1, Integer.MAX_VALUE, 0));
    }

    private static Item.Fn fnItem(ItemTables tables, String defPath) {
        ItemTable t = tables.get(defPath.substring(0, defPath.indexOf("::")));
        return t != null && t.valueItem(defPath) instanceof Item.Fn f ? f : null;
    }

    private static final Pattern DI_FILE = Pattern.compile("^(!\\d+) = !DIFile\\(filename: \"([^\"]*)\"", Pattern.MULTILINE);
    private static final Pattern DI_SUB = Pattern.compile(
            "^!\\d+ = distinct !DISubprogram\\(.*?linkageName: \"(_R[^\"]*)\".*?file: (!\\d+), line: (\\d+).*DISPFlagDefinition", Pattern.MULTILINE);

    /** Demangled {@code <Self as Trait>::method} keys of every defined fn, with their source locations. */
    private Map<String, Set<Location>> definitions(String ll) throws IOException {
        Map<String, String> files = new HashMap<>();
        for (Matcher m = DI_FILE.matcher(ll); m.find(); ) files.put(m.group(1), m.group(2));
        List<String> symbols = new ArrayList<>();
        List<Location> locations = new ArrayList<>();
        for (Matcher m = DI_SUB.matcher(ll); m.find(); ) {
            symbols.add(m.group(1));
            locations.add(new Location(files.get(m.group(2)), Integer.parseInt(m.group(3))));
        }
        Path in = dir.resolve("symbols.txt");
        Files.writeString(in, String.join("\n", symbols) + "\n");
        String[] demangled = run(dir, Map.of(), List.of("sh", "-c", "c++filt < symbols.txt")).split("\n");
        Map<String, Set<Location>> out = new HashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            String[] q = splitQualified(demangled[i].replaceAll("\\[[0-9a-f]+\\]", ""));
            if (q != null) out.computeIfAbsent(key(q[0], q[1], q[2]), k -> new LinkedHashSet<>()).add(locations.get(i));
        }
        return out;
    }

    /**
     * A printing-independent key: closures' {@code {closure@path}} becomes {@code path}, then path
     * prefixes, lifetimes and spaces go (v0 and rustc's printer differ only in those).
     */
    static String key(String self, String trait, String method) {
        return normalize(self) + " as " + normalize(trait) + "::" + method;
    }

    private static String normalize(String s) {
        s = unwrapClosures(s);
        s = s.replaceAll("'[A-Za-z_]+\\s*,?\\s*", "");
        s = s.replaceAll("(?:[A-Za-z_][A-Za-z0-9_]*::)+", "");
        s = s.replaceAll("(\\d+): [iu](?:8|16|32|64|128|size)\\b", "$1"); // v0 types const args
        return s.replace(" ", "").replace("<>", "");
    }

    /** {@code {closure@path::{closure#0}}} as rustc prints it becomes {@code path::{closure#0}}, as v0 demangles it. */
    private static String unwrapClosures(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int at = s.indexOf("{closure@", i);
            if (at < 0) break;
            out.append(s, i, at);
            int depth = 0, end = at;
            for (int j = at; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c == '{') depth++;
                else if (c == '}' && --depth == 0) { end = j; break; }
            }
            out.append(unwrapClosures(s.substring(at + "{closure@".length(), end)));
            i = end + 1;
        }
        return out.append(s.substring(i)).toString();
    }

    /** {@code <S as T>::m[::<args>][ - shim…]} as {S, T, m}, or null for anything else. */
    static String[] splitQualified(String item) {
        if (!item.startsWith("<")) return null;
        int depth = 0, as = -1, end = -1;
        for (int i = 0; i < item.length() && end < 0; i++) {
            char c = item.charAt(i);
            if (c == '<' || c == '(' || c == '[' || c == '{') depth++;
            else if ((c == '>' && item.charAt(i - 1) != '-') || c == ')' || c == ']' || c == '}') {
                if (--depth == 0) end = i;
            } else if (depth == 1 && as < 0 && item.startsWith(" as ", i)) as = i;
        }
        if (as < 0 || end < 0 || !item.startsWith("::", end + 1)) return null;
        String rest = item.substring(end + 3);
        int shim = rest.indexOf(" - ");
        if (shim >= 0) rest = rest.substring(0, shim);
        int generic = rest.indexOf("::<");
        String method = generic >= 0 ? rest.substring(0, generic) : rest;
        if (!method.matches("[A-Za-z_][A-Za-z0-9_]*")) return null;
        return new String[] {item.substring(1, as), item.substring(as + 4, end), method};
    }

    /** Parses every {@code <S as T>} with the MIR reader, as the types of locals {@code <S as T>::m} of one synthetic body. */
    private static List<Ty.Projection> parseQualified(List<String> items, ItemTable local) {
        StringBuilder mir = new StringBuilder("// WARNING: This output format is intended for human consumers only\n"
                + "// and is subject to change without notice. Knock yourself out.\n"
                + "// HINT: See also -Z dump-mir for MIR at specific points during compilation.\n"
                + "fn probe() -> () {\n    let mut _0: ();\n");
        for (int i = 0; i < items.size(); i++) {
            String[] q = splitQualified(items.get(i));
            mir.append("    let _").append(i + 1).append(": <").append(q[0]).append(" as ").append(q[1]).append(">::").append(q[2]).append(";\n");
        }
        mir.append("\n    bb0: {\n        return;\n    }\n}\n");
        MirFile file = MirTextReader.parse(mir.toString(), new MirTextReader.Options(8, false, local.rootTypeAndValueNames()));
        var body = ((MirEntry.BodyEntry) file.entries().get(0)).body();
        List<Ty.Projection> out = new ArrayList<>();
        for (int i = 1; i < body.localDecls().size(); i++) out.add((Ty.Projection) body.localDecls().get(i).ty());
        return out;
    }


    static String run(Path dir, Map<String, String> env, List<String> command) {
        return Tool.run(dir, env, command).expectSuccess().stdout();
    }
}
