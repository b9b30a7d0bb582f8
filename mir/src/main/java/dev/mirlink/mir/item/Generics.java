package dev.mirlink.mir.item;

import java.util.List;

/** Declared generic parameters and where-clauses of an item, parent generics excluded. */
public record Generics(List<GenericParam> params, List<WherePredicate> where) {
    public static final Generics EMPTY = new Generics(List.of(), List.of());

    public Generics {
        params = List.copyOf(params);
        where = List.copyOf(where);
    }

    public boolean isEmpty() {
        return params.isEmpty() && where.isEmpty();
    }
}
