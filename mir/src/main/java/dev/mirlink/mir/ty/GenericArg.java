package dev.mirlink.mir.ty;

/** A generic argument: a type, a const or a lifetime, as in rustc's {@code GenericArgKind}. */
public sealed interface GenericArg {
    record Type(Ty ty) implements GenericArg {}
    record Const(TyConst value) implements GenericArg {}
    record Lifetime(Region region) implements GenericArg {}
}
