package dev.mirlink.mir.body;

/** What a body belongs to, as its header keyword tells (mir/pretty.rs {@code write_mir_sig}). */
public enum BodyKind {
    /** {@code fn path(_1: A) -> R}: fns, methods, closures, ctors. */
    FN,
    /** {@code const path: T}. */
    CONST,
    /** {@code static path: T}. */
    STATIC,
    /** {@code static mut path: T}. */
    STATIC_MUT,
    /** {@code const path::promoted[N]: T}. */
    PROMOTED,
    /** {@code path: T} with no keyword: anonymous and inline consts. */
    ANON_CONST
}
