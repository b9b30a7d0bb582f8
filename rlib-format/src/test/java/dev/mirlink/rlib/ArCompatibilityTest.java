package dev.mirlink.rlib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive must be an ordinary ar file that binutils, Commons Compress and rustc read. */
class ArCompatibilityTest {
    private static final String RUSTC = "/usr/bin/rustc";
    private static final Path AR = Path.of("/usr/bin/ar");

    @TempDir
    Path dir;

    private Path write(RlibLayout layout, byte[] rmeta) {
        Path out = dir.resolve("libfoo.rlib");
        new RlibWriter(TestModel.schema(), layout).write(out, TestModel.CRATE, rmeta,
                TestModel.items(200, 3));
        return out;
    }

    @Test
    void binutilsArListsMembersWithRmetaFirst() throws Exception {
        assumeTrue(Files.isExecutable(AR), "/usr/bin/ar not installed");
        Path out = write(new ChunkedLayout(Codecs.ZSTD, 8192), TestModel.rmeta());
        List<String> listed = run(List.of(AR.toString(), "t", out.toString())).lines().toList();
        List<String> expected = RlibReader.open(out).members().stream().map(ArMember::name).toList();
        assertEquals(expected, listed);
        assertEquals("lib.rmeta", listed.get(0));
        assertEquals(List.of("mirlink.hdr", "mirlink.idx", "mirlink.0"), listed.subList(1, 4));
        assertArrayEquals(TestModel.rmeta(), runBytes(List.of(AR.toString(), "p", out.toString(), "lib.rmeta")));
    }

    @Test
    void memberHeadersAreGnuStyleAndFixed() throws Exception {
        Path out = write(new PerCrateLayout(Codecs.DEFLATE), TestModel.rmeta());
        String head = new String(Files.readAllBytes(out), 0, 8 + 60, StandardCharsets.US_ASCII);
        assertEquals("!<arch>\n"
                + "lib.rmeta/      " + "0           " + "0     " + "0     " + "644     " + "1001      " + "`\n", head);
    }

    @Test
    void commonsCompressReadsTheSameMembers() throws Exception {
        Path out = write(new PerModuleLayout(Codecs.NONE), TestModel.rmeta());
        List<String> names = new ArrayList<>();
        byte[] rmeta = null;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(out));
             ArArchiveInputStream ar = new ArArchiveInputStream(in)) {
            ArArchiveEntry e;
            while ((e = ar.getNextEntry()) != null) {
                names.add(e.getName());
                if (e.getName().equals("lib.rmeta")) {
                    rmeta = ar.readAllBytes();
                }
            }
        }
        assertEquals(RlibReader.open(out).members().stream().map(ArMember::name).toList(), names);
        assertArrayEquals(TestModel.rmeta(), rmeta);
    }

    @Test
    void readsArchivesWrittenByBinutils() throws Exception {
        assumeTrue(Files.isExecutable(AR), "/usr/bin/ar not installed");
        Path ours = write(new PerCrateLayout(Codecs.ZSTD), TestModel.rmeta());
        // unpack and repack with GNU ar (adds its own "/" symbol table handling and headers)
        Path x = Files.createDirectory(dir.resolve("x"));
        List<String> names = RlibReader.open(ours).members().stream().map(ArMember::name).toList();
        for (String n : names) {
            Files.write(x.resolve(n), RlibReader.open(ours).members().stream().filter(m -> m.name().equals(n))
                    .findFirst().map(m -> slice(ours, m)).orElseThrow());
        }
        Path gnu = dir.resolve("libgnu.rlib");
        List<String> cmd = new ArrayList<>(List.of(AR.toString(), "rcD", gnu.toString()));
        names.forEach(n -> cmd.add(x.resolve(n).toString()));
        run(cmd);
        RlibReader r = RlibReader.open(gnu, TestModel.schema());
        assertEquals(Map.copyOf(RlibReader.open(ours, TestModel.schema()).loadAll()), Map.copyOf(r.loadAll()));
    }

    /** rustc (the 1.96 that scripts/setup.sh installs) type-checks a dependent crate against our rlib. */
    @Test
    void rustcTypeChecksAgainstMirOnlyRlib() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(RUSTC)), RUSTC + " missing: run scripts/setup.sh");
        Files.writeString(dir.resolve("foo.rs"), "pub fn f() -> u32 { 1 }\npub struct S { pub x: u8 }\n");
        run(List.of(RUSTC, "--crate-type=rlib", "--crate-name=foo", "--edition=2021", "--out-dir", dir.resolve("real").toString(),
                dir.resolve("foo.rs").toString()));
        Path real = dir.resolve("real/libfoo.rlib");
        ArMember meta = ArchiveIO.scan(ByteBuffer.wrap(Files.readAllBytes(real)), real).stream().filter(m -> m.name().equals("lib.rmeta")).findFirst()
                .orElseThrow();
        byte[] rmeta = slice(real, meta);
        Path mirOnly = Files.createDirectory(dir.resolve("mir")).resolve("libfoo.rlib");
        new RlibWriter(TestModel.schema(), new PerCrateLayout(Codecs.ZSTD)).write(mirOnly, TestModel.CRATE, rmeta,
                TestModel.items(10, 1));
        Files.writeString(dir.resolve("main.rs"), "fn main() { let s = foo::S { x: 1 }; let _: u32 = foo::f() + s.x as u32; }\n");
        Files.writeString(dir.resolve("bad.rs"), "fn main() { let _: () = foo::f(); }\n");
        List<String> check = List.of(RUSTC, "--edition=2021", "--emit=metadata", "--extern", "foo=" + mirOnly,
                "--out-dir", dir.resolve("out").toString());
        run(concat(check, dir.resolve("main.rs").toString()));
        Process bad = new ProcessBuilder(concat(check, dir.resolve("bad.rs").toString())).redirectErrorStream(true).start();
        String log = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        bad.waitFor(60, TimeUnit.SECONDS);
        assertNotEquals(0, bad.exitValue());
        assertTrue(log.contains("E0308"), log);
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> l = new ArrayList<>(a);
        l.add(b);
        return l;
    }

    private static byte[] slice(Path file, ArMember m) {
        try {
            byte[] all = Files.readAllBytes(file);
            byte[] b = new byte[(int) m.size()];
            System.arraycopy(all, (int) m.offset(), b, 0, b.length);
            return b;
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    private static String run(List<String> cmd) throws Exception {
        return new String(runBytes(cmd), StandardCharsets.UTF_8);
    }

    private static byte[] runBytes(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timeout: " + cmd);
        assertEquals(0, p.exitValue(), "failed: " + cmd);
        return out.toByteArray();
    }
}
