package dev.mirlink.mir.body;

import java.util.List;

/** A local with projections applied in order, printed {@code (*(_1.0: &T))}. */
public record Place(Local local, List<ProjectionElem> projection) {
    public Place { projection = List.copyOf(projection); }

    public Place(Local local) { this(local, List.of()); }
}
