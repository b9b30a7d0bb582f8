package dev.mirlink.tests.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One run program: a directory {@code NN_name/} with {@code main.rs} (the binary crate {@code main}) and
 * optional library crates {@code lib_*.rs}, as in {@code resources/mono/README.md}. Leading comment lines
 * (the first ten of a file) carry the metadata: {@code // deps: lib_a, lib_b} (a library without it depends
 * on nothing; {@code main.rs} without it on every library), and in {@code main.rs} {@code // exit: N} (the
 * expected exit status, else 0) and {@code // rustc-flags: …} (added to every crate's command, both sides).
 * Sources are passed relative to the program directory, so panic locations read {@code main.rs:L:C}.
 */
record RunProgram(String name, Path dir, List<String> libraries, Map<String, List<String>> deps,
        List<String> rustcFlags, int expectedExit) {
    static final String BINARY_CRATE = "main";
    private static final int HEADER_LINES = 10;

    static List<RunProgram> discover(Path root, String only) {
        try (Stream<Path> s = Files.list(root)) {
            List<RunProgram> programs = new ArrayList<>();
            for (Path dir : s.filter(p -> Files.isRegularFile(p.resolve("main.rs"))).sorted().toList()) {
                String name = dir.getFileName().toString();
                if (only == null || only.isBlank() || Stream.of(only.split(",")).map(String::strip).anyMatch(name::contains)) {
                    programs.add(load(name, dir));
                }
            }
            return programs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RunProgram load(String name, Path dir) throws IOException {
        List<String> libs;
        try (Stream<Path> s = Files.list(dir)) {
            libs = s.map(p -> p.getFileName().toString()).filter(f -> f.startsWith("lib_") && f.endsWith(".rs"))
                    .map(f -> f.substring(0, f.length() - 3)).sorted().toList();
        }
        Map<String, List<String>> deps = new LinkedHashMap<>();
        for (String lib : libs) deps.put(lib, declaredDeps(dir.resolve(lib + ".rs"), libs, List.of()));
        Path main = dir.resolve("main.rs");
        deps.put(BINARY_CRATE, declaredDeps(main, libs, libs));
        String flags = header(main, "// rustc-flags:");
        String exit = header(main, "// exit:");
        return new RunProgram(name, dir, order(name, libs, deps), deps,
                flags == null ? List.of() : List.of(flags.strip().split("\\s+")),
                exit == null ? 0 : Integer.parseInt(exit.strip()));
    }

    /** The rest of the first leading line starting with {@code prefix}, or null. */
    static String header(Path file, String prefix) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(0, Math.min(HEADER_LINES, lines.size()))) {
            if (line.strip().startsWith(prefix)) return line.strip().substring(prefix.length());
        }
        return null;
    }

    private static List<String> declaredDeps(Path file, List<String> libs, List<String> dflt) throws IOException {
        String line = header(file, "// deps:");
        if (line == null) return dflt;
        List<String> out = new ArrayList<>();
        for (String d : line.split("[,\\s]+")) {
            if (d.isBlank()) continue;
            if (!libs.contains(d)) throw new IllegalArgumentException(file + ": unknown dependency " + d);
            out.add(d);
        }
        return out;
    }

    /** Libraries in dependency order. */
    private static List<String> order(String program, List<String> libs, Map<String, List<String>> deps) {
        Set<String> done = new LinkedHashSet<>();
        for (String lib : libs) visit(program, lib, deps, done, new LinkedHashSet<>());
        return List.copyOf(done);
    }

    private static void visit(String program, String lib, Map<String, List<String>> deps, Set<String> done, Set<String> stack) {
        if (done.contains(lib)) return;
        if (!stack.add(lib)) throw new IllegalArgumentException(program + ": dependency cycle through " + lib);
        for (String d : deps.get(lib)) visit(program, d, deps, done, stack);
        stack.remove(lib);
        done.add(lib);
    }

    boolean multiCrate() {
        return !libraries.isEmpty();
    }

    /** A library that main and another library both depend on: generic code instantiated from two crates. */
    boolean sharesALibrary() {
        return libraries.stream().anyMatch(lib -> deps.get(BINARY_CRATE).contains(lib) && deps.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(BINARY_CRATE) && e.getValue().contains(lib)));
    }

    /** rustc arguments for library {@code lib}, writing {@code out/lib<lib>.rlib}. */
    List<String> libraryArgs(String lib, Variant v, Path sysroot, Path out) {
        List<String> args = common(v, sysroot);
        args.addAll(List.of("--crate-type", "rlib", "--crate-name", lib));
        args.addAll(externs(lib, out));
        args.addAll(List.of(lib + ".rs", "-o", rlib(out, lib).toString()));
        return args;
    }

    /** rustc arguments for the executable, linked against libc. */
    List<String> binaryArgs(Variant v, Path sysroot, Path out, Path exe) {
        List<String> args = common(v, sysroot);
        args.addAll(List.of("--crate-type", "bin", "--crate-name", BINARY_CRATE, "-l", "c"));
        args.addAll(v.linkerArgs());
        args.addAll(externs(BINARY_CRATE, out));
        args.addAll(List.of("main.rs", "-o", exe.toString()));
        return args;
    }

    private List<String> common(Variant v, Path sysroot) {
        List<String> args = new ArrayList<>(List.of("--edition", "2021", "-C", "panic=abort"));
        args.addAll(rustcFlags);
        args.addAll(List.of("--target", v.target(), "--sysroot", sysroot.toString(), "-C", "opt-level=" + v.opt()));
        return args;
    }

    private List<String> externs(String crate, Path out) {
        List<String> args = new ArrayList<>();
        for (String d : deps.get(crate)) args.addAll(List.of("--extern", d + "=" + rlib(out, d)));
        if (multiCrate()) args.addAll(List.of("-L", out.toString()));
        return args;
    }

    static Path rlib(Path out, String lib) {
        return out.resolve("lib" + lib + ".rlib");
    }
}
