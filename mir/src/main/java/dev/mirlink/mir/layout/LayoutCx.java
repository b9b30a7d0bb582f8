package dev.mirlink.mir.layout;

import dev.mirlink.mir.traits.Subst;
import dev.mirlink.mir.item.GenericBound;
import dev.mirlink.mir.item.GenericParam;
import dev.mirlink.mir.item.Generics;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.Repr;
import dev.mirlink.mir.item.Variant;
import dev.mirlink.mir.item.WherePredicate;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Layouts of concrete types for one target, following rustc's {@code layout_of_uncached}
 * (rustc_ty_utils/src/layout.rs, 1.96). Not thread-safe: one per thread, or synchronize.
 */
public final class LayoutCx {
    /** ADTs rustc marks {@code #[rustc_layout_scalar_valid_range_start(1)]} (library/core/src/ptr/non_null.rs). */
    private static final Map<String, BigInteger> VALID_RANGE_START = Map.of("core::ptr::non_null::NonNull", BigInteger.ONE);
    /** {@code AdtDef::is_unsafe_cell} / {@code is_unsafe_pinned}: these hide their field's niches. */
    private static final List<String> NO_NICHE = List.of("core::cell::UnsafeCell", "core::pin::unsafe_pinned::UnsafePinned");

    private final TargetDataLayout dl;
    private final TypeEnv env;
    private final LayoutCalculator calc;
    private final Map<Ty, Layout> cache = new HashMap<>();

    public LayoutCx(TargetDataLayout dl, TypeEnv env) {
        this.dl = dl;
        this.env = env;
        this.calc = new LayoutCalculator(dl);
    }

    public TargetDataLayout dataLayout() {
        return dl;
    }

    /** The layout of a concrete type; {@link LayoutException} naming the type when it cannot be computed. */
    public Layout layoutOf(Ty ty) {
        Layout cached = cache.get(ty);
        if (cached != null) return cached;
        Layout l;
        try {
            l = compute(ty);
        } catch (StackOverflowError e) {
            throw new LayoutException("recursive type without indirection: " + ty);
        }
        cache.put(ty, l);
        return l;
    }

    private Layout compute(Ty ty) {
        return switch (ty) {
            case Ty.Bool b -> calc.scalar(new Scalar.Initialized(Primitive.integer(dl, 1, false), WrappingRange.of(0, 1)));
            case Ty.Char c -> calc.scalar(new Scalar.Initialized(Primitive.integer(dl, 4, false), WrappingRange.of(0, 0x10FFFF)));
            case Ty.Int i -> calc.scalar(Scalar.full(Primitive.integer(dl, intSize(i.kind()), i.kind().signed())));
            case Ty.Float f -> calc.scalar(Scalar.full(Primitive.floating(dl, floatSize(f.kind()))));
            case Ty.FnPtr f -> calc.scalar(new Scalar.Initialized(Primitive.pointer(dl),
                    WrappingRange.full(Primitive.pointer(dl)).withStart(BigInteger.ONE)));
            case Ty.Never n -> calc.neverType();
            case Ty.Ref r -> pointer(r.pointee(), true);
            case Ty.RawPtr p -> pointer(p.pointee(), false);
            case Ty.Array a -> calc.arrayLike(layoutOf(a.element()), arrayLength(a));
            case Ty.Slice s -> calc.arrayLike(layoutOf(s.element()), null);
            case Ty.Str s -> calc.arrayLike(layoutOf(new Ty.Int(Ty.IntTy.U8)), null);
            case Ty.FnDef f -> calc.unit(true);
            case Ty.Dynamic d -> calc.unit(false);
            case Ty.Tuple t -> calc.univariant(layouts(t.elements()), Repr.DEFAULT,
                    t.elements().isEmpty() ? LayoutCalculator.StructKind.ALWAYS_SIZED : LayoutCalculator.StructKind.MAYBE_UNSIZED, 0, 1);
            case Ty.Pat p -> patternType(p);
            case Ty.Adt a -> adt(a);
            case Ty.Projection p -> {
                Ty normalized = env.normalize(withAliasFreeSelf(p));
                if (normalized == null) throw new LayoutException("cannot normalize projection " + p);
                yield layoutOf(normalized);
            }
            case Ty.UnsafeBinder u -> layoutOf(u.inner());
            case Ty.Param p -> throw new LayoutException("too generic: type parameter " + p.name());
            case Ty.Closure c -> {
                // rustc_ty_utils/src/layout.rs: ty::Closure is univariant over its upvar types.
                List<Ty> upvars = env.closureUpvars(c.path());
                if (upvars == null) throw new LayoutException("closure upvars unknown: " + c);
                yield calc.univariant(layouts(upvars), Repr.DEFAULT, LayoutCalculator.StructKind.ALWAYS_SIZED, 0, 1);
            }
            case Ty.Coroutine c -> throw new LayoutException("coroutine layout unknown: " + c);
            default -> throw new LayoutException("no layout for type " + ty);
        };
    }

