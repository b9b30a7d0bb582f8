package dev.mirlink.mir.layout;

import java.math.BigInteger;

/** A scalar's machine type, as rustc's {@code Primitive}: an integer (with signedness), a float or a pointer. */
public record Primitive(Kind kind, int size, int align, boolean signed) {
    public enum Kind { INT, FLOAT, POINTER }

    public static Primitive integer(TargetDataLayout dl, int size, boolean signed) {
        return new Primitive(Kind.INT, size, dl.intAlign(size), signed);
    }

    public static Primitive pointer(TargetDataLayout dl) {
        return new Primitive(Kind.POINTER, dl.pointerSize(), dl.pointerSize(), false);
    }

    public static Primitive floating(TargetDataLayout dl, int size) {
        return new Primitive(Kind.FLOAT, size, size == 16 ? dl.f128Align() : size, true);
    }

    /** All ones in {@code size} bytes: {@code Size::unsigned_int_max}. */
    public BigInteger unsignedMax() {
        return BigInteger.ONE.shiftLeft(size * 8).subtract(BigInteger.ONE);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case INT -> (signed ? "i" : "u") + size * 8;
            case FLOAT -> "f" + size * 8;
            case POINTER -> "ptr";
        };
    }
}
