package dev.mirlink.mir.item;

import dev.mirlink.mir.ty.Ty;

/**
 * {@code #[repr(..)]} of an ADT, merged as rustc's {@code ReprOptions}: a kind, an optional
 * integer type for enums, {@code packed(N)} and {@code align(N)} (null when absent).
 */
public record Repr(Kind kind, Ty.IntTy intType, Integer packed, Integer align) {
    public enum Kind { RUST, C, TRANSPARENT, SIMD }

    public static final Repr DEFAULT = new Repr(Kind.RUST, null, null, null);
}
