package dev.mirlink.mir.item;

import dev.mirlink.mir.ty.Ty;

/** A field of a struct, union or variant; tuple fields are named {@code 0}, {@code 1}, … as in rustc. */
public record Field(String name, Ty ty, Visibility visibility) {}
