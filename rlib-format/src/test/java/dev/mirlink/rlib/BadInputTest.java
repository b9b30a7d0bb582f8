package dev.mirlink.rlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gives a one-line RlibFormatException naming the file. */
class BadInputTest {
    static final KryoSchema SCHEMA = TestModel.schema();

    @TempDir
    Path dir;

    private Path good(RlibLayout layout, int items) {
        Path out = dir.resolve("libfoo.rlib");
        new RlibWriter(SCHEMA, layout).write(out, TestModel.CRATE, TestModel.rmeta(), TestModel.items(items, 9));
        return out;
    }

    /** A small rlib (about 2 KiB) for the exhaustive byte-by-byte tests. */
    private Path small(RlibLayout layout) {
        Random r = new Random(5);
        Map<String, TestModel.Item> items = new HashMap<>();
        for (int i = 1; i <= 5; i++) {
            items.put("foo::m" + (i % 2) + "::item" + i, TestModel.item(r, i));
        }
        Path out = dir.resolve("libsmall.rlib");
        new RlibWriter(SCHEMA, layout).write(out, TestModel.CRATE, new byte[] {1, 2, 3}, items);
        return out;
    }

    /** Opens and loads everything; returns the failure, checking its message form. */
    private static RlibFormatException fails(Path file) {
        RlibFormatException e = assertThrows(RlibFormatException.class, () -> RlibReader.open(file, SCHEMA).loadAll());
        assertOneLineNaming(e, file);
        return e;
    }

