package dev.mirlink.mir.layout;

import dev.mirlink.mir.CrateItem;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.ClosureUpvars;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.item.GenericParam;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTables;
import dev.mirlink.mir.item.Resolution;
import dev.mirlink.mir.traits.Subst;
import dev.mirlink.mir.traits.TraitSelectionException;
import dev.mirlink.mir.traits.TraitSelector;
import dev.mirlink.mir.ty.FnSig;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link TypeEnv} over item tables that also knows closures from the MIR stored in MIR-only
 * rlibs. A closure named {@code parent<args>::{closure#N}} is looked for among the bodies stored
 * under def paths ending in the parent fn's name; the body whose own closure type ({@code _1})
 * matches the name gives the upvar types ({@link ClosureUpvars}) and the signature, with the name's
 * generic args substituted for the parent's params. The segments that name items must match; module
 * prefixes may differ (a printed name uses visible paths, a body its crate's def paths), and when two
 * bodies fit, the one whose module path agrees longer wins. Projections that the item tables alone
 * cannot normalize (blanket impls, closure outputs) go to {@link TraitSelector}.
 */
public final class MirClosureEnv implements TypeEnv {
    private final ItemTables tables;
    private final ItemTablesTypeEnv items;
    private final Function<String, CrateItem> load;
    private final Map<String, List<String>> keysByLastName = new HashMap<>();
    private final Map<String, Optional<CrateItem>> loaded = new HashMap<>();
    private final Map<Path, Optional<List<Ty>>> cache = new HashMap<>();
    private final TraitSelector selector;

    /** {@code mirKeys}: the def paths under which rlibs store MIR; {@code load} reads one ({@link CrateItem}), or null. */
    public MirClosureEnv(ItemTables tables, Collection<String> mirKeys, Function<String, CrateItem> load) {
        this.tables = tables;
        this.items = new ItemTablesTypeEnv(tables);
        this.load = load;
        this.selector = new TraitSelector(tables, null);
        selector.setClosureSigs(this::closureSig);
        for (String key : mirKeys) {
            keysByLastName.computeIfAbsent(key.substring(key.lastIndexOf("::") + 2), k -> new ArrayList<>()).add(key);
        }
    }

    @Override
    public Item.Adt adt(String defPath) {
        return items.adt(defPath);
    }

    @Override
    public Item.TypeAlias alias(String defPath) {
        return items.alias(defPath);
    }

    @Override
    public Ty normalize(Ty.Projection projection) {
        Ty ty = items.normalize(projection);
        if (ty != null) return ty;
        // Blanket impls and closure outputs need trait selection.
        try {
            Ty n = selector.normalized(projection);
            return n instanceof Ty.Projection ? null : n;
        } catch (TraitSelectionException | LayoutException | IllegalStateException | UnsupportedOperationException e) {
            return null;
        }
    }

    @Override
    public synchronized List<Ty> closureUpvars(Path closure) {
        Optional<List<Ty>> hit = cache.get(closure);
        if (hit == null) {
            ClosureBody cb = findBody(closure);
            List<Ty> upvars = cb == null ? null : ClosureUpvars.of(cb.body);
            hit = Optional.ofNullable(upvars == null ? null : upvars.stream().map(cb::instantiate).toList());
            cache.put(closure, hit);
        }
        return hit.orElse(null);
    }

    /** The closure's signature from its body: arguments {@code _2..}, return type {@code _0}; null when unknown. */
    public synchronized FnSig closureSig(Ty.Closure closure) {
        ClosureBody cb = findBody(closure.path());
        if (cb == null) return null;
        Body b = cb.body;
        List<Ty> inputs = new ArrayList<>();
        for (int i = 2; i <= b.argCount(); i++) inputs.add(cb.instantiate(b.localDecls().get(i).ty()));
        return new FnSig(List.of(), false, null, inputs, false, cb.instantiate(b.returnTy()));
    }

    /** A closure's body in the crate that stores it, with the closure name's generic args for the body's params. */
    private record ClosureBody(Body body, String crate, Subst subst, MirClosureEnv env) {
        Ty instantiate(Ty ty) {
            return subst.ty(env.qualify(ty, crate));
        }
    }

    private final Map<Path, Optional<ClosureBody>> bodies = new HashMap<>();

    private ClosureBody findBody(Path closure) {
        Optional<ClosureBody> hit = bodies.get(closure);
        if (hit == null) {
            hit = Optional.ofNullable(searchBody(closure));
            bodies.put(closure, hit);
        }
        return hit.orElse(null);
    }

    private ClosureBody searchBody(Path closure) {
        List<PathSegment> segs = closure.segments();
        int first = 0;
        while (first < segs.size() && !(segs.get(first) instanceof PathSegment.Disambiguated)) first++;
        if (first == 0 || first == segs.size() || !(segs.get(first - 1) instanceof PathSegment.Ident parent)) return null;
        for (PathSegment s : segs.subList(first, segs.size())) if (!(s instanceof PathSegment.Disambiguated)) return null;
        List<PathSegment> tail = segs.subList(first, segs.size());
        ClosureBody found = null;
        int best = -1;
        boolean tie = false;
        for (String key : keysByLastName.getOrDefault(parent.name(), List.of())) {
            CrateItem item = loaded.computeIfAbsent(key, k -> Optional.ofNullable(load.apply(k))).orElse(null);
            if (item == null) continue;
            String crate = key.substring(0, key.indexOf("::"));
            int strict = itemSegments(key) + tail.size();
            // A fn nested in a fn has no parent generics: names printed further left are another scope's.
            int scope = nestedFn(key) ? tail.size() + 1 : Integer.MAX_VALUE;
            bodyCrate = crate;
            for (MirEntry e : item.mir()) {
                if (!(e instanceof MirEntry.BodyEntry be)) continue;
                Body body = be.body();
                if (body.forCtfe() || body.promoted() >= 0 || !endsWith(body.path(), tail)) continue;
                Ty.Closure self = ClosureUpvars.closureType(body);
                Map<String, GenericArg> binding = new HashMap<>();
                if (self == null || !matchPath(self.path(), closure, binding, strict, scope)) continue;
                // Two fitting bodies: the one whose module path agrees longer wins, else don't guess.
                int score = sameNamesFromEnd(self.path(), closure);
                // rustc prints two impls with the same header alike: equal captures and signature make that harmless.
                if (score == best && !sameShape(found, new ClosureBody(body, crate, new Subst(binding), this))) tie = true;
                if (score > best) {
                    best = score;
                    tie = false;
                    found = new ClosureBody(body, crate, new Subst(binding), this);
                }
            }
        }
        return tie ? null : found;
    }

    private static boolean sameShape(ClosureBody a, ClosureBody b) {
        List<Ty> ua = ClosureUpvars.of(a.body), ub = ClosureUpvars.of(b.body);
        if (ua == null || ub == null || ua.size() != ub.size() || a.body.argCount() != b.body.argCount()) return false;
        for (int i = 0; i < ua.size(); i++) if (!a.instantiate(ua.get(i)).equals(b.instantiate(ub.get(i)))) return false;
        for (int i = 0; i <= a.body.argCount(); i++) {
            if (i != 1 && !a.instantiate(a.body.localDecls().get(i).ty()).equals(b.instantiate(b.body.localDecls().get(i).ty()))) return false;
        }
        return true;
    }

    private static int sameNamesFromEnd(Path a, Path b) {
        List<PathSegment> x = a.segments(), y = b.segments();
        int n = 0;
        while (n < x.size() && n < y.size()) {
            PathSegment s = x.get(x.size() - 1 - n), t = y.get(y.size() - 1 - n);
            boolean same = s instanceof PathSegment.Ident i && t instanceof PathSegment.Ident j ? i.name().equals(j.name())
                    : s.getClass() == t.getClass();
            if (!same) break;
            n++;
        }
        return n;
    }

    private static boolean endsWith(Path path, List<PathSegment> tail) {
        List<PathSegment> s = path.segments();
        return s.size() >= tail.size() && s.subList(s.size() - tail.size(), s.size()).equals(tail);
    }

    // ------------------------------------------------------------------ matching a body's closure type to a name

    /** How many segments of a def path name items rather than modules ({@code <impl at …>} counts as one). */
    private int itemSegments(String defPath) {
        String[] segs = defPath.split("::");
        var table = tables.get(segs[0]);
        int modules = 1;
        StringBuilder prefix = new StringBuilder(segs[0]);
        for (int i = 1; i < segs.length && table != null; i++) {
            prefix.append("::").append(segs[i]);
            if (!(table.get(prefix.toString()) instanceof Item.Module)) break;
            modules = i + 1;
        }
        return segs.length - modules;
    }

    /** Whether the fn at {@code defPath} is nested in another fn. */
    private boolean nestedFn(String defPath) {
        int cut = defPath.lastIndexOf("::");
        var table = tables.get(defPath.substring(0, defPath.indexOf("::")));
        return cut > 0 && table != null && table.get(defPath.substring(0, cut)) instanceof Item.Fn;
    }

    private boolean matchPath(Path pattern, Path concrete, Map<String, GenericArg> binding) {
        return matchPath(pattern, concrete, binding, 1, Integer.MAX_VALUE);
    }

    /**
     * Matches {@code pattern} (params are variables) against {@code concrete} from the last segment
     * back; the last {@code strict} segments must match, further ones are module paths that may differ.
     * Params of segments from the {@code scope}th from the end on are bound apart (another generics scope).
     */
    private boolean matchPath(Path pattern, Path concrete, Map<String, GenericArg> params, int strict, int scope) {
        List<PathSegment> p = pattern.segments(), c = concrete.segments();
        Map<String, GenericArg> outer = new HashMap<>();
        for (int i = p.size() - 1, j = c.size() - 1, k = 0; i >= 0 && j >= 0; i--, j--, k++) {
            Map<String, GenericArg> binding = k < scope ? params : outer;
            PathSegment ps = p.get(i), cs = c.get(j);
            switch (ps) {
                case PathSegment.Disambiguated d -> {
                    if (!d.equals(cs)) return false;
                }
                case PathSegment.QualifiedSelf q -> {
                    if (!(cs instanceof PathSegment.QualifiedSelf cq) || !unify(q.self(), cq.self(), binding)) return false;
                    if ((q.trait() == null) != (cq.trait() == null)) return false;
                    if (q.trait() != null && !matchPath(q.trait(), cq.trait(), binding)) return false;
                }
                case PathSegment.ImplFor f -> {
                    if (!(cs instanceof PathSegment.ImplFor cf) || !unify(f.self(), cf.self(), binding)) return false;
                    if ((f.trait() == null) != (cf.trait() == null)) return false;
                    if (f.trait() != null && !matchPath(f.trait(), cf.trait(), binding)) return false;
                }
                case PathSegment.Ident id -> {
                    if (!(cs instanceof PathSegment.Ident cid)) return false;
                    if (!id.name().equals(cid.name())) {
                        // Different module paths to the same item: only arg-less prefixes may differ.
                        return k >= strict && id.args().isEmpty() && cid.args().isEmpty();
                    }
                    List<GenericArg> cargs = withDefaults(c.subList(0, j + 1), cid.args(), id.args().size());
                    if (!unifyArgs(id.args(), cargs, binding)) return false;
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    /** Printed names omit defaulted args ({@code Vec<T>} for {@code Vec<T, Global>}): restores them from the ADT. */
    private List<GenericArg> withDefaults(List<PathSegment> prefix, List<GenericArg> args, int wanted) {
        List<GenericArg> given = withoutLifetimes(args);
        if (given.size() >= wanted) return given;
        StringBuilder dp = new StringBuilder();
        for (PathSegment s : prefix) {
            if (!(s instanceof PathSegment.Ident id)) return given;
            if (!dp.isEmpty()) dp.append("::");
            dp.append(id.name());
        }
        Item.Adt adt = items.adt(dp.toString());
        if (adt == null) return given;
        List<GenericArg> out = new ArrayList<>(given);
        Map<String, GenericArg> map = new HashMap<>();
        int k = 0;
        for (GenericParam gp : adt.generics().params()) {
            if (gp instanceof GenericParam.Lifetime) continue;
            if (k < given.size()) map.put(gp.name(), given.get(k));
            else if (gp instanceof GenericParam.Type t && t.defaultTy() != null) {
                GenericArg d = new GenericArg.Type(new Subst(map).ty(t.defaultTy()));
                map.put(gp.name(), d);
                out.add(d);
            } else break;
            k++;
        }
        return out;
    }

    private boolean unifyArgs(List<GenericArg> pattern, List<GenericArg> concrete, Map<String, GenericArg> binding) {
        List<GenericArg> p = withoutLifetimes(pattern), c = withoutLifetimes(concrete);
        if (p.size() != c.size()) return false;
        for (int i = 0; i < p.size(); i++) {
            GenericArg pa = p.get(i), ca = c.get(i);
            if (pa instanceof GenericArg.Type pt && ca instanceof GenericArg.Type ct) {
                if (!unify(pt.ty(), ct.ty(), binding)) return false;
            } else if (pa instanceof GenericArg.Const pc && ca instanceof GenericArg.Const cc) {
                if (pc.value() instanceof TyConst.Param cp) {
                    if (!bind(cp.name(), ca, binding)) return false;
                } else if (!(pc.value() instanceof TyConst.Value a && cc.value() instanceof TyConst.Value b && a.bits().equals(b.bits()))) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean bind(String name, GenericArg value, Map<String, GenericArg> binding) {
        GenericArg old = binding.putIfAbsent(name, value);
        return old == null || old.equals(value);
    }

    private boolean unify(Ty pattern, Ty concrete, Map<String, GenericArg> binding) {
        return switch (pattern) {
            case Ty.Param p -> bind(p.name(), new GenericArg.Type(concrete), binding);
            case Ty.Adt a when concrete instanceof Ty.Adt b -> sameItem(a.path(), b.path()) && matchPath(a.path(), b.path(), binding);
            case Ty.Closure a when concrete instanceof Ty.Closure b -> matchPath(a.path(), b.path(), binding);
            case Ty.Projection a when concrete instanceof Ty.Projection b -> a.name().equals(b.name())
                    && unify(a.self(), b.self(), binding) && (a.trait() == null) == (b.trait() == null)
                    && (a.trait() == null || matchPath(a.trait(), b.trait(), binding));
            case Ty.Ref a when concrete instanceof Ty.Ref b -> a.mutability() == b.mutability() && unify(a.pointee(), b.pointee(), binding);
            case Ty.RawPtr a when concrete instanceof Ty.RawPtr b -> a.mutability() == b.mutability() && unify(a.pointee(), b.pointee(), binding);
            case Ty.Slice a when concrete instanceof Ty.Slice b -> unify(a.element(), b.element(), binding);
            case Ty.Array a when concrete instanceof Ty.Array b -> unify(a.element(), b.element(), binding)
                    && unifyArgs(List.of(new GenericArg.Const(a.length())), List.of(new GenericArg.Const(b.length())), binding);
            case Ty.Tuple a when concrete instanceof Ty.Tuple b -> {
                if (a.elements().size() != b.elements().size()) yield false;
                for (int i = 0; i < a.elements().size(); i++) {
                    if (!unify(a.elements().get(i), b.elements().get(i), binding)) yield false;
                }
                yield true;
            }
            // Printed names keep neither a dyn's bounds nor a fn pointer's signature exactly.
            case Ty.Dynamic a -> concrete instanceof Ty.Dynamic;
            case Ty.FnPtr a -> concrete instanceof Ty.FnPtr;
            case Ty.FnDef a -> concrete instanceof Ty.FnDef;
            default -> pattern.equals(concrete);
        };
    }

    /** The body's crate while matching: its own paths lack the crate name. */
    private String bodyCrate;
    private final Map<String, Optional<String>> defPaths = new HashMap<>();

    /** False only when both paths resolve, to different items (say std's and hashbrown's {@code Values}). */
    private boolean sameItem(Path pattern, Path concrete) {
        String a = defPathOf(pattern, bodyCrate), b = defPathOf(concrete, null);
        return a == null || b == null || a.equals(b);
    }

    private String defPathOf(Path path, String crate) {
        StringBuilder names = new StringBuilder();
        for (PathSegment s : path.segments()) {
            if (!(s instanceof PathSegment.Ident id)) return null;
            if (!names.isEmpty()) names.append("::");
            names.append(id.name());
        }
        String n = names.toString();
        if (crate != null) {
            String local = resolveItem(crate + "::" + n);
            if (local != null) return local;
        }
        return resolveItem(n);
    }

    private String resolveItem(String path) {
        return defPaths.computeIfAbsent(path, p -> Optional.ofNullable(
                tables.resolve(p) instanceof Resolution.Local l && l.member() == null ? l.item().defPath() : null)).orElse(null);
    }

    private static List<GenericArg> withoutLifetimes(List<GenericArg> args) {
        List<GenericArg> out = new ArrayList<>(args.size());
        for (GenericArg a : args) if (!(a instanceof GenericArg.Lifetime)) out.add(a);
        return out;
    }

    // ------------------------------------------------------------------ crate-qualifying a body's types

    /** A body prints its own crate's paths without the crate name: puts it back where that resolves. */
    private Ty qualify(Ty ty, String crate) {
        return switch (ty) {
            case Ty.Adt a -> new Ty.Adt(qualify(a.path(), crate));
            case Ty.Closure c -> new Ty.Closure(qualify(c.path(), crate));
            case Ty.Ref r -> new Ty.Ref(r.region(), qualify(r.pointee(), crate), r.mutability());
            case Ty.RawPtr p -> new Ty.RawPtr(qualify(p.pointee(), crate), p.mutability());
            case Ty.Slice s -> new Ty.Slice(qualify(s.element(), crate));
            case Ty.Array a -> new Ty.Array(qualify(a.element(), crate), a.length());
            case Ty.Tuple t -> new Ty.Tuple(t.elements().stream().map(e -> qualify(e, crate)).toList());
            case Ty.Projection p -> new Ty.Projection(qualify(p.self(), crate), p.trait() == null ? null : qualify(p.trait(), crate),
                    p.name(), qualifyArgs(p.args(), crate));
            case Ty.Pat p -> new Ty.Pat(qualify(p.base(), crate), p.pattern());
            default -> ty;
        };
    }

    private Path qualify(Path path, String crate) {
        List<PathSegment> segs = new ArrayList<>();
        StringBuilder names = new StringBuilder(crate);
        boolean leading = true;
        for (PathSegment s : path.segments()) {
            segs.add(switch (s) {
                case PathSegment.Ident id -> new PathSegment.Ident(id.name(), qualifyArgs(id.args(), crate));
                case PathSegment.QualifiedSelf q -> new PathSegment.QualifiedSelf(qualify(q.self(), crate),
                        q.trait() == null ? null : qualify(q.trait(), crate));
                default -> s;
            });
            if (leading && s instanceof PathSegment.Ident id) names.append("::").append(id.name());
            else leading = false;
        }
        if (segs.isEmpty() || !(segs.get(0) instanceof PathSegment.Ident)) return new Path(segs);
        if (tables.resolve(names.toString()) instanceof Resolution.Local) segs.add(0, new PathSegment.Ident(crate));
        return new Path(segs);
    }

    private List<GenericArg> qualifyArgs(List<GenericArg> args, String crate) {
        if (args.isEmpty()) return args;
        List<GenericArg> out = new ArrayList<>(args.size());
        for (GenericArg a : args) out.add(a instanceof GenericArg.Type t ? new GenericArg.Type(qualify(t.ty(), crate)) : a);
        return out;
    }
}
