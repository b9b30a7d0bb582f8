package dev.mirlink.driver.consteval;

import dev.mirlink.driver.collect.MonoItem;
import dev.mirlink.driver.collect.Program;
import dev.mirlink.driver.collect.Resolver;
import dev.mirlink.mir.CrateItem;
import dev.mirlink.mir.alloc.AllocEntry;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.BodyKind;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.item.AssocItem;
import dev.mirlink.mir.item.GenericParam;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.layout.Layout;
import dev.mirlink.mir.layout.LayoutCx;
import dev.mirlink.mir.layout.LayoutException;
import dev.mirlink.mir.traits.Selection;
import dev.mirlink.mir.traits.Subst;
import dev.mirlink.mir.traits.TraitRef;
import dev.mirlink.mir.traits.TraitSelector;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates constants of a whole program once their generic args are concrete: rustc's
 * {@code eval_to_allocation_raw} (rustc_const_eval/src/const_eval/eval_queries.rs) over a MIR
 * interpreter ({@link Interp}) whose memory is laid out with our {@link LayoutCx}.
 */
public final class ConstEvaluator {
    final Program program;
    final Resolver resolver;
    final LayoutCx lcx;
    final int ptrSize;
    private final Map<String, Mem> cache = new HashMap<>();
    private final Map<String, Mem> statics = new HashMap<>();
    private final IdentityHashMap<Mem, String> staticOf = new IdentityHashMap<>();
    /** Whether the ADT at a def path has a {@code Drop} impl. */
    final Map<String, Boolean> dropImpls = new HashMap<>();

    /** Layouts of types with closures in them, which {@code lcx} may not know (see {@link ClosureTypeEnv}). */
    final LayoutCx closureLcx;

    public ConstEvaluator(Program program, Resolver resolver, LayoutCx lcx) {
        this.program = program;
        this.resolver = resolver;
        this.lcx = lcx;
        this.closureLcx = new LayoutCx(lcx.dataLayout(), new ClosureTypeEnv(
                new dev.mirlink.mir.layout.ItemTablesTypeEnv(program.tables()), program, resolver));
        this.ptrSize = lcx.dataLayout().pointerSize();
    }

    /** The layout of a concrete type, closures included. */
    public Layout layout(Ty t) {
        try {
            return lcx.layoutOf(t);
        } catch (LayoutException e) {
            if (e.getMessage() != null && e.getMessage().contains("closure")) {
                try {
                    return closureLcx.layoutOf(t);
                } catch (LayoutException e2) {
                    throw new ConstEvalException("layout", e2.getMessage());
                }
            }
            throw new ConstEvalException("layout", e.getMessage());
        }
    }

    /** A resolved const: its def path, the args its body is read under, and its MIR (a body or rustc's value). */
    record ConstRef(String defPath, Subst subst, MirEntry entry) {
        String crate() { return Program.crateOf(defPath); }
    }

    /**
     * Evaluates the const item / assoc const named by a concrete value path as printed in {@code crate}'s
     * MIR (a unit struct or variant path, which MIR prints alike, gives that value). Not thread-safe.
     */
    public ConstAlloc eval(String crate, Path constPath) {
        return intern(evalMem(crate, constPath));
    }

    /** Evaluates promoted / anon const {@code body} of {@code owner} under {@code args}, with the allocations dumped after it. */
    public ConstAlloc evalBody(String owner, List<GenericArg> args, Body body, List<AllocEntry> allocs) {
        Subst s = resolver.substFor(owner, args);
        return intern(new Interp(this).run(owner, Program.crateOf(owner), s, body, allocs, List.of()));
    }

    /** The value of static {@code defPath}. */
    public ConstAlloc evalStatic(String defPath) {
        return intern(staticValue(defPath));
    }

    /** A monomorphic const (free, or of an impl without params) by its def path. */
    public ConstAlloc evalDefPath(String defPath) {
        return intern(evalRef(new ConstRef(defPath, Subst.EMPTY, constMir(defPath, null))));
    }

    /** A value rustc printed (a {@code TrivialConst}'s, a folded constant), of type {@code ty} as printed in {@code crate}. */
    public ConstAlloc value(String crate, dev.mirlink.mir.body.ConstValue v, Ty ty) {
        return intern(new Interp(this).constant(crate, crate, Subst.EMPTY, v, ty));
    }

