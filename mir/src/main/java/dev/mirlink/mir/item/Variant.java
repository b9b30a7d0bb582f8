package dev.mirlink.mir.item;

import java.math.BigInteger;
import java.util.List;

/**
 * One variant of an ADT, following rustc's {@code VariantDef}: a struct or union is an ADT with
 * exactly one variant named after it. {@code discriminant} is null when implicit.
 */
public record Variant(String name, Shape shape, List<Field> fields, Discriminant discriminant) {
    /** rustc's {@code CtorKind} plus the braced form: {@code A}, {@code A(..)}, {@code A { .. }}. */
    public enum Shape { UNIT, TUPLE, STRUCT }

    /** An explicit discriminant: the expression as written and its evaluated value. */
    public record Discriminant(String expr, BigInteger value) {}

    public Variant {
        fields = List.copyOf(fields);
    }
}
