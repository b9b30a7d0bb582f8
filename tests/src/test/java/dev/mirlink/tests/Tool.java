package dev.mirlink.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the repo's tools (bin/mirlink, rustc, cargo, ar) the way a user would. */
final class Tool {
    static final Path REPO = findRepo();
    static final Path MIRLINK = REPO.resolve("bin/mirlink");
    static final String RUSTC = "/usr/bin/rustc";
    static final String CARGO = "/usr/bin/cargo";

    record Result(int exit, String stdout, String stderr) {
        Result expectSuccess() {
            if (exit != 0) throw new AssertionError("exit " + exit + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
            return this;
        }
    }

    private Tool() {}

    static Result run(Path dir, Map<String, String> env, List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
            pb.environment().putAll(env);
            Path out = Files.createTempFile("tool-out", ".txt"), err = Files.createTempFile("tool-err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Result mirlink(String... args) {
        List<String> command = new ArrayList<>(List.of(MIRLINK.toString()));
        command.addAll(List.of(args));
        return run(REPO, Map.of(), command);
    }

    static List<String> arMembers(Path rlib) {
        return List.of(run(REPO, Map.of(), List.of("ar", "t", rlib.toString())).expectSuccess().stdout().split("\n"));
    }

    private static Path findRepo() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isExecutable(p.resolve("bin/mirlink"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repo root (bin/mirlink)");
        return p;
    }
}
