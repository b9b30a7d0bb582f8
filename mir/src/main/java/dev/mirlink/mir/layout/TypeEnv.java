package dev.mirlink.mir.layout;

import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.Ty;

import java.util.List;

/** What layout needs to know about items: ADT definitions by def path, and projections normalized. */
public interface TypeEnv {
    /** The struct, enum or union named by a crate-qualified def path (through re-exports), or null. */
    Item.Adt adt(String defPath);

    /** A type alias named by {@code defPath}, or null. */
    default Item.TypeAlias alias(String defPath) { return null; }

    /** The type a concrete projection normalizes to, or null when it needs trait selection we lack. */
    Ty normalize(Ty.Projection projection);

    /** The upvar types of the closure {@code closure} names (its generic args substituted), or null when unknown. */
    default List<Ty> closureUpvars(Path closure) { return null; }
}
