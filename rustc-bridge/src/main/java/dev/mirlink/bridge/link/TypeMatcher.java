package dev.mirlink.bridge.link;

import dev.mirlink.mir.item.AssocItem;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.GenericParam;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a type from rustdoc (as written in an item, canonical paths, {@code Self} and
 * aliases unexpanded) can be the type MIR prints for it (aliases expanded, projections
 * normalized where rustc could). Answers a score: -1 for no, else the number of concrete
 * parts that agreed, so that a more specific candidate wins. Parts rustdoc leaves open
 * (projections, {@code impl Trait}, {@code _}) match anything.
 */
final class TypeMatcher {
    private static final int NO = -1;
    private final MirNames names;

    TypeMatcher(MirNames names) {
        this.names = names;
    }

    /** {@code self} replaces {@code Self}; {@code impl} (may be null) normalizes {@code Self::Assoc}. */
    int match(Ty doc, Ty mir, Ty self, Item.Impl impl) {
        return match(doc, mir, new Scope(self, impl, Map.of(), false), 0);
    }

    /**
     * Whether MIR's {@code mir} is an instance of {@code doc}: its type parameters stand for any
     * type. For impl paths MIR prints with the self type instantiated ({@code <impl *mut u8>}).
     */
    int instance(Ty doc, Ty mir, Item.Impl impl) {
        return match(doc, mir, new Scope(null, impl, Map.of(), true), 0);
    }

    /** Like {@link #instance}, with {@code Self} standing for {@code self}: a trait's items against an impl's. */
    int instance(Ty doc, Ty mir, Ty self) {
        return match(doc, mir, new Scope(self, null, Map.of(), true), 0);
    }

    private record Scope(Ty self, Item.Impl impl, Map<String, Ty> params, boolean free) {}

    private int match(Ty doc, Ty mir, Scope s, int depth) {
        if (depth > 40) return 0;
        if (mir instanceof Ty.Other || mir instanceof Ty.Projection || mir instanceof Ty.Opaque) return 0;
        switch (doc) {
            case Ty.Param p when p.name().equals("Self") && s.self != null -> {
                return match(s.self, mir, new Scope(null, s.impl, s.params, s.free), depth + 1);
            }
            case Ty.Param p when s.params.containsKey(p.name()) -> {
                return match(s.params.get(p.name()), mir, s, depth + 1);
            }
            case Ty.Param p -> {
                if (s.free) return 0;
                if (mir instanceof Ty.Param m) return m.name().equals(p.name()) ? 1 : NO;
                // an impl's param may be printed by a different name when macros rename, keep it open
                return mir instanceof Ty.Adt || isPrimitive(mir) ? NO : 0;
            }
            case Ty.Other o -> {
                return 0;
            }
            case Ty.Opaque o -> {
                return 0;
            }
            case Ty.Projection p -> {
                Ty normalized = normalize(p, s);
                return normalized == null ? 0 : match(normalized, mir, s, depth + 1);
            }
            case Ty.Adt a -> {
                String docPath = names.resolveDefPath(pathString(stripArgs(a.path())));
                Item target = names.item(docPath); // types first: an alias, an ADT
                if (target instanceof Item.TypeAlias alias) {
                    return match(alias.ty(), mir, aliasScope(alias, a.path(), s), depth + 1);
                }
                if (mir instanceof Ty.Param p && rootItem(a.path(), p.name())) return 2;
                if (!(mir instanceof Ty.Adt m)) return target == null ? 0 : NO;
                String mirPath = names.canonical(stripArgs(m.path()));
                if (mirPath != null ? !mirPath.equals(docPath) : !lastName(m.path()).equals(DefPaths.last(docPath))) {
                    return NO;
                }
                return args(lastArgs(a.path()), lastArgs(m.path()), s, depth) + 2;
            }
            default -> {
            }
        }
        return switch (doc) {
            case Ty.Bool b -> mir instanceof Ty.Bool ? 1 : NO;
            case Ty.Char c -> mir instanceof Ty.Char ? 1 : NO;
            case Ty.Str x -> mir instanceof Ty.Str ? 1 : NO;
            case Ty.Never n -> mir instanceof Ty.Never ? 1 : NO;
            case Ty.Int i -> mir instanceof Ty.Int m && m.kind() == i.kind() ? 1 : NO;
            case Ty.Float f -> mir instanceof Ty.Float m && m.kind() == f.kind() ? 1 : NO;
            case Ty.Ref r -> mir instanceof Ty.Ref m && m.mutability() == r.mutability()
                    ? plus(match(r.pointee(), m.pointee(), s, depth + 1), 1) : NO;
            case Ty.RawPtr r -> mir instanceof Ty.RawPtr m && m.mutability() == r.mutability()
                    ? plus(match(r.pointee(), m.pointee(), s, depth + 1), 1) : NO;
            case Ty.Slice sl -> mir instanceof Ty.Slice m ? plus(match(sl.element(), m.element(), s, depth + 1), 1) : NO;
            case Ty.Array ar -> mir instanceof Ty.Array m && constMatches(ar.length(), m.length())
                    ? plus(match(ar.element(), m.element(), s, depth + 1), 1) : NO;
            case Ty.Tuple t -> {
                if (!(mir instanceof Ty.Tuple m) || m.elements().size() != t.elements().size()) yield NO;
                int score = 1;
                for (int i = 0; i < t.elements().size() && score >= 0; i++) {
                    score = plus(match(t.elements().get(i), m.elements().get(i), s, depth + 1), score);
                }
                yield score;
            }
            case Ty.FnPtr f -> {
                if (!(mir instanceof Ty.FnPtr m) || m.sig().inputs().size() != f.sig().inputs().size()) yield NO;
                int score = match(f.sig().output(), m.sig().output(), s, depth + 1);
                for (int i = 0; i < f.sig().inputs().size() && score >= 0; i++) {
                    score = plus(match(f.sig().inputs().get(i), m.sig().inputs().get(i), s, depth + 1), score);
                }
                yield plus(score, 1);
            }
            case Ty.Dynamic d -> mir instanceof Ty.Dynamic ? 1 : NO;
            case Ty.Pat p -> mir instanceof Ty.Pat m ? match(p.base(), m.base(), s, depth + 1) : NO;
            default -> 0;
        };
    }

