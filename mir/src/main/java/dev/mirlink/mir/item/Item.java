package dev.mirlink.mir.item;

import dev.mirlink.mir.ty.FnSig;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.Ty;

import java.util.List;

/**
 * A crate item, keyed by its canonical def path: crate-qualified and spelled as rustc's MIR
 * text spells it ({@code core::ptr::drop_in_place},
 * {@code core::f128::<impl at core/src/num/f128.rs:155:1: 155:10>::clamp}). Types inside
 * items use {@link Ty}; an {@link Ty.Adt} path in an item may also name a {@link TypeAlias}
 * or a foreign type.
 */
public sealed interface Item {
    /** Where an item came from: rustdoc JSON, or MIR evidence for what rustdoc omits. */
    enum Origin { RUSTDOC, SYNTHESIZED }

    String defPath();

    /** Null when unknown. */
    Span span();

    Visibility visibility();

    Origin origin();

    default String name() {
        List<String> segments = DefPaths.split(defPath());
        return segments.get(segments.size() - 1);
    }

    default boolean synthesized() {
        return origin() == Origin.SYNTHESIZED;
    }

    /** {@code items} are the def paths of the items declared directly in the module. */
    record Module(String defPath, Span span, Visibility visibility, Origin origin, List<String> items)
            implements Item {
        public Module { items = List.copyOf(items); }
    }

    /** A struct, enum or union; structs and unions have exactly one variant (rustc's {@code AdtDef}). */
    record Adt(String defPath, Span span, Visibility visibility, Origin origin, Kind kind,
               Generics generics, List<Variant> variants, Repr repr) implements Item {
        public enum Kind { STRUCT, ENUM, UNION }

        public Adt { variants = List.copyOf(variants); }

        /** The fields of a struct or union. */
        public List<Field> fields() {
            if (kind == Kind.ENUM) throw new IllegalStateException(defPath + " is an enum");
            return variants.get(0).fields();
        }

        public Variant variant(String name) {
            for (Variant v : variants) if (v.name().equals(name)) return v;
            return null;
        }
    }

    /** An {@code extern { type T; }} type. */
    record ForeignType(String defPath, Span span, Visibility visibility, Origin origin) implements Item {}

    record Trait(String defPath, Span span, Visibility visibility, Origin origin, Generics generics,
                 List<GenericBound> supertraits, List<AssocItem> items, boolean isAuto, boolean isUnsafe)
            implements Item {
        public Trait {
            supertraits = List.copyOf(supertraits);
            items = List.copyOf(items);
        }
    }

    /**
     * An impl block. {@code traitRef} is null for inherent impls; its last segment carries the
     * trait's generic args. {@code blanket} means the self type is a bare type parameter.
     */
    record Impl(String defPath, Span span, Visibility visibility, Origin origin, Generics generics,
                Path traitRef, Ty selfTy, List<AssocItem> items, List<String> providedTraitMethods,
                boolean negative, boolean blanket, boolean isUnsafe) implements Item {
        public Impl {
            items = List.copyOf(items);
            providedTraitMethods = List.copyOf(providedTraitMethods);
        }

        public AssocItem item(String name) {
            for (AssocItem a : items) if (a.name().equals(name)) return a;
            return null;
        }
    }

    /**
     * A free fn, or an associated fn of a trait or impl. {@code paramNames} are as declared;
     * {@code attrs} are its {@link CodegenAttrs}.
     */
    record Fn(String defPath, Span span, Visibility visibility, Origin origin, Generics generics,
              FnSig sig, FnHeader header, List<String> paramNames, boolean hasBody, List<String> attrs) implements Item {
        public Fn {
            paramNames = List.copyOf(paramNames);
            attrs = List.copyOf(attrs);
        }

        public Fn(String defPath, Span span, Visibility visibility, Origin origin, Generics generics,
                  FnSig sig, FnHeader header, List<String> paramNames, boolean hasBody) {
            this(defPath, span, visibility, origin, generics, sig, header, paramNames, hasBody, List.of());
        }
    }

    /** {@code isUnsafe} marks a static in an {@code unsafe extern} block; {@code attrs} are its {@link CodegenAttrs}. */
    record Static(String defPath, Span span, Visibility visibility, Origin origin, Ty ty,
                  Ty.Mutability mutability, boolean isUnsafe, String expr, List<String> attrs) implements Item {
        public Static { attrs = List.copyOf(attrs); }

        public Static(String defPath, Span span, Visibility visibility, Origin origin, Ty ty,
                      Ty.Mutability mutability, boolean isUnsafe, String expr) {
            this(defPath, span, visibility, origin, ty, mutability, isUnsafe, expr, List.of());
        }
    }

    /** A free or associated const; {@code value} is rustdoc's evaluated value, null if unknown. */
    record Const(String defPath, Span span, Visibility visibility, Origin origin, Ty ty, String expr,
                 String value) implements Item {}

    /** A free type alias; associated types live in {@link AssocItem.Type}. */
    record TypeAlias(String defPath, Span span, Visibility visibility, Origin origin, Generics generics,
                     Ty ty) implements Item {}

    /**
     * A {@code use} or {@code extern crate}: {@code defPath} is the path it makes visible
     * ({@code module::name}; for a glob, {@code module::*}) and {@code target} the def path it
     * names, in this or another crate (null when rustdoc could not resolve it).
     */
    record Use(String defPath, Span span, Visibility visibility, Origin origin, String source,
               String target, boolean glob) implements Item {
        /** The module the use sits in. */
        public String module() {
            return DefPaths.parent(defPath);
        }
    }
}