    private int intSize(Ty.IntTy t) {
        return t.fixedBytes() == 0 ? dl.pointerSize() : t.fixedBytes();
    }

    private static int floatSize(Ty.FloatTy t) {
        return switch (t) {
            case F16 -> 2;
            case F32 -> 4;
            case F64 -> 8;
            case F128 -> 16;
        };
    }

    private List<Layout> layouts(List<Ty> tys) {
        List<Layout> out = new ArrayList<>(tys.size());
        for (Ty t : tys) out.add(layoutOf(t));
        return out;
    }

    private long arrayLength(Ty.Array a) {
        if (a.length() instanceof TyConst.Value v) return v.bits().longValueExact();
        // A literal length that a producer kept as text ("10", "3_usize").
        if (a.length() instanceof TyConst.Unevaluated u && u.text().matches("\\d[\\d_]*(usize)?")) {
            return Long.parseLong(u.text().replace("usize", "").replace("_", ""));
        }
        throw new LayoutException("array length not evaluated: " + a);
    }

    // ------------------------------------------------------------------ pointers

    private Layout pointer(Ty pointee, boolean nonNull) {
        Primitive ptr = Primitive.pointer(dl);
        WrappingRange range = WrappingRange.full(ptr);
        if (nonNull) range = range.withStart(BigInteger.ONE);
        Scalar data = new Scalar.Initialized(ptr, range);
        Ty tail = structTail(pointee);
        Scalar metadata = switch (tail) {
            case Ty.Str s -> Scalar.full(Primitive.integer(dl, dl.pointerSize(), false));
            case Ty.Slice s -> Scalar.full(Primitive.integer(dl, dl.pointerSize(), false));
            case Ty.Dynamic d -> new Scalar.Initialized(ptr, WrappingRange.full(ptr).withStart(BigInteger.ONE));
            case Ty.Param p -> throw new LayoutException("too generic: pointee " + p.name() + " may be unsized");
            case Ty.Projection p -> throw new LayoutException("cannot tell whether pointee is sized: " + p);
            default -> null;
        };
        return metadata == null ? calc.scalar(data) : calc.scalarPair(data, metadata);
    }

    /** rustc's {@code struct_tail}: the last field, recursively, of structs and tuples. */
    private Ty structTail(Ty ty) {
        for (int depth = 0; depth < 64; depth++) {
            if (ty instanceof Ty.Tuple t && !t.elements().isEmpty()) {
                ty = t.elements().get(t.elements().size() - 1);
            } else if (ty instanceof Ty.Adt a) {
                Resolved r = resolveAdt(a);
                if (r == null) return ty;
                if (r.alias != null) {
                    ty = r.aliased;
                    continue;
                }
                if (r.def.kind() != Item.Adt.Kind.STRUCT || r.def.fields().isEmpty()) return ty;
                List<dev.mirlink.mir.item.Field> fs = r.def.fields();
                ty = r.subst.ty(fs.get(fs.size() - 1).ty());
            } else if (ty instanceof Ty.Projection p) {
                Ty n = env.normalize(withAliasFreeSelf(p));
                if (n == null) return ty;
                ty = n;
            } else {
                return ty;
            }
        }
        throw new LayoutException("struct tail too deep: " + ty);
    }

