package dev.mirlink.mir.body;

import dev.mirlink.mir.ty.Ty;

import java.util.List;

/**
 * {@code debug name => value;} in scope {@code scope}. A composite fragment
 * ({@code debug ((x: T).0: U) => _3;}) has a non-null {@code compositeTy} and field projections.
 */
public record VarDebugInfo(String name, int scope, Ty compositeTy,
                           List<ProjectionElem> compositeProjection, Contents value) {
    public VarDebugInfo { compositeProjection = List.copyOf(compositeProjection); }

    /** rustc's {@code VarDebugInfoContents}. */
    public sealed interface Contents {
        record PlaceValue(Place place) implements Contents {}
        record ConstValue(ConstOperand constant) implements Contents {}
    }
}