    /**
     * A constant operand of {@code owner}'s body under {@code args}, whose allocations are {@code allocs};
     * {@code expected} is its monomorphic type when the printed value does not tell. Not thread-safe.
     */
    public ConstAlloc operand(String owner, List<GenericArg> args, List<AllocEntry> allocs, dev.mirlink.mir.body.ConstValue v, Ty expected) {
        return intern(new Interp(this).constOperand(owner, Program.crateOf(owner), resolver.substFor(owner, args), allocs, v, expected));
    }

    private static final java.util.regex.Pattern STATIC_MARKER =
            java.util.regex.Pattern.compile("static\\(DefId\\([^~]*~ ([^\\[]+)\\[[0-9a-f]+\\]::(.*)\\)\\)");

    /** The def path of the static in {@code <static(DefId(0:5 ~ core[390f]::unicode::n::OFFSETS))>}: a pointer to its start. */
    public static String unprintedStatic(dev.mirlink.mir.body.ConstValue.UnprintedBytes u) {
        java.util.regex.Matcher m = STATIC_MARKER.matcher(u.marker());
        if (!m.matches()) throw new ConstEvalException("constant", "unprinted bytes <" + u.marker() + ">");
        return m.group(1) + "::" + m.group(2);
    }

    /** The def path and args of the const a path names (for the collector's bookkeeping). */
    public String resolveDefPath(String crate, Path constPath) {
        return resolveConst(crate, constPath).defPath();
    }

    Mem evalMem(String crate, Path constPath) {
        Interp in = new Interp(this);
        Ty unit = in.unitValueTy(crate, constPath);
        if (unit != null) return in.constant(crate, crate, Subst.EMPTY, new dev.mirlink.mir.body.ConstValue.ValuePath(constPath), unit);
        ConstRef ref = resolveConst(crate, constPath);
        return evalRef(ref);
    }

    Mem evalRef(ConstRef ref) {
        String key = ref.defPath() + " " + new java.util.TreeMap<>(ref.subst().args());
        Mem m = cache.get(key);
        if (m != null) return m;
        Interp in = new Interp(this);
        m = switch (ref.entry()) {
            case MirEntry.TrivialConst tc -> in.constant(ref.defPath(), ref.crate(), ref.subst(), tc.value(), tc.ty());
            case MirEntry.BodyEntry b -> in.run(ref.defPath(), ref.crate(), ref.subst(), b.body(), b.allocations(), List.of());
        };
        m.mutable = false;
        cache.put(key, m);
        return m;
    }

    /** Provenance for a pointer into {@code m}: the static it holds, or the allocation itself. */
    Mem.Prov provOf(Mem m) {
        String s = staticOf.get(m);
        return s != null ? new Mem.Prov.Static(s) : new Mem.Prov.Alloc(m);
    }

    /** The value of static {@code defPath}, read by a const (rustc allows reading immutable statics). */
    Mem staticValue(String defPath) {
        Mem m = statics.get(defPath);
        if (m != null) return m;
        CrateItem item = program.crateItem(defPath);
        if (item != null) {
            for (MirEntry e : item.mir()) {
                if (e instanceof MirEntry.BodyEntry b && (b.body().kind() == BodyKind.STATIC || b.body().kind() == BodyKind.STATIC_MUT)
                        && b.body().promoted() < 0) {
                    m = new Interp(this).run(defPath, Program.crateOf(defPath), Subst.EMPTY, b.body(), b.allocations(), List.of());
                }
            }
        }
        if (m == null) throw new ConstEvalException("static", "no initializer MIR for static `" + defPath + "`");
        statics.put(defPath, m);
        staticOf.put(m, defPath);
        return m;
    }

    // ---- resolution

