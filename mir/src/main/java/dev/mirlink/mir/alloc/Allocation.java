package dev.mirlink.mir.alloc;

import java.util.List;

/**
 * An allocation's contents: its bytes, the pointers stored in it sorted by offset, and the
 * uninitialized byte ranges (the complement of rustc's init mask), sorted and disjoint.
 * Uninitialized bytes are stored as 0.
 */
public record Allocation(long size, long align, Bytes bytes, List<Relocation> relocations, List<ByteRange> uninit) {
    public Allocation {
        relocations = List.copyOf(relocations);
        uninit = List.copyOf(uninit);
    }

    public boolean isInit(long offset) {
        for (ByteRange r : uninit) {
            if (offset < r.start()) return true;
            if (offset < r.end()) return false;
        }
        return true;
    }
}
