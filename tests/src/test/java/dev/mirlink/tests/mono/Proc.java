package dev.mirlink.tests.mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a tool and captures its output (copied from {@code dev.mirlink.tests.Tool}, trimmed). */
final class Proc {
    static final Path REPO = findRepo();
    static final Path MIRLINK = REPO.resolve("bin/mirlink");
    static final String RUSTC = "/usr/bin/rustc";

    private Proc() {}

    record Result(List<String> command, int exit, String stdout, String stderr) {
        boolean ok() {
            return exit == 0;
        }

        /** The command and the head of stderr, for failure messages. */
        String describe(int stderrLines) {
            String[] lines = stderr.strip().split("\n");
            StringBuilder sb = new StringBuilder("exit ").append(exit).append(": ").append(String.join(" ", command));
            for (int i = 0; i < Math.min(stderrLines, lines.length); i++) sb.append("\n        ").append(lines[i]);
            if (lines.length > stderrLines) sb.append("\n        ... (").append(lines.length - stderrLines).append(" more lines)");
            return sb.toString();
        }
    }

    static Result run(Path dir, Map<String, String> env, List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
            pb.environment().putAll(env);
            Path out = Files.createTempFile("mono-out", ".txt"), err = Files.createTempFile("mono-err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(20, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            Result r = new Result(command, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
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

    static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private static Path findRepo() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isExecutable(p.resolve("bin/mirlink"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repo root (bin/mirlink)");
        return p;
    }
}
