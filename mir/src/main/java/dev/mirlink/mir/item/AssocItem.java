package dev.mirlink.mir.item;

import dev.mirlink.mir.ty.Ty;

import java.util.List;

/**
 * A member of a trait or impl. Fns and consts are also items of their own in the
 * {@link ItemTable} under {@code defPath}; types live only here.
 */
public sealed interface AssocItem {
    String name();

    /** {@code hasBody}: a trait fn with a default body, or any impl fn. */
    record Fn(String name, String defPath, boolean hasBody) implements AssocItem {}
    /** {@code hasValue}: a trait const with a default, or any impl const. */
    record Const(String name, String defPath, Ty ty, boolean hasValue) implements AssocItem {}
    /** {@code ty} is the default (in a trait) or the value (in an impl), or null. */
    record Type(String name, Generics generics, List<GenericBound> bounds, Ty ty) implements AssocItem {
        public Type { bounds = List.copyOf(bounds); }
    }
}
