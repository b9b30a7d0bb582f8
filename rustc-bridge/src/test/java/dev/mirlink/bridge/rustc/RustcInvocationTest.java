package dev.mirlink.bridge.rustc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RustcInvocationTest {
    private static final List<String> CARGO_LIB = List.of("--crate-name", "geometry", "--edition=2021",
            "geometry/src/lib.rs", "--error-format=json", "--crate-type", "lib",
            "--emit=dep-info,metadata,link", "-C", "embed-bitcode=no", "-C", "metadata=abc",
            "-C", "extra-filename=-0123abcd", "--out-dir", "/t/debug/deps", "-L", "dependency=/t/debug/deps");

    @Test
    void cargoLibraryBuildIsALibraryLink() {
        RustcInvocation inv = RustcInvocation.parse(CARGO_LIB);
        assertEquals("geometry", inv.crateName());
        assertEquals(Set.of("lib"), inv.crateTypes());
        assertEquals(Set.of("dep-info", "metadata", "link"), inv.emit());
        assertTrue(inv.isLibraryLink());
        assertEquals(Path.of("/t/debug/deps/libgeometry-0123abcd.rlib"), inv.rlibPath());
    }

    @Test
    void withEmitReplacesOnlyTheEmitFlag() {
        List<String> args = RustcInvocation.parse(CARGO_LIB).withEmit("metadata,mir=/x.mir");
        assertFalse(args.contains("--emit=dep-info,metadata,link"));
        assertEquals("--emit=metadata,mir=/x.mir", args.get(args.size() - 1));
        assertEquals(CARGO_LIB.size(), args.size());
    }

    @Test
    void externsAndSearchDirsInEveryForm() {
        RustcInvocation inv = RustcInvocation.parse(List.of("--extern", "priv:core=/d/libcore.rmeta",
                "--extern=std=/d/libstd.so", "--extern", "std=/d/libstd.rlib", "-L", "dependency=/a", "-L/b", "x.rs"));
        assertEquals(Map.of("core", List.of(Path.of("/d/libcore.rmeta")),
                "std", List.of(Path.of("/d/libstd.so"), Path.of("/d/libstd.rlib"))), inv.externs());
        assertEquals(List.of(Path.of("/a"), Path.of("/b")), inv.librarySearchDirs());
    }

    @Test
    void hostCodeAndCargoProbesAreNotLibraryLinks() {
        assertTrue(RustcInvocation.parse(List.of("--crate-name", "build_script_build", "build.rs",
                "--crate-type", "bin", "--emit=dep-info,link")).isHostCode());
        assertTrue(RustcInvocation.parse(List.of("--crate-name", "serde_derive", "src/lib.rs",
                "--crate-type", "proc-macro")).isHostCode());
        RustcInvocation probe = RustcInvocation.parse(List.of("-", "--crate-name", "___", "--print=file-names",
                "--crate-type", "bin", "--crate-type", "rlib"));
        assertFalse(probe.isLibraryLink());
        assertFalse(RustcInvocation.parse(List.of("-vV")).isLibraryLink());
    }

    @Test
    void plainRustcWithOutputFile() {
        RustcInvocation inv = RustcInvocation.parse(List.of("--crate-type=rlib", "my-lib.rs", "-o", "out/libx.rlib"));
        assertEquals("my_lib", inv.crateName());
        assertTrue(inv.isLibraryLink());
        assertEquals(Path.of("out/libx.rlib"), inv.rlibPath());
    }

    @Test
    void dylibBecomesRlibAndMissingDylibExternPointsAtTheRlib() {
        List<String> args = CrateFrontend.libraryArgs(List.of("--crate-type", "dylib", "--crate-type", "rlib",
                "-C", "prefer-dynamic", "--extern", "std=/nonexistent/libstd.so", "x.rs"));
        assertEquals(List.of("--crate-type", "rlib", "--crate-type", "rlib", "--extern", "std=/nonexistent/libstd.so", "x.rs"), args);
        assertTrue(RustcInvocation.parse(List.of("--crate-type", "dylib", "--crate-type", "rlib", "x.rs")).isLibraryLink());
        assertFalse(RustcInvocation.parse(List.of("--crate-type", "dylib", "x.rs")).isLibraryLink());
    }

    @Test
    void externToAMissingDylibIsRedirectedToItsRlib(@TempDir Path dir) throws IOException {
        Files.createFile(dir.resolve("libstd.rlib"));
        List<String> args = CrateFrontend.libraryArgs(List.of("--extern", "std=" + dir.resolve("libstd.so")));
        assertEquals(List.of("--extern", "std=" + dir.resolve("libstd.rlib")), args);
    }
}