    // ------------------------------------------------------------------ pattern types

    /** Pattern types as rustdoc prints them; the lossy forms are those of library/core/src/num/niche_types.rs. */
    private Layout patternType(Ty.Pat p) {
        Layout base = layoutOf(p.base());
        if (!(base.abi() instanceof Abi.ScalarAbi(Scalar s))) throw new LayoutException("pattern type on non-scalar " + p);
        Primitive prim = s.primitive();
        BigInteger max = prim.unsignedMax();
        BigInteger signedMax = max.shiftRight(1);
        String pat = p.pattern().replace(" ", "");
        WrappingRange r;
        BigInteger typeMax = prim.signed() ? signedMax : max;
        if (pat.equals("(..=0|1..=)")) {
            r = new WrappingRange(BigInteger.ONE, max); // ..0 | 1..
        } else if (pat.equals("(..=-1|0..=)")) {
            r = new WrappingRange(BigInteger.ZERO, max.subtract(BigInteger.ONE)); // ..-1 | 0..
        } else if (pat.equals("0..=HALF_USIZE")) {
            r = new WrappingRange(BigInteger.ZERO, signedMax);
        } else if (pat.equals("0..=u32::MAX") || pat.equals("0..=u64::MAX")) {
            r = new WrappingRange(BigInteger.ZERO, max.subtract(BigInteger.ONE)); // 0..uN::MAX
        } else if (pat.equals("'\\u{1}'..") || pat.equals("'\\u{1}'..='\\u{10ffff}'")) {
            r = WrappingRange.of(1, 0x10FFFF);
        } else if (pat.matches("-?\\d+\\.\\.=(-?\\d+)?")) {
            String[] parts = pat.split("\\.\\.=", -1);
            BigInteger start = new BigInteger(parts[0]).and(max);
            BigInteger end = parts[1].isEmpty() ? typeMax : new BigInteger(parts[1]).and(max);
            r = new WrappingRange(start, end);
        } else {
            throw new LayoutException("unsupported pattern type " + p.base() + " is " + p.pattern());
        }
        Scalar restricted = new Scalar.Initialized(prim, r);
        return new Layout(base.size(), base.align(), new FieldsShape.Arbitrary(List.of(0L), List.of(0)),
                new Variants.Single(0), new Abi.ScalarAbi(restricted), new Niche(0, prim, r), false, base.unadjustedAbiAlign());
    }

    // ------------------------------------------------------------------ ADTs

    private record Resolved(Item.Adt def, Item.TypeAlias alias, Ty aliased, Subst subst) {}

    /**
     * A projection whose self type is a type alias ({@code <RawFd as NotAllOnesHelper>::Type}) names the
     * aliased type: rustc expands aliases when it lowers a type (rustc_hir_analysis/src/hir_ty_lowering/mod.rs,
     * {@code DefKind::TyAlias}), so impls are matched against what the alias stands for.
     */
    private Ty.Projection withAliasFreeSelf(Ty.Projection p) {
        Ty self = p.self();
        for (Resolved r; self instanceof Ty.Adt a && (r = resolveAdt(a)) != null && r.alias != null; ) self = r.aliased;
        return self == p.self() ? p : new Ty.Projection(self, p.trait(), p.name(), p.args());
    }

    private static String defPath(Path path) {
        StringBuilder sb = new StringBuilder();
        for (PathSegment s : path.segments()) {
            if (!(s instanceof PathSegment.Ident id)) throw new LayoutException("unsupported path segment " + s + " in " + path);
            if (!sb.isEmpty()) sb.append("::");
            sb.append(id.name());
        }
        return sb.toString();
    }

