package dev.mirlink.mir.print;

import dev.mirlink.mir.ty.FnSig;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Instance;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Region;
import dev.mirlink.mir.ty.TraitBound;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;

import java.math.BigInteger;
import java.util.List;

/**
 * Types and paths in rustc's {@code FmtPrinter} syntax (rustc_middle/src/ty/print/pretty.rs).
 * Value paths put generic args behind {@code ::<}; everything inside {@code <…>} and every type
 * is printed in type mode.
 */
final class TyPrinter {
    private final StringBuilder sb;
    private final int pointerBytes;

    TyPrinter(StringBuilder sb, int pointerBytes) {
        this.sb = sb;
        this.pointerBytes = pointerBytes;
    }

    void ty(Ty t) {
        switch (t) {
            case Ty.Bool b -> sb.append("bool");
            case Ty.Char c -> sb.append("char");
            case Ty.Str s -> sb.append("str");
            case Ty.Never n -> sb.append('!');
            case Ty.Int i -> sb.append(i.kind().rustName());
            case Ty.Float f -> sb.append(f.kind().rustName());
            case Ty.Adt a -> path(a.path(), false);
            case Ty.Array a -> {
                sb.append('[');
                ty(a.element());
                sb.append("; ");
                tyConst(a.length());
                sb.append(']');
            }
            case Ty.Slice s -> {
                sb.append('[');
                ty(s.element());
                sb.append(']');
            }
            case Ty.Tuple tu -> {
                sb.append('(');
                tys(tu.elements());
                if (tu.elements().size() == 1) sb.append(',');
                sb.append(')');
            }
            case Ty.RawPtr p -> {
                sb.append(p.mutability() == Ty.Mutability.MUT ? "*mut " : "*const ");
                ty(p.pointee());
            }
            case Ty.Ref r -> {
                sb.append('&');
                if (r.region() != null) {
                    region(r.region());
                    sb.append(' ');
                }
                if (r.mutability() == Ty.Mutability.MUT) sb.append("mut ");
                ty(r.pointee());
            }
            case Ty.FnDef f -> {
                if (f.targetFeatures()) sb.append("#[target_features] ");
                fnSig(f.sig());
                sb.append(" {");
                path(f.path(), true);
                sb.append('}');
            }
            case Ty.FnPtr f -> fnSig(f.sig());
            case Ty.Dynamic d -> {
                if (d.region() != null) sb.append('(');
                sb.append("dyn ");
                bounds(d.bounds());
                if (d.region() != null) {
                    sb.append(" + ");
                    region(d.region());
                    sb.append(')');
                }
            }
            case Ty.Closure c -> {
                sb.append("{closure@");
                path(c.path(), false);
                sb.append('}');
            }
            case Ty.Coroutine c -> {
                sb.append('{').append(c.kind());
                if (c.span() != null) {
                    sb.append('@').append(c.span());
                } else if (c.kind().endsWith("fn body")) {
                    sb.append(" of ");
                    path(c.path(), false);
                    sb.append("()");
                } else {
                    sb.append('@');
                    path(c.path(), false);
                }
                sb.append('}');
            }
            case Ty.Projection p -> {
                sb.append('<');
                ty(p.self());
                if (p.trait() != null) {
                    sb.append(" as ");
                    path(p.trait(), false);
                }
                sb.append(">::").append(p.name());
                if (!p.args().isEmpty()) {
                    sb.append('<');
                    args(p.args());
                    sb.append('>');
                }
            }
            case Ty.Opaque o -> {
                sb.append("impl ");
                bounds(o.bounds());
                for (Region r : o.regions()) {
                    sb.append(" + ");
                    region(r);
                }
            }
            case Ty.Param p -> sb.append(p.name());
            case Ty.Pat p -> {
                sb.append('(');
                ty(p.base());
                sb.append(") is ").append(p.pattern());
            }
            case Ty.UnsafeBinder u -> {
                sb.append("unsafe<");
                regions(u.boundRegions());
                sb.append("> ");
                ty(u.inner());
            }
            case Ty.FieldOf f -> {
                sb.append("field_of!(");
                ty(f.base());
                sb.append(", ");
                if (f.variant() != null) sb.append(f.variant()).append('.');
                sb.append(f.field()).append(')');
            }
            case Ty.Error e -> sb.append("{type error}");
            case Ty.Other o -> sb.append(o.text());
        }
    }

