package dev.mirlink.mir.item;

import dev.mirlink.mir.ty.Ty;

import java.util.List;

/** One declared generic parameter, as rustc's {@code GenericParamDef}. */
public sealed interface GenericParam {
    String name();

    record Lifetime(String name, List<String> outlives) implements GenericParam {
        public Lifetime { outlives = List.copyOf(outlives); }
    }
    /** {@code synthetic} marks an argument-position {@code impl Trait} rustc turned into a parameter. */
    record Type(String name, List<GenericBound> bounds, Ty defaultTy, boolean synthetic) implements GenericParam {
        public Type { bounds = List.copyOf(bounds); }
    }
    /** {@code defaultValue} is the default expression as written, or null. */
    record Const(String name, Ty ty, String defaultValue) implements GenericParam {}
}
