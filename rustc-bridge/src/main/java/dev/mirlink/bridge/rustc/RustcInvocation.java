package dev.mirlink.bridge.rustc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rustc command line as cargo (or a user) wrote it, with the few facts mirlink acts on.
 * Options are kept in order so that they can be replayed to rustc and rustdoc.
 */
public record RustcInvocation(List<String> args, String crateName, Set<String> crateTypes,
                              Set<String> emit, Path outDir, Path output, String extraFilename,
                              String target, Path sourceFile, boolean test) {

    public static RustcInvocation parse(List<String> args) {
        String crateName = null, extra = "", target = null;
        Set<String> crateTypes = new LinkedHashSet<>(), emit = new LinkedHashSet<>();
        Path outDir = null, output = null, source = null;
        boolean test = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : null;
            String value;
            if ((value = option(a, next, "--crate-name")) != null) crateName = value;
            else if ((value = option(a, next, "--crate-type")) != null) crateTypes.addAll(List.of(value.split(",")));
            else if ((value = option(a, next, "--emit")) != null) {
                for (String e : value.split(",")) emit.add(e.contains("=") ? e.substring(0, e.indexOf('=')) : e);
            } else if ((value = option(a, next, "--out-dir")) != null) outDir = Path.of(value);
            else if ((value = option(a, next, "-o")) != null) output = Path.of(value);
            else if ((value = option(a, next, "--target")) != null) target = value;
            else if ((value = option(a, next, "-C")) != null || (value = option(a, next, "--codegen")) != null) {
                if (value.startsWith("extra-filename=")) extra = value.substring("extra-filename=".length());
            } else if (a.equals("--test")) test = true;
            else if (!a.startsWith("-") && a.endsWith(".rs")) source = Path.of(a);
            if (value != null && (a.equals("--crate-name") || a.equals("--crate-type") || a.equals("--emit")
                    || a.equals("--out-dir") || a.equals("-o") || a.equals("--target") || a.equals("-C")
                    || a.equals("--codegen"))) {
                i++;
            }
        }
        if (crateTypes.isEmpty()) crateTypes.add("bin");
        if (emit.isEmpty()) emit.add("link");
        if (crateName == null && source != null) {
            String file = source.getFileName().toString();
            crateName = file.substring(0, file.length() - 3).replace('-', '_');
        }
        return new RustcInvocation(List.copyOf(args), crateName, Set.copyOf(crateTypes), Set.copyOf(emit),
                outDir, output, extra, target, source, test);
    }

    /** The value of {@code name} in either {@code name value} or {@code name=value} form. */
    private static String option(String arg, String next, String name) {
        if (arg.equals(name)) return next;
        if (arg.startsWith(name + "=")) return arg.substring(name.length() + 1);
        if (name.equals("-C") && arg.startsWith("-C") && arg.length() > 2) return arg.substring(2);
        return null;
    }

    /** The {@code --extern [priv:|noprelude:]NAME=PATH} paths by crate name, in order given. */
    public Map<String, List<Path>> externs() {
        Map<String, List<Path>> externs = new LinkedHashMap<>();
        for (String spec : values("--extern")) {
            int eq = spec.indexOf('=');
            if (eq < 0) continue;
            String name = spec.substring(0, eq);
            externs.computeIfAbsent(name.substring(name.lastIndexOf(':') + 1), k -> new ArrayList<>())
                    .add(Path.of(spec.substring(eq + 1)));
        }
        return externs;
    }

    /** The {@code -L [KIND=]DIR} directories, in order given. */
    public List<Path> librarySearchDirs() {
        return values("-L").stream().map(v -> Path.of(v.substring(v.indexOf('=') + 1))).toList();
    }

    /** Every value of {@code option}, written {@code option value}, {@code option=value} or (for -L) {@code -Lvalue}. */
    private List<String> values(String option) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(option)) {
                if (i + 1 < args.size()) out.add(args.get(++i));
            } else if (a.startsWith(option + "=")) {
                out.add(a.substring(option.length() + 1));
            } else if (option.equals("-L") && a.startsWith("-L")) {
                out.add(a.substring(2));
            }
        }
        return out;
    }

    /**
     * A library build that produces an rlib: the case mirlink turns into a MIR-only rlib. A
     * {@code dylib} alongside it (std's {@code crate-type = ["dylib", "rlib"]}) is dropped.
     */
    public boolean isLibraryLink() {
        return !test && emit.contains("link") && sourceFile != null
                && (crateTypes.contains("lib") || crateTypes.contains("rlib"))
                && crateTypes.stream().allMatch(t -> t.equals("lib") || t.equals("rlib") || t.equals("dylib"));
    }

    public boolean isHostCode() {
        return crateTypes.contains("proc-macro") || (crateName != null && crateName.startsWith("build_script_"));
    }

    public String targetOrHost(String host) { return target != null ? target : host; }

    /** Where rustc writes outputs other than {@code -o}: {@code --out-dir}, else beside {@code -o}. */
    public Path outputDir() {
        if (outDir != null) return outDir;
        return output != null ? output.toAbsolutePath().getParent() : Path.of(".");
    }

    /** Where rustc itself would put the rlib for this invocation. */
    public Path rlibPath() {
        return output != null ? output : outputDir().resolve("lib" + crateName + extraFilename + ".rlib");
    }

    /** The args with {@code --emit} replaced; everything else stays as cargo wrote it. */
    public List<String> withEmit(String newEmit) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--emit")) { i++; continue; }
            if (a.startsWith("--emit=")) continue;
            if (a.equals("-o") && output != null) { i++; continue; }
            out.add(a);
        }
        out.add("--emit=" + newEmit);
        return out;
    }
}
