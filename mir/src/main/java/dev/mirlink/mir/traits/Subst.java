package dev.mirlink.mir.traits;

import dev.mirlink.mir.item.GenericBound;
import dev.mirlink.mir.item.GenericParam;
import dev.mirlink.mir.item.Generics;
import dev.mirlink.mir.item.WherePredicate;
import dev.mirlink.mir.ty.FnSig;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.TraitBound;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Substitution of generic args for parameters by name (rustc's {@code EarlyBinder::instantiate},
 * compiler/rustc_type_ir/src/binder.rs). A parameter without an arg is left as it is.
 */
public final class Subst {
    public static final Subst EMPTY = new Subst(Map.of());

    private final Map<String, GenericArg> args;

    public Subst(Map<String, GenericArg> args) {
        this.args = Map.copyOf(args);
    }

    /** Pairs {@code generics}' params, in declaration order, with {@code args}; lifetimes may be absent from {@code args}. */
    public static Subst of(Generics generics, List<GenericArg> args) {
        Map<String, GenericArg> map = new LinkedHashMap<>();
        List<GenericParam> params = generics.params();
        boolean withLifetimes = args.size() == params.size();
        int i = 0;
        for (GenericParam p : params) {
            if (p instanceof GenericParam.Lifetime && !withLifetimes) continue;
            if (i >= args.size()) break;
            map.put(p.name(), args.get(i++));
        }
        return new Subst(map);
    }

    public Map<String, GenericArg> args() {
        return args;
    }

    public GenericArg get(String name) {
        return args.get(name);
    }

    public Ty ty(Ty ty) {
        if (args.isEmpty()) return ty;
        return switch (ty) {
            case Ty.Param p -> args.get(p.name()) instanceof GenericArg.Type t ? t.ty() : p;
            case Ty.Adt a -> new Ty.Adt(path(a.path()));
            case Ty.Array a -> new Ty.Array(ty(a.element()), konst(a.length()));
            case Ty.Slice s -> new Ty.Slice(ty(s.element()));
            case Ty.Tuple t -> new Ty.Tuple(tys(t.elements()));
            case Ty.RawPtr p -> new Ty.RawPtr(ty(p.pointee()), p.mutability());
            case Ty.Ref r -> new Ty.Ref(r.region(), ty(r.pointee()), r.mutability());
            case Ty.FnDef f -> new Ty.FnDef(sig(f.sig()), path(f.path()), f.targetFeatures());
            case Ty.FnPtr f -> new Ty.FnPtr(sig(f.sig()));
            case Ty.Dynamic d -> new Ty.Dynamic(d.bounds().stream().map(this::bound).toList(), d.region());
            case Ty.Closure c -> new Ty.Closure(path(c.path()));
            case Ty.Coroutine c -> c.path() == null ? c : new Ty.Coroutine(c.kind(), path(c.path()), null);
            case Ty.Projection p -> new Ty.Projection(ty(p.self()), p.trait() == null ? null : path(p.trait()),
                    p.name(), argList(p.args()));
            case Ty.Opaque o -> new Ty.Opaque(o.bounds().stream().map(this::bound).toList(), o.regions());
            case Ty.Pat p -> new Ty.Pat(ty(p.base()), p.pattern());
            case Ty.UnsafeBinder u -> new Ty.UnsafeBinder(u.boundRegions(), ty(u.inner()));
            case Ty.FieldOf f -> new Ty.FieldOf(ty(f.base()), f.variant(), f.field());
            default -> ty;
        };
    }

    public List<Ty> tys(List<Ty> tys) {
        return tys.stream().map(this::ty).toList();
    }

    public GenericArg arg(GenericArg a) {
        // MIR prints a const param in generic args bare, as a type param would be
        if (a instanceof GenericArg.Type t && t.ty() instanceof Ty.Param p && args.get(p.name()) instanceof GenericArg.Const c) return c;
        return switch (a) {
            case GenericArg.Type t -> new GenericArg.Type(ty(t.ty()));
            case GenericArg.Const c -> new GenericArg.Const(konst(c.value()));
            case GenericArg.Lifetime l -> l;
        };
    }

    public List<GenericArg> argList(List<GenericArg> list) {
        return list.stream().map(this::arg).toList();
    }

    public TyConst konst(TyConst c) {
        if (c instanceof TyConst.Param p && args.get(p.name()) instanceof GenericArg.Const v) return v.value();
        return c;
    }

    public Path path(Path p) {
        if (args.isEmpty()) return p;
        List<PathSegment> segs = new ArrayList<>(p.segments().size());
        for (PathSegment s : p.segments()) {
            segs.add(switch (s) {
                case PathSegment.Ident id -> id.args().isEmpty() ? id : new PathSegment.Ident(id.name(), argList(id.args()));
                case PathSegment.QualifiedSelf q -> new PathSegment.QualifiedSelf(ty(q.self()), q.trait() == null ? null : path(q.trait()));
                case PathSegment.ImplFor f -> new PathSegment.ImplFor(f.trait() == null ? null : path(f.trait()), ty(f.self()));
                default -> s;
            });
        }
        return new Path(segs);
    }

    public FnSig sig(FnSig s) {
        return new FnSig(s.boundRegions(), s.unsafe(), s.abi(), tys(s.inputs()), s.cVariadic(), ty(s.output()));
    }

    public TraitBound bound(TraitBound b) {
        return new TraitBound(b.boundRegions(), b.constness(), path(b.trait()),
                b.constraints().stream().map(c -> new TraitBound.AssocConstraint(c.name(), argList(c.args()), ty(c.ty()))).toList(),
                b.parenSugar());
    }

    public GenericBound genericBound(GenericBound b) {
        return b instanceof GenericBound.Trait t ? new GenericBound.Trait(bound(t.bound()), t.modifier()) : b;
    }

    public WherePredicate where(WherePredicate w) {
        return switch (w) {
            case WherePredicate.Bound b -> new WherePredicate.Bound(ty(b.ty()), b.bounds().stream().map(this::genericBound).toList(), b.binder());
            case WherePredicate.Eq e -> new WherePredicate.Eq(ty(e.lhs()), ty(e.rhs()));
            case WherePredicate.Outlives o -> o;
        };
    }
}
