package dev.mirlink.mir.ty;

import java.util.List;

/**
 * One bound of a {@code dyn} or {@code impl} type: a trait path with its associated-type
 * equalities ({@code Iterator<Item = u8>}), or an auto trait such as {@code Send}.
 * {@code constness} keeps rustc's {@code [const]} / {@code const} marker, or is null.
 * With {@code parenSugar} the bound prints as {@code Fn(A, B) -> R}: the trait's last segment
 * then carries one tuple argument {@code (A, B)} and {@code constraints} holds {@code Output = R}.
 */
public record TraitBound(List<Region> boundRegions, String constness, Path trait,
                         List<AssocConstraint> constraints, boolean parenSugar) {
    public TraitBound {
        boundRegions = List.copyOf(boundRegions);
        constraints = List.copyOf(constraints);
    }

    public TraitBound(List<Region> boundRegions, String constness, Path trait,
                      List<AssocConstraint> constraints) {
        this(boundRegions, constness, trait, constraints, false);
    }

    public record AssocConstraint(String name, List<GenericArg> args, Ty ty) {
        public AssocConstraint { args = List.copyOf(args); }
    }
}
