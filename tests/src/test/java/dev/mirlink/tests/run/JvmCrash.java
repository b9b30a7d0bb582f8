package dev.mirlink.tests.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** mirlink's JVM dying in native code (LLVM) leaves only an {@code hs_err_pid*.log} in its working directory. */
final class JvmCrash {
    private JvmCrash() {}

    /** "JVM crashed in FRAME (at JAVA_FRAME)" from the newest crash log in {@code dir}, or null if there is none. */
    static String describe(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            Path log = s.filter(p -> p.getFileName().toString().startsWith("hs_err_pid")).max(JvmCrash::byTime).orElse(null);
            if (log == null) return null;
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            String frame = "?", java = null;
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.startsWith("# Problematic frame:") && i + 1 < lines.size()) frame = lines.get(i + 1).replaceFirst("^#\\s*", "").strip();
                if (java == null && l.matches("^[jJ] .*dev\\.mirlink\\..*")) java = l.replaceFirst("^[jJ]\\s+(\\d+\\s+)?(c[12]\\s+)?", "").replaceFirst("\\(.*", "");
            }
            return "JVM crashed in " + frame + (java != null ? " (at " + java + ")" : "") + ", see " + log;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int byTime(Path a, Path b) {
        try {
            return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
