package dev.mirlink.mir.ty;

import java.math.BigInteger;

/** A const in type position: an array length, a const generic argument, a repeat count. */
public sealed interface TyConst {
    /**
     * An evaluated scalar. {@code bits} is the numeric value (negative for negative signed
     * ints; 0/1 for bool; the code point for char). {@code ty} is null when rustc printed a bare
     * number, and an {@link Ty.Int}, {@link Ty.Bool} or {@link Ty.Char} when the text tells it
     * ({@code i32::MIN}, {@code true}, {@code 'a'}).
     */
    record Value(BigInteger bits, Ty ty) implements TyConst {}
    record Param(String name) implements TyConst {}
    /** Anything not yet evaluated, such as {@code {N + 1}} or {@code _}, kept as printed. */
    record Unevaluated(String text) implements TyConst {}
}
