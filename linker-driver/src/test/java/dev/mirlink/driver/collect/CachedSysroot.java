package dev.mirlink.driver.collect;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A {@link Program} over the x86_64 MIR-only sysroot last built in ~/.cache/mirlink; the test is skipped without one. */
final class CachedSysroot {
    private CachedSysroot() {}

    /** The sysroot's rlibs whose file names match {@code rlibPattern}, loaded with {@code main} as the local crate. */
    static Program program(String rlibPattern) throws IOException {
        Path cache = Path.of(System.getProperty("user.home"), ".cache/mirlink/sysroot");
        assumeTrue(Files.isDirectory(cache), "no MIR-only sysroot built");
        Path lib;
        try (Stream<Path> s = Files.list(cache)) {
            lib = s.filter(Files::isDirectory).filter(p -> p.getFileName().toString().startsWith("1.96.0-x86_64-unknown-linux-gnu-panic-abort"))
                    .max(Comparator.comparingLong(p -> p.toFile().lastModified()))
                    .map(p -> p.resolve("lib/rustlib/x86_64-unknown-linux-gnu/lib")).orElse(null);
        }
        assumeTrue(lib != null && Files.isDirectory(lib), "no x86_64 MIR-only sysroot built");
        List<Path> rlibs;
        try (Stream<Path> s = Files.list(lib)) {
            rlibs = s.filter(p -> p.getFileName().toString().matches(rlibPattern)).toList();
        }
        try {
            return Program.open(rlibs, "main");
        } catch (RuntimeException e) {
            assumeTrue(false, "sysroot unreadable (built by another mirlink?): " + e.getMessage());
            return null;
        }
    }
}