    ConstRef resolveConst(String crate, Path p) {
        List<PathSegment> segs = p.segments();
        PathSegment last = p.last();
        if (last instanceof PathSegment.Disambiguated d) {
            // an anon / inline const: `f::<T>::{constant#0}`, read under its parent's args
            Path parent = new Path(segs.subList(0, segs.size() - 1));
            MonoItem.Fn owner = null;
            if (parent.last() instanceof PathSegment.Ident) {
                try {
                    owner = resolver.item(crate, parent);
                } catch (RuntimeException e) {
                    // not a fn: an anon const in a type (an array length in a field, an impl header)
                }
            }
            if (owner == null || resolver.valueItem(owner.defPath()) == null) {
                String parentDef = resolvePrefix(crate, names(parent.segments()));
                if (parentDef == null && parent.last() instanceof PathSegment.Ident) {
                    // an inline const in an assoc const's value (`<T as Trait>::C::{constant#0}`): read under the const's args
                    ConstRef c = resolveConst(crate, parent);
                    String def = c.defPath() + "::{" + d.kind() + "#" + d.index() + "}";
                    return new ConstRef(def, c.subst(), constMir(def, p));
                }
                if (parentDef == null) throw new ConstEvalException("path", "unresolved anon const " + p);
                String def = parentDef + "::{" + d.kind() + "#" + d.index() + "}";
                return new ConstRef(def, Subst.EMPTY, constMir(def, p));
            }
            String def = owner.defPath() + "::{" + d.kind() + "#" + d.index() + "}";
            return new ConstRef(def, resolver.substFor(owner.defPath(), owner.args()), constMir(def, p));
        }
        if (!(last instanceof PathSegment.Ident name)) throw new ConstEvalException("path", "unsupported const path " + p);
        int q0 = 0;
        while (q0 < segs.size() && !(segs.get(q0) instanceof PathSegment.QualifiedSelf || segs.get(q0) instanceof PathSegment.ImplFor)) q0++;
        if (q0 + 2 < segs.size()) {
            // a const declared in the body of a trait or impl method: the method's def path, then names
            MonoItem.Fn method = resolver.item(crate, new Path(segs.subList(0, q0 + 2)));
            List<String> rest = names(segs.subList(q0 + 2, segs.size()));
            if (rest == null) throw new ConstEvalException("path", "unsupported const path " + p);
            String def = method.defPath() + "::" + String.join("::", rest);
            return new ConstRef(def, Subst.EMPTY, constMir(def, p));
        }
        PathSegment head = segs.size() >= 2 ? segs.get(segs.size() - 2) : null;
        if (head instanceof PathSegment.QualifiedSelf q) {
            Ty self = resolver.ty(crate, q.self());
            if (q.trait() != null) return traitConst(crate, self, q.trait(), name.name(), p);
            return inherentConst(crate, null, self, name.name(), p);
        }
        if (head instanceof PathSegment.ImplFor f) {
            Ty self = resolver.ty(crate, f.self());
            if (f.trait() != null) return traitConst(crate, self, f.trait(), name.name(), p);
            String module = resolver.resolveDefPath(crate, names(segs.subList(0, segs.size() - 2)));
            if (module == null) throw new ConstEvalException("path", "unresolved module in " + p);
            return inherentConst(crate, module, self, name.name(), p);
        }
        if (head instanceof PathSegment.Ident && segs.size() >= 2) {
            // Type::<args>::NAME through an inherent impl
            List<PathSegment> prefix = segs.subList(0, segs.size() - 1);
            String typePath = resolver.resolveDefPath(crate, names(prefix));
            if (typePath != null && resolver.typeItem(typePath) instanceof Item.Adt) {
                try {
                    return inherentConst(crate, null, resolver.ty(crate, new Ty.Adt(new Path(prefix))), name.name(), p);
                } catch (ConstEvalException e) {
                    // not an inherent const: an item under the type's path
                }
            }
        }
        String def = resolver.resolveDefPath(crate, names(segs));
        if (def != null && resolver.valueItem(def) instanceof Item.Const) {
            // a free const, or an assoc const reached by its def path
            String parent = dev.mirlink.mir.item.DefPaths.parent(def);
            Item container = parent == null ? null : resolver.typeItem(parent);
            if (!(container instanceof Item.Trait)) return new ConstRef(def, resolver.substFor(def, name.args()), constMir(def, p));
        }
        if (def != null) return new ConstRef(def, Subst.EMPTY, constMir(def, p));
        throw new ConstEvalException("path", "unresolved const path `" + p + "` in crate " + crate);
    }