    private Resolved resolveAdt(Ty.Adt a) {
        String dp = defPath(a.path());
        List<GenericArg> args = a.path().last() instanceof PathSegment.Ident id ? id.args() : List.of();
        Item.Adt def = env.adt(dp);
        if (def != null) return new Resolved(def, null, null, bind(def.generics(), args, dp));
        Item.TypeAlias alias = env.alias(dp);
        if (alias != null) return new Resolved(null, alias, bind(alias.generics(), args, dp).ty(alias.ty()), null);
        return null;
    }

    /** Pairs declared params with args (lifetimes only where given), filling defaults. */
    private static Subst bind(Generics generics, List<GenericArg> args, String what) {
        Map<String, GenericArg> map = new HashMap<>();
        List<GenericArg> nonLifetimes = new ArrayList<>();
        for (GenericArg g : args) if (!(g instanceof GenericArg.Lifetime)) nonLifetimes.add(g);
        int k = 0;
        for (GenericParam p : generics.params()) {
            if (p instanceof GenericParam.Lifetime) continue;
            if (k < nonLifetimes.size()) {
                map.put(p.name(), nonLifetimes.get(k++));
            } else if (p instanceof GenericParam.Type t && t.defaultTy() != null) {
                map.put(p.name(), new GenericArg.Type(new Subst(map).ty(t.defaultTy())));
            } else {
                throw new LayoutException("missing generic argument " + p.name() + " of " + what);
            }
        }
        return new Subst(map);
    }

    /** rustc's {@code AdtDef::discriminants}: explicit values, else one more than the previous. */
    public static List<BigInteger> discriminants(Item.Adt def) {
        List<BigInteger> out = new ArrayList<>();
        BigInteger next = BigInteger.ZERO;
        for (Variant v : def.variants()) {
            BigInteger d = v.discriminant() != null && v.discriminant().value() != null ? v.discriminant().value() : next;
            out.add(d);
            next = d.add(BigInteger.ONE);
        }
        return out;
    }

    /** The definition of an ADT type (through type aliases), or null when unknown. */
    public Item.Adt adtDef(Ty.Adt a) {
        Resolved r = resolveAdt(a);
        while (r != null && r.alias != null) r = r.aliased instanceof Ty.Adt next ? resolveAdt(next) : null;
        return r == null ? null : r.def;
    }

    /** The layouts of an ADT's fields with its generic args substituted, per variant. */
    public List<List<Layout>> fieldLayouts(Ty.Adt a) {
        Resolved r = resolveAdt(a);
        while (r != null && r.alias != null) r = r.aliased instanceof Ty.Adt next ? resolveAdt(next) : null;
        if (r == null) throw new LayoutException("unknown type " + defPath(a.path()));
        List<List<Layout>> out = new ArrayList<>();
        for (Variant v : r.def.variants()) {
            List<Layout> fs = new ArrayList<>();
            for (dev.mirlink.mir.item.Field f : v.fields()) fs.add(layoutOf(r.subst.ty(f.ty())));
            out.add(fs);
        }
        return out;
    }

    private Layout adt(Ty.Adt a) {
        Resolved r = resolveAdt(a);
        if (r == null) throw new LayoutException("unknown type " + defPath(a.path()));
        if (r.alias != null) return layoutOf(r.aliased);
        Item.Adt def = r.def;
        Repr repr = def.repr();
        if (repr.kind() == Repr.Kind.SIMD) return simd(def, r.subst, repr);
        List<List<Layout>> variants = new ArrayList<>();
        for (Variant v : def.variants()) {
            List<Layout> fs = new ArrayList<>();
            for (dev.mirlink.mir.item.Field f : v.fields()) fs.add(layoutOf(r.subst.ty(f.ty())));
            variants.add(fs);
        }
        if (def.kind() == Item.Adt.Kind.UNION) return calc.union(variants.get(0), repr);
        List<BigInteger> discriminants = discriminants(def);
        boolean maybeUnsized = def.kind() == Item.Adt.Kind.STRUCT && !def.fields().isEmpty()
                && declaredMaybeUnsized(def.fields().get(def.fields().size() - 1).ty(), def.generics(), 0);
        return calc.structOrEnum(repr, variants, def.kind() == Item.Adt.Kind.ENUM, NO_NICHE.contains(def.defPath()),
                VALID_RANGE_START.get(def.defPath()), null, discriminants, !maybeUnsized);
    }

