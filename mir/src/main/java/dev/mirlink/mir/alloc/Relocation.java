package dev.mirlink.mir.alloc;

/**
 * A pointer stored in an allocation (rustc: provenance): {@code size} bytes at {@code offset}
 * point into {@code target}; the offset within the target is the integer in those bytes.
 */
public record Relocation(long offset, AllocId target, boolean immutable, int size) {}