    /** The def path of a printed path whose tail names no item (a field, a variant's discriminant): its longest resolvable prefix, then the names. */
    private String resolvePrefix(String crate, List<String> names) {
        if (names == null) return null;
        for (int k = names.size(); k >= 1; k--) {
            String d = resolver.resolveDefPath(crate, names.subList(0, k));
            if (d != null) return k == names.size() ? d : d + "::" + String.join("::", names.subList(k, names.size()));
        }
        return null;
    }

    private ConstRef traitConst(String crate, Ty self, Path traitPath, String name, Path p) {
        TraitSelector sel = resolver.selector(crate);
        TraitRef ref = sel.traitRef(traitPath, self);
        ref = new TraitRef(ref.trait(), self, resolver.args(crate, ref.args()));
        Selection s = sel.select(ref);
        if (s instanceof Selection.Impl impl) {
            List<Selection.Impl> chain = new ArrayList<>();
            chain.add(impl);
            chain.addAll(impl.ancestors());
            for (Selection.Impl i : chain) {
                if (i.impl().item(name) instanceof AssocItem.Const c) return new ConstRef(c.defPath(), i.args(), constMir(c.defPath(), p));
            }
        }
        Item.Trait trait = (Item.Trait) resolver.typeItem(ref.trait());
        for (AssocItem a : trait.items()) {
            if (a instanceof AssocItem.Const c && c.name().equals(name)) {
                if (!c.hasValue()) throw new ConstEvalException("path", "no value for `" + p + "`: " + s);
                Map<String, GenericArg> m = new HashMap<>();
                m.put("Self", new GenericArg.Type(self));
                int k = 0;
                for (GenericParam gp : trait.generics().params()) {
                    if (gp instanceof GenericParam.Lifetime) continue;
                    if (k < ref.args().size()) m.put(gp.name(), ref.args().get(k++));
                }
                return new ConstRef(c.defPath(), new Subst(m), constMir(c.defPath(), p));
            }
        }
        throw new ConstEvalException("path", "trait " + ref.trait() + " has no const " + name);
    }

    /** An inherent impl's const: impls in {@code module} (for {@code <impl T>::N}) or of the self type. */
    private ConstRef inherentConst(String crate, String module, Ty self, String name, Path p) {
        List<Item.Impl> candidates = new ArrayList<>();
        if (module != null) {
            for (Item.Impl impl : program.tables().get(Program.crateOf(module)).impls()) {
                if (impl.traitRef() == null && module.equals(dev.mirlink.mir.item.DefPaths.parent(impl.defPath()))) candidates.add(impl);
            }
        } else if (self instanceof Ty.Adt a) {
            String typePath = adtPath(a);
            ItemTable table = program.tables().get(Program.crateOf(typePath));
            if (table != null) candidates.addAll(table.inherentImpls(typePath));
        } else {
            for (ItemTable t : program.tables().all()) {
                for (Item.Impl impl : t.impls()) if (impl.traitRef() == null) candidates.add(impl);
            }
        }
        for (Item.Impl impl : candidates) {
            if (!(impl.item(name) instanceof AssocItem.Const c)) continue;
            Subst s = resolver.selector(Program.crateOf(impl.defPath())).matchSelf(impl, self);
            if (s != null) return new ConstRef(c.defPath(), s, constMir(c.defPath(), p));
        }
        throw new ConstEvalException("path", "no inherent impl const `" + name + "` for `" + self + "` (" + p + ")");
    }

    static String adtPath(Ty.Adt a) {
        StringBuilder sb = new StringBuilder();
        for (PathSegment s : a.path().segments()) {
            if (!sb.isEmpty()) sb.append("::");
            sb.append(s instanceof PathSegment.Ident id ? id.name() : s.toString());
        }
        return sb.toString();
    }

