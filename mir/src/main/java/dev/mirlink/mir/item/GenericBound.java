package dev.mirlink.mir.item;

import dev.mirlink.mir.ty.Region;
import dev.mirlink.mir.ty.TraitBound;

import java.util.List;

/** A bound on a generic parameter or in a where-clause: {@code T: ?Sized + [const] Clone + 'a}. */
public sealed interface GenericBound {
    enum Modifier { NONE, MAYBE, MAYBE_CONST }

    /** {@code modifier} keeps {@code ?Trait} and {@code [const] Trait}. */
    record Trait(TraitBound bound, Modifier modifier) implements GenericBound {}
    record Outlives(Region region) implements GenericBound {}
    /** {@code use<'a, T>} precise capturing on an {@code impl Trait}. */
    record Use(List<String> captured) implements GenericBound {
        public Use { captured = List.copyOf(captured); }
    }
}
