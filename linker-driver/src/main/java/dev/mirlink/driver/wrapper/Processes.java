package dev.mirlink.driver.wrapper;

import dev.mirlink.bridge.rustc.Rustc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Child processes whose stdio is the wrapper's own, so diagnostics reach cargo untouched. */
public final class Processes {
    private Processes() {}

    public static int runInheritingIo(List<String> command) {
        return runInheritingIo(command, Map.of());
    }

    public static int runInheritingIo(List<String> command, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        Rustc.withoutJobserver(pb);
        pb.environment().putAll(env);
        try {
            return pb.start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0));
        }
    }
}
