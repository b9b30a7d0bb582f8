package dev.mirlink.mir.item;

import dev.mirlink.mir.ty.Ty;

import java.util.List;

/** One where-clause predicate, as rustc's {@code hir::WherePredicate}. */
public sealed interface WherePredicate {
    /** {@code for<'a> T: Bound + 'b}; {@code binder} holds the {@code for<..>} parameters. */
    record Bound(Ty ty, List<GenericBound> bounds, List<GenericParam> binder) implements WherePredicate {
        public Bound {
            bounds = List.copyOf(bounds);
            binder = List.copyOf(binder);
        }
    }
    record Outlives(String lifetime, List<String> outlives) implements WherePredicate {
        public Outlives { outlives = List.copyOf(outlives); }
    }
    /** {@code <T as Trait>::Assoc == rhs}; a const right-hand side is kept as {@link Ty.Other}. */
    record Eq(Ty lhs, Ty rhs) implements WherePredicate {}
}
