package dev.mirlink.mir.traits;

import dev.mirlink.mir.item.Item;

import java.util.List;

/** What trait selection found for a concrete {@link TraitRef} (rustc's {@code ImplSource}, traits/select/mod.rs). */
public sealed interface Selection {
    TraitRef traitRef();

    /**
     * A user impl with its args; {@code ancestors} are the less specific impls that also apply, most
     * specific first (the specialization graph's parents, where {@code default fn}s are inherited from).
     * Params bound only through a closure's or fn's signature are absent from {@code args}.
     */
    record Impl(TraitRef traitRef, Item.Impl impl, Subst args, List<Impl> ancestors) implements Selection {
        public Impl { ancestors = List.copyOf(ancestors); }
    }

    /**
     * A compiler-provided impl: {@code Fn*} for closures, fn items and fn pointers, {@code Copy}/{@code Clone},
     * {@code Sized}, …, and the object candidate of a {@code dyn} type (a virtual call).
     */
    record Builtin(TraitRef traitRef) implements Selection {}
}
