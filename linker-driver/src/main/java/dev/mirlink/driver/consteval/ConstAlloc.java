package dev.mirlink.driver.consteval;

import dev.mirlink.driver.collect.MonoItem;
import dev.mirlink.mir.ty.Ty;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An evaluated constant (rustc's interned {@code ConstAllocation}): its bytes in target byte order,
 * its type ({@code null} for an allocation whose type is unknown, such as a string's bytes), and
 * the pointers stored in it by offset. A pointer's bytes hold the offset into its target.
 */
public final class ConstAlloc {
    /** What a pointer stored in an allocation points to (rustc's {@code GlobalAlloc}). */
    public sealed interface Target {
        record Memory(ConstAlloc alloc) implements Target {}
        record Fn(MonoItem.Fn instance) implements Target {}
        record Static(String defPath) implements Target {}
        record ExternStatic(String symbol, boolean weak) implements Target {}
        record VTable(Ty ty, Ty dynTy) implements Target {}
        record TypeId(Ty ty) implements Target {}
    }

    private final Ty ty;
    private final byte[] bytes;
    private final boolean mutable;
    final TreeMap<Long, Target> relocations = new TreeMap<>();

    ConstAlloc(Ty ty, byte[] bytes, boolean mutable) {
        this.ty = ty;
        this.bytes = bytes;
        this.mutable = mutable;
    }

    public Ty ty() { return ty; }

    public int size() { return bytes.length; }

    public byte[] bytes() { return bytes.clone(); }

    public boolean mutable() { return mutable; }

    /** Pointer-sized relocations by offset; the target's offset is the little-endian integer at that offset. */
    public SortedMap<Long, Target> relocations() { return java.util.Collections.unmodifiableSortedMap(relocations); }

    /** The unsigned little-endian integer of {@code size} bytes at {@code offset}. */
    public java.math.BigInteger uint(int offset, int size) {
        byte[] be = new byte[size + 1];
        for (int i = 0; i < size; i++) be[size - i] = bytes[offset + i];
        return new java.math.BigInteger(be);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ConstAlloc[").append(ty).append("; ");
        for (byte b : bytes) sb.append(String.format("%02x", b & 0xff));
        for (Map.Entry<Long, Target> e : relocations.entrySet()) {
            sb.append(" @").append(e.getKey()).append("->").append(switch (e.getValue()) {
                case Target.Memory m -> "mem(" + m.alloc().size() + "B)";
                default -> e.getValue().toString();
            });
        }
        return sb.append(']').toString();
    }
}
