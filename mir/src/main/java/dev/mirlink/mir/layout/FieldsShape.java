package dev.mirlink.mir.layout;

import java.util.List;

/** Where the fields of a layout live (rustc's {@code FieldsShape}). */
public sealed interface FieldsShape {
    int count();

    long offset(int i);

    record Primitive() implements FieldsShape {
        public int count() { return 0; }
        public long offset(int i) { throw new IndexOutOfBoundsException(i); }
    }
    record Union(int count) implements FieldsShape {
        public long offset(int i) { return 0; }
    }
    record Array(long stride, long length) implements FieldsShape {
        public int count() { return (int) Math.min(length, Integer.MAX_VALUE); }
        public long offset(int i) { return stride * i; }
    }
    /** {@code inMemoryOrder.get(k)} is the index of the field at the k-th lowest offset. */
    record Arbitrary(List<Long> offsets, List<Integer> inMemoryOrder) implements FieldsShape {
        public Arbitrary { offsets = List.copyOf(offsets); inMemoryOrder = List.copyOf(inMemoryOrder); }
        public int count() { return offsets.size(); }
        public long offset(int i) { return offsets.get(i); }
    }
}
