package dev.mirlink.mir.alloc;

/** The half-open byte range {@code [start, end)}. */
public record ByteRange(long start, long end) {}
