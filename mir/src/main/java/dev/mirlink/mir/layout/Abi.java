package dev.mirlink.mir.layout;

/**
 * How a value is passed around in the backend: rustc 1.96's {@code BackendRepr}. Uninhabitedness is
 * a separate flag on {@link Layout}, as in rustc since the {@code Abi::Uninhabited} variant was removed.
 */
public sealed interface Abi {
    record ScalarAbi(Scalar scalar) implements Abi {}
    record ScalarPair(Scalar a, Scalar b) implements Abi {}
    record Vector(Scalar element, long count) implements Abi {}
    record Aggregate(boolean sized) implements Abi {}

    default boolean isUnsized() { return this instanceof Aggregate a && !a.sized(); }
}
