package dev.mirlink.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirlink.rlib.ArMember;
import dev.mirlink.rlib.ItemIndex;
import dev.mirlink.rlib.RlibReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one `mirlink: error:` line naming the file, exit code 2, and never a partial rlib. */
class BadInputTest {
    @TempDir static Path dir;
    static Path good;

    @BeforeAll
    static void buildOneRlib() throws IOException {
        Path src = dir.resolve("shapes.rs");
        Files.writeString(src, """
                pub struct Square<T>(pub T);
                impl<T: Copy + core::ops::Mul<Output = T>> Square<T> { pub fn area(&self) -> T { self.0 * self.0 } }
                pub fn unit() -> Square<u8> { Square(1) }
                pub fn areas(v: &[u32]) -> Vec<u32> { v.iter().map(|s| Square(*s).area()).collect() }
                """);
        good = dir.resolve("libshapes.rlib");
        Tool.run(dir, Map.of(), List.of(Tool.MIRLINK.toString(), Tool.RUSTC, "--edition", "2021",
                "--crate-type", "rlib", src.toString(), "-o", good.toString())).expectSuccess();
    }

    private static void assertBadInput(Tool.Result r, Path file, String problem) {
        assertEquals(2, r.exit(), r.stderr());
        String[] lines = r.stderr().strip().split("\n");
        assertEquals(1, lines.length, r.stderr());
        assertTrue(lines[0].startsWith("mirlink: error: "), lines[0]);
        if (file != null) assertTrue(lines[0].contains(file.toString()), lines[0]);
        assertTrue(lines[0].contains(problem), lines[0]);
    }

    private static Path copyWith(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void goodRlibInspects() {
        Tool.Result r = Tool.mirlink("inspect", good.toString()).expectSuccess();
        assertTrue(r.stdout().contains("crate: shapes"), r.stdout());
    }

    @Test
    void truncatedRlib() throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        for (int cut : new int[] {bytes.length / 3, bytes.length - 7}) {
            Path p = copyWith("truncated-" + cut + ".rlib", Arrays.copyOf(bytes, cut));
            assertBadInput(Tool.mirlink("inspect", p.toString()), p, "");
        }
    }

    @Test
    void corruptedRecord() throws IOException {
        RlibReader reader = RlibReader.open(good);
        ItemIndex.Entry entry = reader.index().entries().get(reader.index().entries().size() / 2);
        ItemIndex.Member member = reader.index().members().get(entry.member());
        ArMember ar = reader.members().stream().filter(m -> m.name().equals(member.name())).findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(good);
        int at = (int) (ar.offset() + entry.offset() + entry.length() / 2);
        bytes[at] ^= 0x5a;
        Path p = copyWith("corrupt.rlib", bytes);
        assertBadInput(Tool.mirlink("inspect", p.toString()), p, "");
    }

    @Test
    void wrongFormatVersion() throws IOException {
        RlibReader reader = RlibReader.open(good);
        ArMember header = reader.members().stream().filter(m -> m.name().equals("mirlink.hdr")).findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(good);
        ByteBuffer.wrap(bytes).putInt((int) header.offset() + 8, 7);   // after the 8-byte magic
        Path p = copyWith("version7.rlib", bytes);
        assertBadInput(Tool.mirlink("inspect", p.toString()), p, "version 7");
    }

    @Test
    void notAnArchiveAtAll() throws IOException {
        Path p = copyWith("garbage.rlib", "this is not an archive".getBytes(StandardCharsets.UTF_8));
        assertBadInput(Tool.mirlink("inspect", p.toString()), p, "");
        Path missing = dir.resolve("missing.rlib");
        assertBadInput(Tool.mirlink("inspect", missing.toString()), missing, "");
    }

    @Test
    void unknownTarget() {
        assertBadInput(Tool.mirlink("sysroot", "--target", "sparc-unknown-none"), null, "unknown target `sparc-unknown-none`");
    }

    /**
     * What code generation does not support yet (inline asm, for now) is one line naming the output,
     * the construct and the instance, exit code 1, and no executable left behind.
     */
    @Test
    void unsupportedCodegenIsOneLineAndLeavesNoOutput() throws IOException {
        Path main = dir.resolve("asm.rs");
        Files.writeString(main, """
                #![no_std]
                #![no_main]
                #[panic_handler]
                fn panic(_: &core::panic::PanicInfo) -> ! { loop {} }
                #[unsafe(no_mangle)]
                pub extern "C" fn main() -> i32 { unsafe { core::arch::asm!("nop") }; 0 }
                """);
        Path out = dir.resolve("asm-bin");
        Tool.Result r = Tool.run(dir, Map.of(), List.of(Tool.MIRLINK.toString(), Tool.RUSTC, "--edition", "2021", "-Cpanic=abort",
                "--crate-type", "bin", main.toString(), "-o", out.toString()));
        assertEquals(1, r.exit(), r.stderr());
        String[] lines = r.stderr().strip().split("\n");
        assertEquals(1, lines.length, r.stderr());
        assertTrue(lines[0].startsWith("mirlink: error: cannot generate code for " + out) && lines[0].contains("unsupported: inline asm")
                && lines[0].contains(" fn asm::main"), lines[0]);
        assertFalse(Files.exists(out), "no executable after a failed link step");
    }

    /** What the collector does not support is one line naming the construct, the instance, and what reached it. */
    @Test
    void unsupportedConstructNamesTheInstance() throws IOException {
        Path co = dir.resolve("co.rs");
        Files.writeString(co, """
                #![no_std]
                #![no_main]
                use core::future::Future;
                use core::task::{Context, Poll, Waker};
                #[panic_handler]
                fn panic(_: &core::panic::PanicInfo) -> ! { loop {} }
                fn run() -> i32 {
                    let mut f = core::pin::pin!(async { 7 });
                    match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) { Poll::Ready(v) => v, Poll::Pending => 0 }
                }
                #[unsafe(no_mangle)]
                pub extern "C" fn main() -> i32 { run() }
                """);
        Tool.Result r = Tool.run(dir, Map.of(), List.of(Tool.MIRLINK.toString(), Tool.RUSTC, "--edition", "2021",
                "-Cpanic=abort", "--crate-type", "bin", co.toString(), "-Zno-codegen"));
        assertEquals(1, r.exit(), r.stderr());
        String[] lines = r.stderr().strip().split("\n");
        assertEquals(1, lines.length, r.stderr());
        assertTrue(lines[0].startsWith("mirlink: error: cannot collect `co`: ") && lines[0].contains("async block")
                && lines[0].contains("core::future::future::Future") && lines[0].contains("in fn co::run <- fn co::main"), lines[0]);
    }

    @Test
    void linkNamesAMissingRlib() {
        Path missing = dir.resolve("nothing.rlib");
        assertBadInput(Tool.mirlink("link", "--target", "x86_64-unknown-linux-gnu", missing.toString()), missing, "no such rlib");
    }

    /** A producer killed at any moment leaves either no rlib or a complete one, never a partial file. */
    @Test
    void killedWriteLeavesNoPartialRlib() throws Exception {
        Path src = dir.resolve("shapes.rs");
        for (long delayMs : new long[] {300, 700, 1100, 1500, 1900, 2400}) {
            Path out = dir.resolve("killed-" + delayMs + ".rlib");
            Process p = new ProcessBuilder(Tool.MIRLINK.toString(), Tool.RUSTC, "--edition", "2021", "--crate-type", "rlib",
                    src.toString(), "-o", out.toString()).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(delayMs);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            if (Files.exists(out)) {
                Tool.mirlink("inspect", out.toString()).expectSuccess();
            }
        }
    }
}
