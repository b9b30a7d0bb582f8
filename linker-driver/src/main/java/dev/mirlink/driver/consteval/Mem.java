package dev.mirlink.driver.consteval;

import dev.mirlink.driver.collect.MonoItem;
import dev.mirlink.mir.ty.Ty;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/**
 * An interpreter allocation (rustc's {@code Allocation} with its provenance map,
 * rustc_middle/src/mir/interpret/allocation.rs): bytes in little-endian order and, per
 * pointer-sized slot, what the pointer stored there points to.
 */
final class Mem {
    /** Provenance: where a pointer points (rustc's {@code CtfeProvenance} / {@code GlobalAlloc}). */
    sealed interface Prov {
        record Alloc(Mem mem) implements Prov {}
        record Fn(MonoItem.Fn instance) implements Prov {}
        record Static(String defPath) implements Prov {}
        /** A static of an extern block, by symbol; {@code weak}: {@code #[linkage = "extern_weak"]}. */
        record ExternStatic(String symbol, boolean weak) implements Prov {}
        record VTable(Ty ty, Ty dynTy) implements Prov {}
        record TypeId(Ty ty) implements Prov {}
    }

    /** A pointer value: provenance (null for an integer address) and offset/address. */
    record Ptr(Prov prov, long offset) {}

    final byte[] bytes;
    final TreeMap<Long, Prov> prov = new TreeMap<>();
    Ty ty;
    boolean mutable = true;

    Mem(int size, Ty ty) {
        this.bytes = new byte[size];
        this.ty = ty;
    }

    static Mem of(byte[] b, Ty ty) {
        Mem m = new Mem(b.length, ty);
        System.arraycopy(b, 0, m.bytes, 0, b.length);
        return m;
    }

    int size() { return bytes.length; }

    void check(long off, long len) {
        if (off < 0 || len < 0 || off + len > bytes.length) {
            throw new ConstEvalException("out of bounds", "access [" + off + ", " + (off + len) + ") of a " + bytes.length + "-byte allocation");
        }
    }

    BigInteger readUint(long off, int size) {
        check(off, size);
        byte[] be = new byte[size + 1];
        for (int i = 0; i < size; i++) be[size - i] = bytes[(int) off + i];
        return new BigInteger(be);
    }

    BigInteger readInt(long off, int size, boolean signed) {
        BigInteger u = readUint(off, size);
        return signed && u.testBit(size * 8 - 1) ? u.subtract(BigInteger.ONE.shiftLeft(size * 8)) : u;
    }

    void writeInt(long off, int size, BigInteger v) {
        check(off, size);
        clearProv(off, size);
        for (int i = 0; i < size; i++) bytes[(int) off + i] = v.shiftRight(8 * i).byteValue();
    }

    void writeLong(long off, int size, long v) {
        writeInt(off, size, BigInteger.valueOf(v));
    }

    /** Drops provenance overlapping {@code [off, off+len)}. */
    void clearProv(long off, long len) {
        if (prov.isEmpty()) return;
        prov.subMap(off - 7, true, off + len, false).clear();
    }

    Ptr readPtr(long off, int ptrSize) {
        long addr = readUint(off, ptrSize).longValue();
        Prov p = prov.get(off);
        return new Ptr(p, addr);
    }

    void writePtr(long off, int ptrSize, Ptr p) {
        writeLong(off, ptrSize, p.offset());
        if (p.prov() != null) prov.put(off, p.prov());
    }

    /** Copies {@code len} bytes with their provenance from {@code src} at {@code srcOff} to here at {@code dstOff}. */
    void copyFrom(Mem src, long srcOff, long dstOff, long len) {
        if (len == 0) return;
        src.check(srcOff, len);
        check(dstOff, len);
        Map<Long, Prov> moved = new TreeMap<>();
        for (Map.Entry<Long, Prov> e : src.prov.subMap(srcOff, true, srcOff + len, false).entrySet()) {
            moved.put(e.getKey() - srcOff + dstOff, e.getValue());
        }
        System.arraycopy(src.bytes, (int) srcOff, bytes, (int) dstOff, (int) len);
        clearProv(dstOff, len);
        prov.putAll(moved);
    }
}