    void tys(List<Ty> tys) {
        for (int i = 0; i < tys.size(); i++) {
            if (i > 0) sb.append(", ");
            ty(tys.get(i));
        }
    }

    void region(Region r) { sb.append(r.name()); }

    private void regions(List<Region> rs) {
        for (int i = 0; i < rs.size(); i++) {
            if (i > 0) sb.append(", ");
            region(rs.get(i));
        }
    }

    private void binder(List<Region> rs) {
        if (rs.isEmpty()) return;
        sb.append("for<");
        regions(rs);
        sb.append("> ");
    }

    void fnSig(FnSig sig) {
        binder(sig.boundRegions());
        if (sig.unsafe()) sb.append("unsafe ");
        if (sig.abi() != null) sb.append("extern \"").append(sig.abi()).append("\" ");
        sb.append("fn(");
        tys(sig.inputs());
        if (sig.cVariadic()) {
            if (!sig.inputs().isEmpty()) sb.append(", ");
            sb.append("...");
        }
        sb.append(')');
        if (!isUnit(sig.output())) {
            sb.append(" -> ");
            ty(sig.output());
        }
    }

    static boolean isUnit(Ty t) { return t instanceof Ty.Tuple tu && tu.elements().isEmpty(); }

    /** The bounds of a dyn or impl type, joined by {@code +}. */
    void bounds(List<TraitBound> bounds) {
        for (int i = 0; i < bounds.size(); i++) {
            if (i > 0) sb.append(" + ");
            traitBound(bounds.get(i));
        }
    }

    void traitBound(TraitBound b) {
        binder(b.boundRegions());
        if (b.constness() != null) sb.append(b.constness()).append(' ');
        List<PathSegment> segs = b.trait().segments();
        for (int i = 0; i < segs.size() - 1; i++) {
            if (i > 0) sb.append("::");
            segment(segs.get(i), false);
        }
        if (segs.size() > 1) sb.append("::");
        PathSegment last = segs.get(segs.size() - 1);
        if (!(last instanceof PathSegment.Ident id)) {
            segment(last, false);
            return;
        }
        sb.append(id.name());
        if (b.parenSugar()) {
            Ty.Tuple inputs = (Ty.Tuple) ((GenericArg.Type) id.args().get(0)).ty();
            sb.append('(');
            tys(inputs.elements());
            sb.append(')');
            Ty out = b.constraints().get(0).ty();
            if (!isUnit(out)) {
                sb.append(" -> ");
                ty(out);
            }
            return;
        }
        if (id.args().isEmpty() && b.constraints().isEmpty()) return;
        sb.append('<');
        args(id.args());
        for (int i = 0; i < b.constraints().size(); i++) {
            if (i > 0 || !id.args().isEmpty()) sb.append(", ");
            TraitBound.AssocConstraint ac = b.constraints().get(i);
            sb.append(ac.name());
            if (!ac.args().isEmpty()) {
                sb.append('<');
                args(ac.args());
                sb.append('>');
            }
            sb.append(" = ");
            ty(ac.ty());
        }
        sb.append('>');
    }

