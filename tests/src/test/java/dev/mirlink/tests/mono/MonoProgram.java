package dev.mirlink.tests.mono;

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
 * One oracle program: a directory {@code NN_name/} holding {@code main.rs} (the binary crate
 * {@code main}) and optional library crates {@code lib_*.rs} (crate name = file name).
 *
 * <p>Dependencies are declared by a comment line {@code // deps: lib_a, lib_b} among a file's leading
 * lines. A library without it depends on nothing; {@code main.rs} without it gets every library of
 * the directory. Libraries are built in dependency order, each with {@code --extern} for its direct
 * dependencies and {@code -L} for the rest.
 */
record MonoProgram(String name, Path dir, List<String> libraries, Map<String, List<String>> deps) {
    static final String BINARY_CRATE = "main";
    static final List<String> COMMON = List.of("--edition", "2021", "-C", "panic=abort");
    static final List<String> ORACLE_FLAGS = List.of("-Zshare-generics=no", "-Zspan-free-formats");

    static List<MonoProgram> discover(Path root, String only) {
        List<MonoProgram> programs = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path dir : s.filter(p -> Files.isRegularFile(p.resolve("main.rs"))).sorted().toList()) {
                String name = dir.getFileName().toString();
                if (only != null && !only.isBlank() && Stream.of(only.split(",")).map(String::strip)
                        .noneMatch(name::contains)) continue;
                programs.add(load(name, dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return programs;
    }

    static MonoProgram load(String name, Path dir) throws IOException {
        List<String> libs;
        try (Stream<Path> s = Files.list(dir)) {
            libs = s.map(p -> p.getFileName().toString()).filter(f -> f.startsWith("lib_") && f.endsWith(".rs"))
                    .map(f -> f.substring(0, f.length() - 3)).sorted().toList();
        }
        Map<String, List<String>> deps = new LinkedHashMap<>();
        for (String lib : libs) deps.put(lib, declaredDeps(dir.resolve(lib + ".rs"), libs, List.of()));
        deps.put(BINARY_CRATE, declaredDeps(dir.resolve("main.rs"), libs, libs));
        return new MonoProgram(name, dir, order(name, libs, deps), deps);
    }

    private static List<String> declaredDeps(Path file, List<String> libs, List<String> dflt) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(0, Math.min(10, lines.size()))) {
            line = line.strip();
            if (!line.startsWith("// deps:")) continue;
            List<String> out = new ArrayList<>();
            for (String d : line.substring("// deps:".length()).split("[,\\s]+")) {
                if (d.isBlank()) continue;
                if (!libs.contains(d)) throw new IllegalArgumentException(file + ": unknown dependency " + d);
                out.add(d);
            }
            return out;
        }
        return dflt;
    }

    /** Libraries in dependency order (a library after everything it depends on). */
    private static List<String> order(String program, List<String> libs, Map<String, List<String>> deps) {
        Set<String> done = new LinkedHashSet<>();
        for (String lib : libs) visit(program, lib, deps, done, new LinkedHashSet<>());
        return List.copyOf(done);
    }

    private static void visit(String program, String lib, Map<String, List<String>> deps, Set<String> done,
            Set<String> stack) {
        if (done.contains(lib)) return;
        if (!stack.add(lib)) throw new IllegalArgumentException(program + ": dependency cycle through " + lib);
        for (String d : deps.get(lib)) visit(program, d, deps, done, stack);
        stack.remove(lib);
        done.add(lib);
    }

    boolean multiCrate() {
        return !libraries.isEmpty();
    }

    /** rustc arguments shared by both sides for library {@code lib}, writing {@code out/lib<lib>.rlib}. */
    List<String> libraryArgs(String lib, String target, Path sysroot, Path out) {
        List<String> args = new ArrayList<>(COMMON);
        args.addAll(List.of("--target", target, "--sysroot", sysroot.toString(), "--crate-type", "rlib",
                "--crate-name", lib, dir.resolve(lib + ".rs").toString(), "-o", rlib(out, lib).toString()));
        args.addAll(ORACLE_FLAGS);
        args.addAll(externs(lib, out));
        return args;
    }

    /** rustc arguments for the binary crate without any output/codegen flags. */
    List<String> binaryArgs(String target, Path sysroot, Path out) {
        List<String> args = new ArrayList<>(COMMON);
        args.addAll(List.of("--target", target, "--sysroot", sysroot.toString(), "--crate-type", "bin",
                "--crate-name", BINARY_CRATE, dir.resolve("main.rs").toString(), "-Zprint-mono-items=yes"));
        args.addAll(ORACLE_FLAGS);
        args.addAll(externs(BINARY_CRATE, out));
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
