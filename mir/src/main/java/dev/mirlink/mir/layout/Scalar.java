package dev.mirlink.mir.layout;

/** rustc's {@code Scalar}: a primitive with a valid range, or a union-like scalar that may be uninit. */
public sealed interface Scalar {
    Primitive primitive();

    record Initialized(Primitive primitive, WrappingRange validRange) implements Scalar {}
    record Union(Primitive primitive) implements Scalar {}

    static Scalar full(Primitive p) {
        return new Initialized(p, WrappingRange.full(p));
    }

    default int size() { return primitive().size(); }

    default int align() { return primitive().align(); }

    /** {@code Scalar::to_union}: discard the valid range. */
    default Scalar toUnion() { return new Union(primitive()); }
}