    /** The MIR of the const at {@code defPath}: its CONST/ANON_CONST body, or the value rustc printed. */
    MirEntry constMir(String defPath, Path printed) {
        String owner = Program.ownerOf(defPath);
        CrateItem item = program.crateItem(owner);
        String suffix = defPath.substring(owner.length());
        MirEntry found = null;
        if (item != null) {
            for (MirEntry e : item.mir()) {
                boolean match = switch (e) {
                    case MirEntry.TrivialConst tc -> Program.bodySuffix(tc.path()).equals(suffix);
                    case MirEntry.BodyEntry b -> b.body().promoted() < 0 && !b.body().forCtfe()
                            && (b.body().kind() == BodyKind.CONST || b.body().kind() == BodyKind.ANON_CONST)
                            && Program.bodySuffix(b.body().path()).equals(suffix);
                };
                if (!match) continue;
                // macro-generated consts can share a def path (rustc's disambiguator is not printed)
                if (found != null && !found.equals(e)) throw new ConstEvalException("ambiguous", "several consts at `" + defPath + "`");
                found = e;
            }
        }
        if (found != null) return found;
        // an anon const under an item without a record of its own (a variant's discriminant, a field's
        // array length) is stored with the nearest enclosing item's MIR, under its full printed path
        for (String anc = dev.mirlink.mir.item.DefPaths.parent(owner); anc != null; anc = dev.mirlink.mir.item.DefPaths.parent(anc)) {
            CrateItem up = program.crateItem(anc);
            if (up == null) continue;
            String rel = defPath.substring(Program.crateOf(defPath).length() + 2);
            for (MirEntry e : up.mir()) {
                Path bp = switch (e) {
                    case MirEntry.TrivialConst tc -> tc.path();
                    case MirEntry.BodyEntry b -> b.body().promoted() < 0 && !b.body().forCtfe()
                            && (b.body().kind() == BodyKind.CONST || b.body().kind() == BodyKind.ANON_CONST) ? b.body().path() : null;
                };
                List<String> n = bp == null ? null : names(bp.segments());
                if (n != null && String.join("::", n).equals(rel)) return e;
            }
            break;
        }
        throw new ConstEvalException("no MIR", "no MIR for const `" + defPath + "` (" + printed + ")");
    }

    /** The body of fn {@code defPath} that CTFE runs: rustc's {@code mir_for_ctfe} when stored, else the optimized MIR. */
    MirEntry.BodyEntry fnBody(String defPath) {
        for (MirEntry.BodyEntry b : program.bodiesAt(defPath)) {
            if (b.body().forCtfe() && b.body().promoted() < 0 && b.body().kind() == BodyKind.FN) return b;
        }
        return program.body(defPath);
    }

    /** Promoted {@code index} of the body at {@code defPath}, with its allocations: the CTFE copy's if {@code ctfe}. */
    MirEntry.BodyEntry promoted(String defPath, int index, boolean ctfe) {
        MirEntry.BodyEntry found = null;
        for (MirEntry.BodyEntry b : program.bodiesAt(defPath)) {
            if (b.body().promoted() == index && (found == null || b.body().forCtfe() == ctfe)) found = b;
        }
        return found;
    }

    static List<String> names(List<PathSegment> segs) {
        return Program.segmentNames(segs);
    }

    // ---- interning (rustc_const_eval/src/interpret/intern.rs): the value and everything it points to

    ConstAlloc intern(Mem root) {
        return intern(root, new IdentityHashMap<>());
    }

    private ConstAlloc intern(Mem m, IdentityHashMap<Mem, ConstAlloc> done) {
        ConstAlloc c = done.get(m);
        if (c != null) return c;
        c = new ConstAlloc(m.ty, m.bytes.clone(), m.mutable);
        done.put(m, c);
        for (Map.Entry<Long, Mem.Prov> e : m.prov.entrySet()) {
            c.relocations.put(e.getKey(), switch (e.getValue()) {
                case Mem.Prov.Alloc a -> new ConstAlloc.Target.Memory(intern(a.mem(), done));
                case Mem.Prov.Fn f -> new ConstAlloc.Target.Fn(f.instance());
                case Mem.Prov.Static s -> new ConstAlloc.Target.Static(s.defPath());
                case Mem.Prov.ExternStatic s -> new ConstAlloc.Target.ExternStatic(s.symbol(), s.weak());
                case Mem.Prov.VTable v -> new ConstAlloc.Target.VTable(v.ty(), v.dynTy());
                case Mem.Prov.TypeId t -> new ConstAlloc.Target.TypeId(t.ty());
            });
        }
        return c;
    }
}
