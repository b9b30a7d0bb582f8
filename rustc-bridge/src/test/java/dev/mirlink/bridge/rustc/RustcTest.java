package dev.mirlink.bridge.rustc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RustcTest {
    @TempDir Path dir;

    /** A fake rustc that reports {@code version} and a sysroot with or without rust-src. */
    private Path fakeRustc(String version, boolean withSrc) throws IOException {
        Path sysroot = Files.createDirectories(dir.resolve("sysroot-" + version + "-" + withSrc));
        if (withSrc) Files.createDirectories(sysroot.resolve("lib/rustlib/src/rust/library"));
        Path exe = dir.resolve("rustc-" + version + "-" + withSrc);
        Files.writeString(exe, """
                #!/bin/sh
                case "$1" in
                  -vV) printf 'rustc %1$s\\nbinary: rustc\\nhost: x86_64-unknown-linux-gnu\\nrelease: %1$s\\n' ;;
                  --print) echo '%2$s' ;;
                esac
                """.formatted(version, sysroot));
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        return exe;
    }

    @Test
    void acceptsSupportedRustcWithSources() throws IOException {
        Rustc r = Rustc.locate(fakeRustc("1.96.0", true).toString());
        assertEquals("1.96.0", r.version());
        assertEquals("x86_64-unknown-linux-gnu", r.hostTriple());
        assertTrue(r.hasRustSrc());
    }

    @Test
    void refusesOtherVersionsWithInstallHint() throws IOException {
        String exe = fakeRustc("1.95.0", true).toString();
        RustcException e = assertThrows(RustcException.class, () -> Rustc.locate(exe));
        assertTrue(e.getMessage().startsWith("unsupported rustc 1.95.0"), e.getMessage());
        assertTrue(e.getMessage().contains("rustc-web"), e.getMessage());
    }

    @Test
    void refusesRustcWithoutSources() throws IOException {
        String exe = fakeRustc("1.96.0", false).toString();
        RustcException e = assertThrows(RustcException.class, () -> Rustc.locate(exe));
        assertTrue(e.getMessage().contains("no rust-src"), e.getMessage());
    }

    @Test
    void refusesSomethingThatIsNotRustc() {
        RustcException e = assertThrows(RustcException.class, () -> Rustc.locate("/bin/false"));
        assertEquals("not a working rustc: /bin/false", e.getMessage());
    }
}
