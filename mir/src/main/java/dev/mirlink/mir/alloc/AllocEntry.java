package dev.mirlink.mir.alloc;

/** One allocation dump after a body: the id and what it holds. */
public record AllocEntry(AllocId id, GlobalAlloc alloc) {}
