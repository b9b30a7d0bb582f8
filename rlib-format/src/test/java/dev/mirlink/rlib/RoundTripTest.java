package dev.mirlink.rlib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirlink.rlib.TestModel.Item;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {
    static final KryoSchema SCHEMA = TestModel.schema();
    static final Map<String, Item> ITEMS = TestModel.items(300, 42);

    @TempDir
    Path dir;

    static Stream<Arguments> layouts() {
        List<Arguments> args = new ArrayList<>();
        for (Codec c : Codecs.all()) {
            args.add(Arguments.of(new PerCrateLayout(c)));
            args.add(Arguments.of(new PerModuleLayout(c)));
            args.add(Arguments.of(new ChunkedLayout(c, 16 * 1024)));
        }
        return args.stream();
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void roundTripsEveryItem(RlibLayout layout) {
        Path out = dir.resolve("libfoo.rlib");
        RlibHeader written = new RlibWriter(SCHEMA, layout).write(out, TestModel.CRATE, TestModel.rmeta(), ITEMS);
        RlibReader r = RlibReader.open(out, SCHEMA);

        assertEquals(written, r.header());
        assertEquals(new RlibHeader(1, "mirlink 0.1.0", "rustc 1.96.0 (test)", "x86_64-unknown-linux-gnu", "foo",
                written.crateHash(), SCHEMA.schemaHash(), layout.name()), r.header());
        assertEquals(new ArrayList<>(new TreeMap<>(ITEMS).keySet()), r.itemPaths());
        assertArrayEquals(TestModel.rmeta(), r.rmeta());
        Map<String, Object> all = r.loadAll();
        assertEquals(new ArrayList<>(new TreeMap<>(ITEMS).keySet()), new ArrayList<>(all.keySet()));
        assertEquals(ITEMS, new HashMap<>(all));
        for (String p : List.of(r.itemPaths().get(0), r.itemPaths().get(150), r.itemPaths().get(299))) {
            assertEquals(ITEMS.get(p), r.load(p, Item.class));
        }
        assertEquals("lib.rmeta", r.members().get(0).name());
        if (layout instanceof ChunkedLayout) {
            assertTrue(r.index().members().size() > 3, "16 KiB chunks should give several members");
            byte codec = ((ChunkedLayout) layout).codec().id();
            assertTrue(r.index().members().stream().allMatch(m -> m.codecId() == codec));
        }
        if (layout instanceof PerModuleLayout) {
            assertEquals(4, r.index().members().size(), "foo root, foo::alloc, foo::fmt, foo::iter");
        }
    }

    @Test
    void decodedCollectionsAreUnmodifiableAndOrdered() {
        Path out = dir.resolve("libfoo.rlib");
        new RlibWriter(SCHEMA, new PerCrateLayout(Codecs.ZSTD)).write(out, TestModel.CRATE, new byte[0], ITEMS);
        RlibReader r = RlibReader.open(out, SCHEMA);
        String fnPath = r.itemPaths().stream().filter(p -> ITEMS.get(p) instanceof Item.Fn).findFirst().orElseThrow();
        Item.Fn fn = r.load(fnPath, Item.Fn.class);
        Item.Fn orig = (Item.Fn) ITEMS.get(fnPath);
        assertThrows(UnsupportedOperationException.class, () -> fn.params().add(fn.ret()));
        assertThrows(UnsupportedOperationException.class, () -> fn.body().locals().clear());
        assertEquals(new ArrayList<>(orig.body().locals().keySet()), new ArrayList<>(fn.body().locals().keySet()));
    }

    @Test
    void compressedLayoutsAreSmallerThanUncompressed() throws Exception {
        long none = sizeOf(new PerCrateLayout(Codecs.NONE));
        long perItemZstd = sizeOf(new PerCrateLayout(Codecs.ZSTD));
        long chunkedZstd = sizeOf(new ChunkedLayout(Codecs.ZSTD, ChunkedLayout.DEFAULT_CHUNK));
        assertTrue(perItemZstd < none, perItemZstd + " < " + none);
        assertTrue(chunkedZstd < perItemZstd, chunkedZstd + " < " + perItemZstd);
    }

    private long sizeOf(RlibLayout layout) throws Exception {
        Path out = dir.resolve(layout.name() + ".rlib");
        new RlibWriter(SCHEMA, layout).write(out, TestModel.CRATE, new byte[0], ITEMS);
        return Files.size(out);
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void outputIsByteDeterministic(RlibLayout layout) throws Exception {
        Path a = dir.resolve("a.rlib");
        Path b = dir.resolve("b.rlib");
        new RlibWriter(SCHEMA, layout).write(a, TestModel.CRATE, TestModel.rmeta(), ITEMS);
        // same items in another insertion order and map class, and a freshly built schema
        List<String> keys = new ArrayList<>(ITEMS.keySet());
        Collections.reverse(keys);
        Map<String, Item> reversed = new LinkedHashMap<>();
        keys.forEach(k -> reversed.put(k, ITEMS.get(k)));
        new RlibWriter(TestModel.schema(), layout).write(b, TestModel.CRATE, TestModel.rmeta(), reversed);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        // rewriting over an existing file gives the same bytes too
        new RlibWriter(SCHEMA, layout).write(b, TestModel.CRATE, TestModel.rmeta(), new HashMap<>(ITEMS));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    /** Set.of/Map.of iteration order and identity hashes differ between JVMs; the bytes must not. */
    @Test
    void outputIsByteIdenticalAcrossJvms() throws Exception {
        Path here = dir.resolve("here.rlib");
        Path there = dir.resolve("there.rlib");
        WriteMain.write(here);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WriteMain.class.getName(), there.toString())
                .inheritIO().start();
        assertEquals(0, p.waitFor());
        assertArrayEquals(Files.readAllBytes(here), Files.readAllBytes(there));
    }

    @Test
    void differentContentGivesDifferentCrateHash() {
        Path a = dir.resolve("a.rlib");
        Map<String, Item> changed = new LinkedHashMap<>(ITEMS);
        String first = new TreeMap<>(ITEMS).firstKey();
        changed.put(first, ITEMS.get(new TreeMap<>(ITEMS).lastKey()));
        RlibWriter w = new RlibWriter(SCHEMA, new PerCrateLayout(Codecs.NONE));
        String h1 = w.write(a, TestModel.CRATE, new byte[0], ITEMS).crateHash();
        String h2 = w.write(a, TestModel.CRATE, new byte[0], changed).crateHash();
        assertFalse(h1.equals(h2));
        assertEquals(64, h1.length());
    }

    @Test
    void loadDecodesOnlyTheRequestedItem() throws Exception {
        Path out = dir.resolve("libfoo.rlib");
        new RlibWriter(SCHEMA, new PerCrateLayout(Codecs.NONE)).write(out, TestModel.CRATE, new byte[0], ITEMS);
        RlibReader clean = RlibReader.open(out, SCHEMA);
        String victim = clean.itemPaths().get(10);
        String other = clean.itemPaths().get(11);
        // corrupt the victim's record: open() and loading any other item must not notice
        ItemIndex.Entry e = clean.index().entries().get(10);
        long at = clean.members().stream().filter(m -> m.name().equals("mirlink.0")).findFirst().orElseThrow().offset()
                + e.offset() + e.length() / 2;
        byte[] bytes = Files.readAllBytes(out);
        bytes[(int) at] ^= 0x55;
        Files.write(out, bytes);
        RlibReader r = RlibReader.open(out, SCHEMA);
        assertEquals(ITEMS.get(other), r.load(other));
        RlibFormatException ex = assertThrows(RlibFormatException.class, () -> r.load(victim));
        assertEquals("corrupt record for `" + victim + "`: content hash mismatch (" + out + ")", ex.getMessage());
        assertThrows(RlibFormatException.class, r::loadAll);
        assertThrows(NoSuchElementException.class, () -> r.load("foo::no_such_item"));
        assertFalse(r.contains("foo::no_such_item"));
    }

    @Test
    void openWithoutSchemaReadsHeaderIndexAndRmetaOnly() {
        Path out = dir.resolve("libfoo.rlib");
        new RlibWriter(SCHEMA, new PerCrateLayout(Codecs.ZSTD)).write(out, TestModel.CRATE, TestModel.rmeta(), ITEMS);
        RlibReader r = RlibReader.open(out);
        assertEquals("foo", r.header().crateName());
        assertEquals(300, r.itemPaths().size());
        assertArrayEquals(TestModel.rmeta(), r.rmeta());
        assertThrows(IllegalStateException.class, () -> r.load(r.itemPaths().get(0)));
    }

    @Test
    void emptyCrateRoundTrips() {
        Path out = dir.resolve("libempty.rlib");
        new RlibWriter(SCHEMA, new ChunkedLayout(Codecs.DEFLATE, 100)).write(out, TestModel.CRATE, new byte[] {1}, Map.of());
        RlibReader r = RlibReader.open(out, SCHEMA);
        assertEquals(List.of(), r.itemPaths());
        assertEquals(Map.of(), r.loadAll());
        assertEquals(List.of("lib.rmeta", "mirlink.hdr", "mirlink.idx"), r.members().stream().map(ArMember::name).toList());
    }

    @Test
    void researcherLayoutOneMemberPerItem() {
        RlibLayout perItem = new RlibLayout() {
            @Override
            public String name() {
                return "per-item";
            }

            @Override
            public List<MemberPlan> plan(List<Item> items) {
                return IntStream.range(0, items.size()).mapToObj(i -> new MemberPlan(List.of(i), Codecs.NONE,
                        i % 2 == 0 ? Codecs.DEFLATE : Codecs.ZSTD)).toList();
            }
        };
        Map<String, Item> few = new TreeMap<>(ITEMS).headMap(new TreeMap<>(ITEMS).keySet().stream().skip(20)
                .findFirst().orElseThrow());
        Path out = dir.resolve("libfoo.rlib");
        new RlibWriter(SCHEMA, perItem).write(out, TestModel.CRATE, new byte[0], few);
        RlibReader r = RlibReader.open(out, SCHEMA);
        assertEquals("per-item", r.header().layout());
        assertEquals(20, r.index().members().size());
        assertEquals(few, new HashMap<>(r.loadAll()));
        assertInstanceOf(Item.class, r.load(r.itemPaths().get(5)));
    }

    @Test
    void perModuleGroupsByTopLevelModule() {
        assertEquals("foo::fmt", PerModuleLayout.topModule("foo::fmt::rt::Argument::new"));
        assertEquals("", PerModuleLayout.topModule("foo::main"));
        assertEquals("", PerModuleLayout.topModule("<foo::S as core::clone::Clone>::clone"));
        assertEquals("foo::m", PerModuleLayout.topModule("foo::m::<impl foo::m::S<T>>::new"));
    }
}
