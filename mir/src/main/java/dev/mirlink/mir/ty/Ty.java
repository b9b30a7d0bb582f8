package dev.mirlink.mir.ty;

import java.util.List;

/**
 * A Rust type as it appears in rustc's MIR text and in rustdoc items, following rustc's
 * {@code TyKind} (compiler/rustc_type_ir/src/ty_kind.rs). Generic bodies stay polymorphic:
 * {@link Param} survives until the collector substitutes it.
 */
public sealed interface Ty {
    enum IntTy {
        I8("i8", true, 1), I16("i16", true, 2), I32("i32", true, 4), I64("i64", true, 8),
        I128("i128", true, 16), ISIZE("isize", true, 0),
        U8("u8", false, 1), U16("u16", false, 2), U32("u32", false, 4), U64("u64", false, 8),
        U128("u128", false, 16), USIZE("usize", false, 0);

        private final String rustName;
        private final boolean signed;
        private final int fixedBytes;

        IntTy(String rustName, boolean signed, int fixedBytes) {
            this.rustName = rustName;
            this.signed = signed;
            this.fixedBytes = fixedBytes;
        }

        public String rustName() { return rustName; }
        public boolean signed() { return signed; }
        /** Size in bytes, or 0 for the pointer-sized {@code isize}/{@code usize}. */
        public int fixedBytes() { return fixedBytes; }

        public static IntTy byName(String name) {
            for (IntTy t : values()) if (t.rustName.equals(name)) return t;
            return null;
        }
    }

    enum FloatTy {
        F16("f16"), F32("f32"), F64("f64"), F128("f128");

        private final String rustName;

        FloatTy(String rustName) { this.rustName = rustName; }

        public String rustName() { return rustName; }

        public static FloatTy byName(String name) {
            for (FloatTy t : values()) if (t.rustName.equals(name)) return t;
            return null;
        }
    }

    enum Mutability { NOT, MUT }

    record Bool() implements Ty {}
    record Char() implements Ty {}
    record Str() implements Ty {}
    record Never() implements Ty {}
    record Int(IntTy kind) implements Ty {}
    record Float(FloatTy kind) implements Ty {}
    /** A struct, enum, union or foreign type named by path, with its generic args on the last segment. */
    record Adt(Path path) implements Ty {}
    record Array(Ty element, TyConst length) implements Ty {}
    record Slice(Ty element) implements Ty {}
    record Tuple(List<Ty> elements) implements Ty {
        public Tuple { elements = List.copyOf(elements); }
    }
    record RawPtr(Ty pointee, Mutability mutability) implements Ty {}
    /** {@code region} is null when rustc omits it (erased), as it does in optimized MIR. */
    record Ref(Region region, Ty pointee, Mutability mutability) implements Ty {}
    /**
     * A fn item type, printed {@code fn(A) -> R {path::<args>}}; {@code targetFeatures} is
     * rustc's {@code #[target_features] } prefix for safe target-feature fns.
     */
    record FnDef(FnSig sig, Path path, boolean targetFeatures) implements Ty {
        public FnDef(FnSig sig, Path path) { this(sig, path, false); }
    }
    record FnPtr(FnSig sig) implements Ty {}
    /** {@code dyn A<X = Y> + Send}; printed {@code (dyn … + 'r)} when {@code region} is non-null. */
    record Dynamic(List<TraitBound> bounds, Region region) implements Ty {
        public Dynamic { bounds = List.copyOf(bounds); }
    }
    /** {@code {closure@path::<args>::{closure#0}}} as printed under -Zspan-free-formats. */
    record Closure(Path path) implements Ty {}
    /**
     * Coroutines, coroutine witnesses and async closures; {@code kind} keeps rustc's printed
     * label ({@code coroutine}, {@code static coroutine}, {@code async block}, {@code async fn body},
     * {@code async closure}, {@code coroutine witness}, …). Exactly one of {@code path} (span-free
     * or non-local form) and {@code span} (a source location as printed) is non-null.
     */
    record Coroutine(String kind, Path path, String span) implements Ty {
        public Coroutine(String kind, Path path) { this(kind, path, null); }
    }
    /** {@code <Self as Trait>::Name<args>}; {@code trait} is null for an inherent {@code <Self>::Name}. */
    record Projection(Ty self, Path trait, String name, List<GenericArg> args) implements Ty {
        public Projection { args = List.copyOf(args); }
    }
    /** {@code impl Trait + 'a}: an opaque type (rustdoc). MIR text prints impl-trait params as {@link Param}. */
    record Opaque(List<TraitBound> bounds, List<Region> regions) implements Ty {
        public Opaque { bounds = List.copyOf(bounds); regions = List.copyOf(regions); }
    }
    /**
     * A type parameter by name. Argument-position {@code impl Trait} parameters are params too;
     * their name is rustc's, the bounds text, e.g. {@code impl Fn(&T) -> u64}.
     */
    record Param(String name) implements Ty {}
    /** A pattern type such as {@code (char) is '&#92;u{1}'..}; the pattern is kept as printed. */
    record Pat(Ty base, String pattern) implements Ty {}
    /** {@code unsafe<'a> T}. */
    record UnsafeBinder(List<Region> boundRegions, Ty inner) implements Ty {
        public UnsafeBinder { boundRegions = List.copyOf(boundRegions); }
    }
    /** {@code field_of!(Base, field)} or {@code field_of!(Base, Variant.field)}; {@code variant} may be null. */
    record FieldOf(Ty base, String variant, String field) implements Ty {}
    /** {@code {type error}}. */
    record Error() implements Ty {}
    /** A type rustc prints in a form not modelled above (for instance {@code _} or {@code ^0}). */
    record Other(String text) implements Ty {}
}
