package dev.mirlink.mir.body;

import dev.mirlink.mir.ty.Ty;

/**
 * A local's declaration. {@code mutability} is null for arguments, whose mutability rustc does
 * not print; {@code scope} is the source scope whose block declares it.
 */
public record LocalDecl(Ty.Mutability mutability, Ty ty, int scope) {}
