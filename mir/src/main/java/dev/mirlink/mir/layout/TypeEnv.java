package dev.mirlink.mir.layout;

import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.ty.Ty;

/** What layout needs to know about items: ADT definitions by def path, and projections normalized. */
public interface TypeEnv {
    /** The struct, enum or union named by a crate-qualified def path (through re-exports), or null. */
    Item.Adt adt(String defPath);

    /** A type alias named by {@code defPath}, or null. */
    default Item.TypeAlias alias(String defPath) { return null; }

    /** The type a concrete projection normalizes to, or null when it needs trait selection we lack. */
    Ty normalize(Ty.Projection projection);
}
