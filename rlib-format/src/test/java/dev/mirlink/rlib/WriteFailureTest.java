package dev.mirlink.rlib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write leaves neither the target nor a temporary file behind. */
class WriteFailureTest {
    /** Throws while being serialized, after noting whether the writer's temp file existed then. */
    record Bomb(String name) {
        static volatile Path watchedDir;
        static volatile boolean tempFileExistedWhenThrown;

        @Override
        public String name() {
            try (Stream<Path> s = Files.list(watchedDir)) {
                tempFileExistedWhenThrown = s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalStateException("boom");
        }
    }

    static final KryoSchema SCHEMA = KryoSchema.of(TestModel.Item.class, Bomb.class);

    @TempDir
    Path dir;

    private Map<String, Object> itemsWithBomb() {
        Map<String, Object> items = new LinkedHashMap<>(TestModel.items(50, 5));
        items.put("foo::zzz::bomb", new Bomb("x"));
        return items;
    }

    private List<String> dirListing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void failureMidwayLeavesNothing() throws Exception {
        Bomb.watchedDir = dir;
        Bomb.tempFileExistedWhenThrown = false;
        Path out = dir.resolve("libfoo.rlib");
        RlibFormatException e = assertThrows(RlibFormatException.class, () ->
                new RlibWriter(SCHEMA, new PerCrateLayout(Codecs.ZSTD)).write(out, TestModel.CRATE, TestModel.rmeta(),
                        itemsWithBomb()));
        assertTrue(Bomb.tempFileExistedWhenThrown, "the failure should happen while the temp file is being written");
        assertEquals("cannot serialize item `foo::zzz::bomb`: IllegalStateException: boom ("
                + out + ")", e.getMessage());
        assertFalse(Files.exists(out));
        assertEquals(List.of(), dirListing());
    }

    @Test
    void failedRewriteKeepsThePreviousFile() throws Exception {
        Bomb.watchedDir = dir;
        Path out = dir.resolve("libfoo.rlib");
        new RlibWriter(SCHEMA, new PerCrateLayout(Codecs.ZSTD)).write(out, TestModel.CRATE, TestModel.rmeta(),
                TestModel.items(50, 5));
        byte[] before = Files.readAllBytes(out);
        assertThrows(RlibFormatException.class, () ->
                new RlibWriter(SCHEMA, new PerCrateLayout(Codecs.ZSTD)).write(out, TestModel.CRATE, TestModel.rmeta(),
                        itemsWithBomb()));
        assertArrayEquals(before, Files.readAllBytes(out));
        assertEquals(List.of("libfoo.rlib"), dirListing());
    }

    @Test
    void failedRenameLeavesNoTempFile() throws Exception {
        Path out = Files.createDirectory(dir.resolve("libfoo.rlib"));
        Files.writeString(out.resolve("occupied"), "x"); // a non-empty directory cannot be replaced
        RlibFormatException e = assertThrows(RlibFormatException.class, () ->
                new RlibWriter(SCHEMA, new PerCrateLayout(Codecs.NONE)).write(out, TestModel.CRATE, new byte[0],
                        TestModel.items(5, 5)));
        assertTrue(e.getMessage().startsWith("cannot write rlib: "), e.getMessage());
        assertEquals(List.of("libfoo.rlib"), dirListing());
    }

    @Test
    void badLayoutIsRejected() throws Exception {
        RlibLayout dropsFirst = new RlibLayout() {
            @Override
            public String name() {
                return "lossy";
            }

            @Override
            public List<MemberPlan> plan(List<Item> items) {
                return List.of(new MemberPlan(List.of(1, 2, 3, 4), Codecs.NONE, Codecs.NONE));
            }
        };
        Path out = dir.resolve("libfoo.rlib");
        RlibFormatException e = assertThrows(RlibFormatException.class, () ->
                new RlibWriter(SCHEMA, dropsFirst).write(out, TestModel.CRATE, new byte[0], TestModel.items(5, 5)));
        assertTrue(e.getMessage().startsWith("layout lossy left out item `"), e.getMessage());
        assertEquals(List.of(), dirListing());
    }

    @Test
    void unregisteredClassNamesTheItem() throws Exception {
        Path out = dir.resolve("libfoo.rlib");
        Map<String, Object> items = Map.of("foo::when", new java.util.Date(0));
        RlibFormatException e = assertThrows(RlibFormatException.class, () ->
                new RlibWriter(SCHEMA, new PerCrateLayout(Codecs.NONE)).write(out, TestModel.CRATE, new byte[0], items));
        assertTrue(e.getMessage().startsWith("cannot serialize item `foo::when`: IllegalArgumentException: Class is not registered: java.util.Date"),
                e.getMessage());
        assertEquals(List.of(), dirListing());
    }
}
