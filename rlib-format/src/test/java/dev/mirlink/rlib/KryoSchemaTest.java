package dev.mirlink.rlib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirlink.rlib.TestModel.Item;
import dev.mirlink.rlib.TestModel.Ty;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class KryoSchemaTest {
    /** An immutable value class with only a private constructor, like the MIR model's byte wrapper. */
    static final class Blob {
        private final byte[] data;

        private Blob(byte[] data) { this.data = data; }

        @Override public boolean equals(Object o) { return o instanceof Blob b && java.util.Arrays.equals(data, b.data); }

        @Override public int hashCode() { return java.util.Arrays.hashCode(data); }
    }

    record Holder(Blob blob, String name) {}

    @Test
    void valueClassWithoutNoArgConstructorRoundTrips() {
        KryoSchema schema = KryoSchema.of(Holder.class);
        Holder h = new Holder(new Blob(new byte[] {1, 2, 3}), "x");
        assertEquals(h, schema.deserialize(schema.serialize(h)));
    }

    @Test
    void registrationWalksTheModelAndIsSortedByName() {
        KryoSchema s = TestModel.schema();
        List<String> names = s.registeredClasses().stream().map(Class::getName).toList();
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names);
        for (Class<?> c : List.of(Item.Fn.class, Item.Static.class, Item.Const.class, Ty.Adt.class, Ty.Tuple.class,
                TestModel.Body.class, TestModel.Local.class, TestModel.Statement.Nop.class, TestModel.Operand.Copy.class,
                TestModel.Alloc.class, TestModel.IntTy.class, TestModel.Mutability.class, List.class, Map.class, Set.class,
                Optional.class, BigInteger.class, byte[].class, long[].class)) {
            assertTrue(s.registeredClasses().contains(c), c.getName());
        }
        assertFalse(s.registeredClasses().contains(Item.class), "interfaces have no instances");
        assertFalse(s.registeredClasses().contains(String.class), "Kryo predefines String");
    }

    @Test
    void schemaHashIsStableAndDetectsModelChanges() {
        assertEquals(TestModel.schema().schemaHash(), KryoSchema.of(Ty.class, Item.class).schemaHash());
        assertNotEquals(TestModel.schema().schemaHash(), KryoSchema.of(Item.class, WriteFailureTest.Bomb.class).schemaHash());
        assertNotEquals(KryoSchema.of(V1.class).schemaHash(), KryoSchema.of(V2.class).schemaHash(),
                "same class count, different component");
    }

    record V1(int a, String b) {
    }

    record V2(int a, long b) {
    }

    @Test
    void noClassNameOnTheWire() {
        KryoSchema s = TestModel.schema();
        Item item = TestModel.items(1, 1).values().iterator().next();
        String wire = new String(s.serialize(item), StandardCharsets.ISO_8859_1);
        assertFalse(wire.contains("TestModel"), wire);
        assertFalse(wire.contains("java.util"), wire);
        assertEquals(item, s.deserialize(s.serialize(item)));
    }

    @Test
    void anyListOrMapImplementationEncodesTheSame() {
        KryoSchema s = KryoSchema.of(Ty.class);
        Ty a = new Ty.Tuple(List.of(new Ty.Int(TestModel.IntTy.I8)));
        Ty b = new Ty.Tuple(new ArrayList<>(List.of(new Ty.Int(TestModel.IntTy.I8))));
        Ty c = new Ty.Tuple(java.util.stream.Stream.of((Ty) new Ty.Int(TestModel.IntTy.I8)).toList());
        assertArrayEquals(s.serialize(a), s.serialize(b));
        assertArrayEquals(s.serialize(a), s.serialize(c));
    }

    record Table(Map<String, Integer> byName, Map<TestModel.Local, String> byLocal) {
    }

    @Test
    void unorderedMapsAreSortedAndUncomparableOnesRejected() {
        KryoSchema s = KryoSchema.of(Table.class);
        Map<String, Integer> hash = new HashMap<>();
        Map<String, Integer> linked = new LinkedHashMap<>();
        for (String k : List.of("zeta", "alpha", "mid")) {
            hash.put(k, k.length());
        }
        for (String k : List.of("alpha", "mid", "zeta")) {
            linked.put(k, k.length());
        }
        assertArrayEquals(s.serialize(new Table(linked, Map.of())), s.serialize(new Table(hash, Map.of())));
        Table back = (Table) s.deserialize(s.serialize(new Table(Map.of("b", 1, "a", 2), Map.of())));
        assertEquals(List.of("a", "b"), new ArrayList<>(back.byName().keySet()));
        Map<TestModel.Local, String> unordered = new HashMap<>(Map.of(new TestModel.Local(1), "x", new TestModel.Local(2), "y"));
        RuntimeException e = assertThrows(RuntimeException.class, () -> s.serialize(new Table(Map.of(), unordered)));
        assertTrue(RlibFormatException.describe(e).startsWith("IllegalArgumentException: unordered set or map with non-Comparable keys"),
                RlibFormatException.describe(e));
        Map<TestModel.Local, String> ordered = new LinkedHashMap<>(unordered);
        assertEquals(new Table(Map.of(), ordered), s.deserialize(s.serialize(new Table(Map.of(), ordered))));
    }

    record Concrete(ArrayList<String> names) {
    }

    @Test
    void concreteCollectionComponentsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KryoSchema.of(Concrete.class));
        assertTrue(e.getMessage().startsWith("declare List instead of java.util.ArrayList"), e.getMessage());
    }

    @Test
    void concurrentUseGivesIdenticalBytes() throws Exception {
        KryoSchema s = TestModel.schema();
        List<Item> items = new ArrayList<>(TestModel.items(200, 8).values());
        List<byte[]> serial = items.stream().map(s::serialize).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = items.stream().map(i -> pool.submit(() -> s.serialize(s.deserialize(s.serialize(i))))).toList();
            for (int i = 0; i < items.size(); i++) {
                assertArrayEquals(serial.get(i), futures.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