    private static void assertOneLineNaming(RlibFormatException e, Path file) {
        assertTrue(e.getMessage().endsWith(" (" + file + ")"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(file, e.file());
    }

    private static ArMember member(Path file, String name) {
        return RlibReader.open(file).members().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private Path withBytes(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void truncatedAtSeveralOffsets() throws Exception {
        Path src = good(new PerCrateLayout(Codecs.ZSTD), 50);
        byte[] all = Files.readAllBytes(src);
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, 3, 8, 8 + 30, 8 + 60));
        for (ArMember m : RlibReader.open(src).members()) {
            cuts.add((int) m.offset() - 1);
            cuts.add((int) (m.offset() + m.size() / 2));
            cuts.add((int) (m.offset() + m.size() - 1));
        }
        for (int cut : cuts) {
            Path t = withBytes("cut" + cut + ".rlib", java.util.Arrays.copyOf(all, cut));
            RlibFormatException e = fails(t);
            String expected = cut < 8 ? "not an ar archive" : cut == 8 ? "missing member lib.rmeta" : "truncated archive: member ";
            assertTrue(e.getMessage().startsWith(expected),
                    cut + ": " + e.getMessage());
        }
        Path t = dir.resolve("cut.rlib");
        ArMember last = RlibReader.open(src).members().getLast();
        Files.write(t, java.util.Arrays.copyOf(all, (int) (last.offset() + 10)));
        assertEquals("truncated archive: member " + last.name() + " ends at " + (last.offset() + 10) + " of "
                + (last.offset() + last.size()) + " (" + t + ")", fails(t).getMessage());
    }

    @Test
    void truncatedAtEveryOffsetNeverEscapesAsAnotherException() throws Exception {
        Path src = small(new ChunkedLayout(Codecs.DEFLATE, 200));
        byte[] all = Files.readAllBytes(src);
        boolean evenEnd = all.length % 2 == 0 && all[all.length - 1] == '\n';
        for (int cut = 0; cut < all.length; cut++) {
            Path t = withBytes("t.rlib", java.util.Arrays.copyOf(all, cut));
            if (cut == all.length - 1 && evenEnd) {
                continue; // only the final ar padding byte is cut: still a valid archive
            }
            fails(t);
        }
    }

    @Test
    void flippedBytesNeverEscapeAsAnotherException() throws Exception {
        for (RlibLayout layout : List.of(new PerCrateLayout(Codecs.ZSTD), new ChunkedLayout(Codecs.DEFLATE, 400),
                new PerModuleLayout(Codecs.NONE))) {
            Path src = small(layout);
            byte[] all = Files.readAllBytes(src);
            Map<String, Object> expected = Map.copyOf(RlibReader.open(src, SCHEMA).loadAll());
            int detected = 0;
            for (int i = 0; i < all.length; i++) {
                int bit = i % 2 == 0 ? 0x01 : 0x80;
                byte[] b = all.clone();
                b[i] ^= (byte) bit;
                Path t = withBytes("f.rlib", b);
                try {
                    // undetected flips may only hit bytes that carry no item content
                    assertEquals(expected, Map.copyOf(RlibReader.open(t, SCHEMA).loadAll()), "flip at " + i);
                } catch (RlibFormatException e) {
                    assertOneLineNaming(e, t);
                    detected++;
                } catch (RuntimeException | Error e) {
                    fail(layout.name() + ": flip 0x" + Integer.toHexString(bit) + " at " + i + " escaped as " + e, e);
                }
            }
            assertTrue(detected > all.length / 2, layout.name() + ": detected " + detected + " of " + all.length);
        }
    }

    @Test
    void flippedByteInsideRecordIsAContentHashMismatch() throws Exception {
        Path src = good(new PerCrateLayout(Codecs.NONE), 20);
        RlibReader r = RlibReader.open(src, SCHEMA);
        ItemIndex.Entry e = r.index().entries().get(7);
        byte[] b = Files.readAllBytes(src);
        b[(int) (member(src, "mirlink.0").offset() + e.offset() + e.length() - 1)] ^= 1;
        Path t = withBytes("flip.rlib", b);
        assertEquals("corrupt record for `" + e.defPath() + "`: content hash mismatch (" + t + ")", fails(t).getMessage());
    }

    @Test
    void flippedByteInsideSolidMemberIsReported() throws Exception {
        Path src = good(new ChunkedLayout(Codecs.ZSTD, 1024), 20);
        ArMember m = member(src, "mirlink.1");
        byte[] b = Files.readAllBytes(src);
        b[(int) (m.offset() + m.size() / 2)] ^= 0x20;
        Path t = withBytes("flip.rlib", b);
        String msg = fails(t).getMessage();
        assertTrue(msg.startsWith("corrupt member mirlink.1: ") || msg.contains("content hash mismatch"), msg);
    }

    @Test
    void wrongFormatVersion() throws Exception {
        Path src = good(new PerCrateLayout(Codecs.ZSTD), 5);
        byte[] b = Files.readAllBytes(src);
        ByteBuffer.wrap(b).putInt((int) member(src, "mirlink.hdr").offset() + 8, 7);
        Path t = withBytes("v7.rlib", b);
        assertEquals("unsupported mirlink format version 7, this mirlink reads version 1 (" + t + ")",
                fails(t).getMessage());
    }

    @Test
    void garbageFile() throws Exception {
        byte[] junk = new byte[5000];
        new Random(1).nextBytes(junk);
        Path t = withBytes("junk.rlib", junk);
        assertEquals("not an ar archive (" + t + ")", fails(t).getMessage());
        Path text = withBytes("text.rlib", ("!<arch>\n" + "hello world, this is not a member header at all".repeat(3)).getBytes());
        assertTrue(fails(text).getMessage().startsWith("corrupt ar member header at offset 8"));
        Path missing = dir.resolve("does-not-exist.rlib");
        assertTrue(fails(missing).getMessage().startsWith("cannot read rlib: NoSuchFileException"));
    }

    @Test
    void missingMembers() throws Exception {
        Path src = good(new PerCrateLayout(Codecs.ZSTD), 5);
        assertEquals("missing member mirlink.0 (" + dir.resolve("no-items.rlib") + ")",
                fails(without(src, "no-items.rlib", n -> n.equals("mirlink.0"))).getMessage());
        assertEquals("missing member lib.rmeta (" + dir.resolve("no-rmeta.rlib") + ")",
                fails(without(src, "no-rmeta.rlib", n -> n.equals("lib.rmeta"))).getMessage());
        assertEquals("missing member mirlink.hdr (not a mirlink rlib?) (" + dir.resolve("rustc.rlib") + ")",
                fails(without(src, "rustc.rlib", n -> n.startsWith("mirlink."))).getMessage());
    }

    private Path without(Path src, String name, Predicate<String> drop) throws Exception {
        byte[] all = Files.readAllBytes(src);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ArArchiveOutputStream ar = ArchiveIO.open(out);
        for (ArMember m : RlibReader.open(src).members()) {
            if (!drop.test(m.name())) {
                ArchiveIO.add(ar, m.name(), java.util.Arrays.copyOfRange(all, (int) m.offset(), (int) (m.offset() + m.size())));
            }
        }
        ar.finish();
        return withBytes(name, out.toByteArray());
    }

    @Test
    void schemaMismatch() {
        Path src = good(new PerCrateLayout(Codecs.ZSTD), 5);
        KryoSchema other = KryoSchema.of(TestModel.Ty.class);
        RlibFormatException e = assertThrows(RlibFormatException.class, () -> RlibReader.open(src, other));
        assertOneLineNaming(e, src);
        assertTrue(e.getMessage().startsWith("schema mismatch: rlib written by a different mirlink build"), e.getMessage());
    }

    @Test
    void corruptIndexIsDetected() throws Exception {
        Path src = good(new PerCrateLayout(Codecs.NONE), 5);
        ArMember idx = member(src, "mirlink.idx");
        byte[] b = Files.readAllBytes(src);
        b[(int) (idx.offset() + idx.size() - 3)] ^= 1; // inside the last content hash
        Path t = withBytes("idx.rlib", b);
        assertEquals("corrupt mirlink.idx: crate hash differs from the header's (" + t + ")", fails(t).getMessage());
    }

    @Test
    void loadAllStillWorksAfterGoodOpen() {
        Path src = good(new PerCrateLayout(Codecs.ZSTD), 5);
        assertEquals(TestModel.items(5, 9), new HashMap<>(RlibReader.open(src, SCHEMA).loadAll()));
    }
}
