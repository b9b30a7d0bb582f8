package dev.mirlink.mir.body;

import dev.mirlink.mir.ty.Ty;

/** One projection of a {@link Place}, as in rustc's {@code ProjectionElem}. */
public sealed interface ProjectionElem {
    record Deref() implements ProjectionElem {}
    /** {@code (P.N: T)}: the field's type is printed and kept. */
    record Field(int index, Ty ty) implements ProjectionElem {}
    record Index(Local local) implements ProjectionElem {}
    /** {@code P[o of m]} or, from the end, {@code P[-o of m]}. */
    record ConstantIndex(long offset, long minLength, boolean fromEnd) implements ProjectionElem {}
    /** {@code P[f..t]}, or from the end {@code P[f:-t]}, {@code P[f:]}, {@code P[:-t]}. */
    record Subslice(long from, long to, boolean fromEnd) implements ProjectionElem {}
    /** {@code (P as Name)}, or {@code (P as variant#N)} when rustc knows no name: exactly one of the two is set. */
    record Downcast(String name, Integer variantIndex) implements ProjectionElem {}
    record OpaqueCast(Ty ty) implements ProjectionElem {}
    /** {@code unwrap_binder!(P; T)}. */
    record UnwrapUnsafeBinder(Ty ty) implements ProjectionElem {}
}
