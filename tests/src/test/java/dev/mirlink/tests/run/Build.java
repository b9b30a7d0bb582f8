package dev.mirlink.tests.run;

import dev.mirlink.tests.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One program built on one side: its libraries in dependency order, then the executable; or the command that
 * failed. The sources are copied to {@code out/src} and compiled from there, so that whatever a compiler leaves
 * in its working directory (a JVM crash log) stays out of the source tree while panic locations still read
 * {@code main.rs:L:C}.
 */
record Build(Path exe, String failedCrate, Tool.Result failure, String crash) {
    static Build of(Side side, RunProgram p, Variant v, Path out, Map<String, String> extraEnv) {
        Path src = copySources(p, out.resolve("src"));
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("RUSTC_BOOTSTRAP", "1");
        Path sysroot = side.sysroot(v.target());
        for (String lib : p.libraries()) {
            Tool.Result r = run(side, src, env, p.libraryArgs(lib, v, sysroot, out));
            if (!r.ok()) return new Build(null, lib + ".rs", r, JvmCrash.describe(src));
        }
        Path exe = out.resolve(side.executableName());
        Tool.Result r = run(side, src, env, p.binaryArgs(v, sysroot, out, exe));
        if (!r.ok()) return new Build(null, "main.rs", r, JvmCrash.describe(src));
        if (!Files.isExecutable(exe)) {
            return new Build(null, "main.rs", new Tool.Result(r.command(), 0, r.stdout(), "no executable written: " + exe), null);
        }
        return new Build(exe, null, null, null);
    }

    private static Path copySources(RunProgram p, Path src) {
        try (Stream<Path> files = Files.list(p.dir())) {
            Files.createDirectories(src);
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".rs")).toList()) {
                Files.copy(f, src.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            return src;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Tool.Result run(Side side, Path dir, Map<String, String> env, List<String> args) {
        List<String> cmd = new ArrayList<>(side.command());
        cmd.addAll(args);
        return Tool.run(dir, env, cmd);
    }

    boolean ok() {
        return failure == null;
    }

    /** The line that says what went wrong: mirlink's one-line error, else rustc's first error, a JVM crash, or the first line. */
    String firstErrorLine() {
        List<String> lines = failure.stderr().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String line = lines.stream().filter(l -> l.startsWith("mirlink: error:")).findFirst()
                .or(() -> lines.stream().filter(l -> l.startsWith("error")).findFirst())
                .orElse(crash != null ? crash : lines.isEmpty() ? "(no stderr)" : lines.get(0));
        return failedCrate + ": exit " + failure.exit() + ": " + line;
    }
}
