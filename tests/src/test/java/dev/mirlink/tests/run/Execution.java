package dev.mirlink.tests.run;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of a built program with the arguments {@code a b}: its stdout bytes and exit status, or a timeout.
 * Output files are capped (a miscompiled loop could otherwise fill the disk within the timeout).
 */
record Execution(byte[] stdout, String stderr, int exit, boolean timedOut) {
    static final int TIMEOUT_SECONDS = 10;
    static final int MAX_OUTPUT_KIB = 16384;
    static final List<String> ARGS = List.of("a", "b");

    static Execution run(Variant v, Path exe) {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "ulimit -f " + MAX_OUTPUT_KIB + " && exec \"$@\"", "run"));
        cmd.addAll(v.runPrefix());
        cmd.add(exe.toString());
        cmd.addAll(ARGS);
        Path dir = exe.getParent();
        Path out = dir.resolve(exe.getFileName() + ".stdout"), err = dir.resolve(exe.getFileName() + ".stderr");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectInput(new File("/dev/null"))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly().waitFor();
            }
            return new Execution(Files.readAllBytes(out), Files.readString(err, StandardCharsets.ISO_8859_1),
                    done ? p.exitValue() : -1, !done);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    String firstStderrLine() {
        return stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }

    String describeStatus() {
        return timedOut ? "timed out after " + TIMEOUT_SECONDS + " s" : "exit " + exit;
    }
}