    /**
     * {@code #[repr(simd)] struct S([T; N])}: rustc_abi/src/layout.rs {@code vector_type_layout}, with
     * {@code llvmlike_vector_align} = the next power of two of the size on both supported targets.
     */
    private Layout simd(Item.Adt def, Subst subst, Repr repr) {
        if (def.kind() != Item.Adt.Kind.STRUCT || def.fields().size() != 1
                || !(subst.ty(def.fields().get(0).ty()) instanceof Ty.Array array)) {
            throw new LayoutException("unsupported repr(simd) shape: " + def.defPath());
        }
        long count = arrayLength(array);
        Layout element = layoutOf(array.element());
        if (count == 0 || !(element.abi() instanceof Abi.ScalarAbi(Scalar scalar))) {
            throw new LayoutException("invalid repr(simd) type: " + def.defPath());
        }
        long size = element.size() * count;
        Abi abi;
        long align;
        if (repr.packed() != null && Long.bitCount(count) != 1) {
            abi = new Abi.Aggregate(true);
            align = Long.lowestOneBit(size);
        } else {
            abi = new Abi.Vector(scalar, count);
            align = Long.highestOneBit(size) == size ? size : Long.highestOneBit(size) << 1;
        }
        return new Layout(LayoutCalculator.alignTo(size, align), (int) align, new FieldsShape.Arbitrary(List.of(0L), List.of(0)),
                new Variants.Single(0), abi, element.largestNiche(), false, element.align());
    }

    /** Whether a declared field type may be unsized: {@code str}, slices, {@code dyn}, a relaxed parameter. */
    private boolean declaredMaybeUnsized(Ty ty, Generics g, int depth) {
        if (depth > 32) return false;
        return switch (ty) {
            case Ty.Str s -> true;
            case Ty.Slice s -> true;
            case Ty.Dynamic d -> true;
            case Ty.Param p -> relaxed(g, p.name());
            case Ty.Tuple t -> !t.elements().isEmpty() && declaredMaybeUnsized(t.elements().get(t.elements().size() - 1), g, depth + 1);
            case Ty.Adt a -> {
                Resolved r = resolveAdt(a);
                if (r == null) yield false;
                if (r.alias != null) yield declaredMaybeUnsized(r.aliased, g, depth + 1);
                if (r.def.kind() != Item.Adt.Kind.STRUCT || r.def.fields().isEmpty()) yield false;
                List<dev.mirlink.mir.item.Field> fs = r.def.fields();
                yield declaredMaybeUnsized(r.subst.ty(fs.get(fs.size() - 1).ty()), g, depth + 1);
            }
            default -> false;
        };
    }

    private static boolean relaxed(Generics g, String param) {
        for (GenericParam p : g.params()) {
            if (p instanceof GenericParam.Type t && t.name().equals(param)) {
                for (GenericBound b : t.bounds()) if (relaxes(b)) return true;
            }
        }
        for (WherePredicate w : g.where()) {
            if (w instanceof WherePredicate.Bound wb && wb.ty() instanceof Ty.Param p && p.name().equals(param)) {
                for (GenericBound b : wb.bounds()) if (relaxes(b)) return true;
            }
        }
        return false;
    }

    private static boolean relaxes(GenericBound b) {
        if (!(b instanceof GenericBound.Trait t)) return false;
        String name = t.bound().trait().last() instanceof PathSegment.Ident id ? id.name() : "";
        return (t.modifier() == GenericBound.Modifier.MAYBE && name.equals("Sized"))
                || name.equals("PointeeSized") || name.equals("MetaSized");
    }
}
