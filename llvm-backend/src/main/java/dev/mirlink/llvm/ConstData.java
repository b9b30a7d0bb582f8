package dev.mirlink.llvm;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Evaluated constant memory (rustc's {@code ConstAllocation}): bytes in target order and, by
 * offset, the pointers stored in them. A pointer's bytes hold the offset into its target.
 */
public record ConstData(byte[] bytes, int align, boolean mutable, SortedMap<Long, Reloc> relocations) {
    public ConstData(byte[] bytes, int align, boolean mutable, java.util.Map<Long, Reloc> relocations) {
        this(bytes, align, mutable, (SortedMap<Long, Reloc>) new TreeMap<>(relocations));
    }

    public ConstData {
        relocations = Collections.unmodifiableSortedMap(new TreeMap<>(relocations));
    }

    /** Where a stored pointer points. */
    public sealed interface Reloc {
        /** Another constant allocation, emitted as a private global. */
        record Memory(ConstData data) implements Reloc {}
        /** A fn by symbol. */
        record Fn(String symbol) implements Reloc {}
        /** A static or vtable by symbol. */
        record Data(String symbol) implements Reloc {}
        /**
         * A {@code #[linkage = "extern_weak"]} static: a private global holding the address of the
         * symbol, or null where the linker finds none (rustc_codegen_llvm/src/consts.rs {@code check_and_apply_linkage}).
         */
        record ExternWeak(String symbol) implements Reloc {}
    }

    public long uint(long offset, int size) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) v = v << 8 | (bytes[(int) offset + i] & 0xff);
        return v;
    }
}