    private int args(List<GenericArg> doc, List<GenericArg> mir, Scope s, int depth) {
        List<Ty> d = types(doc), m = types(mir);
        int score = 0;
        for (int i = 0; i < Math.min(d.size(), m.size()) && score >= 0; i++) {
            score = plus(match(d.get(i), m.get(i), s, depth + 1), score);
        }
        return score;
    }

    private static List<Ty> types(List<GenericArg> args) {
        List<Ty> out = new ArrayList<>();
        for (GenericArg a : args) if (a instanceof GenericArg.Type t) out.add(t.ty());
        return out;
    }

    private static boolean constMatches(TyConst doc, TyConst mir) {
        if (doc instanceof TyConst.Value d && mir instanceof TyConst.Value m) return d.bits().equals(m.bits());
        return true;
    }

    /** {@code Self::Output} / {@code <Self as Trait>::Output} through the impl's associated types. */
    private static Ty normalize(Ty.Projection p, Scope s) {
        if (s.impl == null) return null;
        boolean onSelf = p.self() instanceof Ty.Param param && param.name().equals("Self")
                || p.self().equals(s.impl.selfTy());
        if (!onSelf) return null;
        if (s.impl.item(p.name()) instanceof AssocItem.Type t && t.ty() != null) return t.ty();
        return null;
    }

    private static Scope aliasScope(Item.TypeAlias alias, Path use, Scope s) {
        Map<String, Ty> params = new HashMap<>(s.params);
        List<Ty> args = types(lastArgs(use));
        int i = 0;
        for (GenericParam p : alias.generics().params()) {
            if (p instanceof GenericParam.Type t) {
                if (i < args.size()) params.put(t.name(), args.get(i));
                else if (t.defaultTy() != null) params.put(t.name(), t.defaultTy());
                i++;
            }
        }
        return new Scope(s.self, s.impl, params, s.free);
    }

    /** A crate-root type MIR text printed as a bare name, read as a parameter without the reader's root names. */
    private boolean rootItem(Path docPath, String name) {
        List<String> segs = DefPaths.split(pathString(docPath));
        return segs.size() == 2 && segs.get(0).equals(names.crateName()) && segs.get(1).equals(name);
    }

    static boolean isPrimitive(Ty t) {
        return t instanceof Ty.Int || t instanceof Ty.Float || t instanceof Ty.Bool || t instanceof Ty.Char
                || t instanceof Ty.Str || t instanceof Ty.Never;
    }

    private static int plus(int score, int more) {
        return score < 0 ? NO : score + more;
    }

    static String pathString(Path path) {
        List<String> out = new ArrayList<>();
        for (PathSegment seg : path.segments()) out.add(MirNames.segment(seg));
        return DefPaths.join(out);
    }

    private static String lastName(Path path) {
        return MirNames.segment(path.segments().get(path.segments().size() - 1));
    }

    static List<GenericArg> lastArgs(Path path) {
        List<GenericArg> out = new ArrayList<>();
        for (PathSegment seg : path.segments()) if (seg instanceof PathSegment.Ident id) out.addAll(id.args());
        return out;
    }

    static Path stripArgs(Path path) {
        List<PathSegment> out = new ArrayList<>(path.segments().size());
        for (PathSegment seg : path.segments()) {
            out.add(seg instanceof PathSegment.Ident id && !id.args().isEmpty()
                    ? new PathSegment.Ident(id.name(), List.of()) : seg);
        }
        return new Path(out);
    }
}