    void args(List<GenericArg> args) {
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) sb.append(", ");
            switch (args.get(i)) {
                case GenericArg.Type t -> ty(t.ty());
                case GenericArg.Const c -> tyConst(c.value());
                case GenericArg.Lifetime l -> region(l.region());
            }
        }
    }

    void tyConst(TyConst c) {
        switch (c) {
            case TyConst.Value v -> {
                if (v.ty() instanceof Ty.Bool) sb.append(v.bits().signum() != 0 ? "true" : "false");
                else if (v.ty() instanceof Ty.Char) Literals.charLiteral(sb, v.bits().intValueExact());
                else if (v.ty() instanceof Ty.Int i) intValue(v.bits(), i.kind(), false);
                else sb.append(v.bits());
            }
            case TyConst.Param p -> sb.append(p.name());
            case TyConst.Unevaluated u -> sb.append(u.text());
        }
    }

    /** An int as rustc's {@code ConstInt} Debug prints it: extremes by name, else decimal with an optional suffix. */
    void intValue(BigInteger v, Ty.IntTy t, boolean suffix) {
        int bytes = t.fixedBytes() == 0 ? pointerBytes : t.fixedBytes();
        int bits = bytes * 8;
        if (t.signed()) {
            BigInteger half = BigInteger.ONE.shiftLeft(bits - 1);
            if (v.equals(half.negate())) {
                sb.append(t.rustName()).append("::MIN");
                return;
            }
            if (v.equals(half.subtract(BigInteger.ONE))) {
                sb.append(t.rustName()).append("::MAX");
                return;
            }
        } else if (v.equals(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE))) {
            sb.append(t.rustName()).append("::MAX");
            return;
        }
        sb.append(v);
        if (suffix) sb.append('_').append(t.rustName());
    }

    void path(Path p, boolean value) {
        List<PathSegment> segs = p.segments();
        for (int i = 0; i < segs.size(); i++) {
            if (i > 0) sb.append("::");
            segment(segs.get(i), value);
        }
    }

    private void segment(PathSegment s, boolean value) {
        switch (s) {
            case PathSegment.Ident id -> {
                sb.append(id.name());
                if (!id.args().isEmpty()) {
                    sb.append(value ? "::<" : "<");
                    args(id.args());
                    sb.append('>');
                }
            }
            case PathSegment.QualifiedSelf q -> {
                sb.append('<');
                ty(q.self());
                if (q.trait() != null) {
                    sb.append(" as ");
                    path(q.trait(), false);
                }
                sb.append('>');
            }
            case PathSegment.ImplAt a -> sb.append("<impl at ").append(a.span()).append('>');
            case PathSegment.ImplFor f -> {
                sb.append("<impl ");
                if (f.trait() != null) {
                    path(f.trait(), false);
                    sb.append(" for ");
                }
                ty(f.self());
                sb.append('>');
            }
            case PathSegment.Disambiguated d -> sb.append('{').append(d.kind()).append('#').append(d.index()).append('}');
        }
    }

    void instance(Instance inst) {
        path(inst.path(), true);
        switch (inst.kind()) {
            case Instance.InstanceKind.Item i -> { }
            case Instance.InstanceKind.VTableShim v -> sb.append(" - shim(vtable)");
            case Instance.InstanceKind.ReifyShim r ->
                    sb.append(r.reason() == null ? " - shim(reify)" : " - shim(reify-" + r.reason() + ")");
            case Instance.InstanceKind.ThreadLocalShim t -> sb.append(" - shim(tls)");
            case Instance.InstanceKind.Intrinsic i -> sb.append(" - intrinsic");
            case Instance.InstanceKind.Virtual v -> sb.append(" - virtual#").append(v.index());
            case Instance.InstanceKind.Shim s -> sb.append(" - shim");
            case Instance.InstanceKind.ShimWithTy s -> {
                sb.append(" - shim(");
                ty(s.ty());
                sb.append(')');
            }
            case Instance.InstanceKind.DropGlue d -> {
                if (d.ty() == null) {
                    sb.append(" - shim(None)");
                } else {
                    sb.append(" - shim(Some(");
                    ty(d.ty());
                    sb.append("))");
                }
            }
        }
    }
}
