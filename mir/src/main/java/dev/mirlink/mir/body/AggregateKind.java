package dev.mirlink.mir.body;

import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.Ty;

import java.util.List;

/** What an {@link Rvalue.Aggregate} builds. */
public sealed interface AggregateKind {
    /** {@code [a, b]}. */
    record Array() implements AggregateKind {}
    /** {@code ()}, {@code (a,)}, {@code (a, b)}. */
    record Tuple() implements AggregateKind {}
    /**
     * A struct, variant or union by value path. {@code fieldNames} is null for tuple-like and
     * unit ctors ({@code Some(move _1)}, {@code None}), and lists the names of a braced one.
     */
    record Adt(Path path, CtorKind ctorKind, List<String> fieldNames) implements AggregateKind {
        public Adt { fieldNames = fieldNames == null ? null : List.copyOf(fieldNames); }
    }
    /** {@code {closure@path} { x: move _1 }}: closures and coroutine-closures print alike. */
    record Closure(Path path, List<String> captureNames) implements AggregateKind {
        public Closure { captureNames = List.copyOf(captureNames); }
    }
    /** {@code {coroutine@span (#0)} { … }}. */
    record Coroutine(String span, List<String> captureNames) implements AggregateKind {
        public Coroutine { captureNames = List.copyOf(captureNames); }
    }
    /** {@code *const T from (ptr, meta)}. */
    record RawPtr(Ty pointee, Ty.Mutability mutability) implements AggregateKind {}

    enum CtorKind { CONST, FN, STRUCT }
}
