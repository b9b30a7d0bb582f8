package dev.mirlink.rlib;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedCollection;
import java.util.SequencedMap;
import java.util.Set;

/**
 * Size-then-elements serializers for List, Set and Map whatever their implementation class,
 * so no JDK-internal class (ImmutableCollections$ListN ...) is registered or reflected on.
 * Lists decode like List.copyOf (unmodifiable; nulls are kept, unlike List.copyOf). Sets and
 * maps decode to unmodifiable LinkedHashSet/LinkedHashMap views in written order; an
 * unordered source (HashMap, Map.of) is written sorted by natural key order so the bytes
 * are deterministic, and rejected if its keys are not Comparable.
 */
final class CollectionSerializers {
    private CollectionSerializers() {
    }

    static final class ListSerializer extends Serializer<List<?>> {
        ListSerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, List<?> list) {
            output.writeVarInt(list.size(), true);
            for (Object e : list) {
                kryo.writeClassAndObject(output, e);
            }
        }

        @Override
        public List<?> read(Kryo kryo, Input input, Class<? extends List<?>> type) {
            Object[] a = readElements(kryo, input, readSize(input, 1));
            return Arrays.asList(a).contains(null) ? Collections.unmodifiableList(Arrays.asList(a)) : List.of(a);
        }
    }

    static final class SetSerializer extends Serializer<Set<?>> {
        SetSerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, Set<?> set) {
            output.writeVarInt(set.size(), true);
            for (Object e : ordered(set)) {
                kryo.writeClassAndObject(output, e);
            }
        }

        @Override
        public Set<?> read(Kryo kryo, Input input, Class<? extends Set<?>> type) {
            Object[] a = readElements(kryo, input, readSize(input, 1));
            return Collections.unmodifiableSequencedSet(new LinkedHashSet<>(Arrays.asList(a)));
        }
    }

    static final class MapSerializer extends Serializer<Map<?, ?>> {
        MapSerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, Map<?, ?> map) {
            output.writeVarInt(map.size(), true);
            List<?> keys = map instanceof SequencedMap<?, ?> ? new ArrayList<>(map.keySet()) : sorted(map.keySet());
            for (Object k : keys) {
                kryo.writeClassAndObject(output, k);
                kryo.writeClassAndObject(output, map.get(k));
            }
        }

        @Override
        public Map<?, ?> read(Kryo kryo, Input input, Class<? extends Map<?, ?>> type) {
            int n = readSize(input, 2);
            LinkedHashMap<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                Object k = kryo.readClassAndObject(input);
                map.put(k, kryo.readClassAndObject(input));
            }
            return Collections.unmodifiableSequencedMap(map);
        }
    }

    private static Collection<?> ordered(Collection<?> c) {
        return c instanceof SequencedCollection<?> ? c : sorted(c);
    }

    private static List<?> sorted(Collection<?> c) {
        List<Object> list = new ArrayList<>(c);
        try {
            list.sort(null);
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("unordered set or map with non-Comparable keys cannot be written"
                    + " deterministically; use LinkedHashMap/LinkedHashSet or TreeMap/TreeSet");
        }
        return list;
    }

    private static int readSize(Input input, int minBytesPerElement) {
        int n = input.readVarInt(true);
        if (n < 0 || (long) n * minBytesPerElement > input.limit() - input.position()) {
            throw new KryoException("collection size " + n + " exceeds the record");
        }
        return n;
    }

    private static Object[] readElements(Kryo kryo, Input input, int n) {
        Object[] a = new Object[n];
        for (int i = 0; i < n; i++) {
            a[i] = kryo.readClassAndObject(input);
        }
        return a;
    }
}
