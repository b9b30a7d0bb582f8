package dev.mirlink.driver.collect;

import dev.mirlink.driver.collect.MonoItem.InstanceKind;
import dev.mirlink.mir.body.AggregateKind;
import dev.mirlink.mir.body.BasicBlockData;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.ConstValue;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.Operand;
import dev.mirlink.mir.body.Rvalue;
import dev.mirlink.mir.body.Statement;
import dev.mirlink.mir.body.Terminator;
import dev.mirlink.mir.item.AssocItem;
import dev.mirlink.mir.item.CodegenAttrs;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.GenericParam;
import dev.mirlink.mir.item.Generics;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.item.Resolution;
import dev.mirlink.mir.traits.Selection;
import dev.mirlink.mir.traits.Subst;
import dev.mirlink.mir.traits.TraitRef;
import dev.mirlink.mir.traits.TraitSelector;
import dev.mirlink.mir.ty.FnSig;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves what MIR names, once generic args are concrete, to instances (rustc's
 * {@code Instance::try_resolve}, rustc_ty_utils/src/instance.rs): value paths as MIR prints them in
 * a crate ({@code vec::Vec::<i32>::push}, {@code <T as Clone>::clone}, {@code core::num::<impl u8>::max})
 * become a def path with its args, trait methods go through {@link TraitSelector}, and closures,
 * fn pointers and Clone get their builtin shims. Types are brought to the canonical form
 * {@link #ty} gives them, closures included.
 */
public final class Resolver {
    public static final String FN = "core::ops::function::Fn", FN_MUT = "core::ops::function::FnMut",
            FN_ONCE = "core::ops::function::FnOnce", CLONE = "core::clone::Clone", FN_PTR = "core::marker::FnPtr",
            DROP_IN_PLACE = "core::ptr::drop_in_place";

    /** What a call resolves to: an instance to generate, a virtual call, or an intrinsic handled by codegen. */
    public sealed interface Callee {
        record Instance(MonoItem.Fn fn) implements Callee {}
        record Virtual(String traitMethod, Ty self) implements Callee {}
        /** {@code hasFallback}: codegen instantiates the intrinsic's fallback body (see {@link Resolver#hasFallback}). */
        record Intrinsic(String defPath, List<GenericArg> args, boolean hasFallback) implements Callee {}
        /** A drop_in_place whose type needs no drop. */
        record NoOp() implements Callee {}
        /** A fn declared in an {@code extern} block inside a fn body, which no item table has: known by symbol. */
        record Foreign(String symbol) implements Callee {}
    }

    /** A closure's kind and signature (inputs untupled) and its upvar types, from its MIR. */
    public record ClosureInfo(String kind, FnSig sig) {}

    private final Program program;
    private final TraitSelector selector;
    private final Map<Ty, ClosureInfo> closures = new HashMap<>();

    public Resolver(Program program) {
        this.program = program;
        this.selector = new TraitSelector(program.tables(), program.localCrate());
        selector.setClosureSigs(c -> closureInfo(c).sig());
    }

    public TraitSelector selector(String crate) {
        return selector.forCrate(crate);
    }

    // ---- types

    /** The canonical form of a concrete type as {@code crate}'s MIR prints it: paths resolved, projections normalized, closures by def path. */
    public Ty ty(String crate, Ty t) {
        return canonClosures(crate, selector(crate).normalized(localTypes(crate, t)));
    }

    /**
     * Types declared in the body of a trait or impl method print through the method's path
     * ({@code <Drain<'_, u8> as Drop>::drop::DropGuard<'_, u8>}): they become their def path here,
     * since only the collector resolves the method.
     */
    private Ty localTypes(String crate, Ty t) {
        return switch (t) {
            case Ty.Adt a when a.path().segments().stream().anyMatch(seg -> seg instanceof PathSegment.QualifiedSelf
                    || seg instanceof PathSegment.ImplFor || seg instanceof PathSegment.Disambiguated) -> {
                List<PathSegment> segs = a.path().segments();
                PathSegment.Ident name = (PathSegment.Ident) a.path().last();
                MonoItem.Fn method = ownerItem(crate, new Path(segs.subList(0, segs.size() - 1)));
                List<GenericArg> args = name.args().stream().map(g -> g instanceof GenericArg.Type ty
                        ? new GenericArg.Type(localTypes(crate, ty.ty())) : g).toList();
                yield new Ty.Adt(new Path(List.of(new PathSegment.Ident(method.defPath() + "::" + name.name(), args))));
            }
            case Ty.Adt a -> new Ty.Adt(mapLocal(crate, a.path()));
            case Ty.Ref r -> new Ty.Ref(r.region(), localTypes(crate, r.pointee()), r.mutability());
            case Ty.RawPtr r -> new Ty.RawPtr(localTypes(crate, r.pointee()), r.mutability());
            case Ty.Tuple tu -> new Ty.Tuple(tu.elements().stream().map(e -> localTypes(crate, e)).toList());
            case Ty.Slice sl -> new Ty.Slice(localTypes(crate, sl.element()));
            case Ty.Array ar -> new Ty.Array(localTypes(crate, ar.element()), ar.length());
            default -> t;
        };
    }

    /** The fn or closure a path names, when it may end in {@code {closure#N}} segments. */
    public MonoItem.Fn ownerItem(String crate, Path p) {
        List<PathSegment> segs = p.segments();
        int n = segs.size();
        while (n > 0 && segs.get(n - 1) instanceof PathSegment.Disambiguated) n--;
        MonoItem.Fn fn = n >= 2 && segs.get(n - 2) instanceof PathSegment.QualifiedSelf q && q.trait() != null
                ? implMethodByHeader(crate, q, (PathSegment.Ident) segs.get(n - 1), null)
                : null;
        if (fn == null) fn = item(crate, new Path(segs.subList(0, n)));
        if (n == segs.size()) return fn;
        return MonoItem.Fn.item(fn.defPath() + "::" + String.join("::", names(segs.subList(n, segs.size()))), fn.args());
    }

    /**
     * {@code <T as Trait>::method} with the impl's own params as args: the impl by its header alone. When
     * several impls match (a specializing one), the one whose method body declares {@code nested} (or null).
     */
    private MonoItem.Fn implMethodByHeader(String crate, PathSegment.QualifiedSelf q, PathSegment.Ident method, List<String> nested) {
        TraitSelector sel = selector(crate);
        Ty self = ty(crate, q.self());
        TraitRef ref = sel.traitRef(q.trait(), self);
        MonoItem.Fn found = null;
        for (Selection.Impl impl : sel.matchHeaders(new TraitRef(ref.trait(), self, args(crate, ref.args())))) {
            if (!(impl.impl().item(method.name()) instanceof AssocItem.Fn f)) continue;
            if (nested != null && program.body(f.defPath() + "::" + String.join("::", nested)) == null) continue;
            if (found != null) return null;
            found = implFn(f.defPath(), impl.impl(), impl.args(), args(crate, method.args()));
        }
        return found;
    }

    private Path mapLocal(String crate, Path p) {
        if (!(p.last() instanceof PathSegment.Ident id) || id.args().isEmpty()) return p;
        List<PathSegment> segs = new ArrayList<>(p.segments());
        segs.set(segs.size() - 1, new PathSegment.Ident(id.name(), id.args().stream().map(g -> g instanceof GenericArg.Type ty
                ? new GenericArg.Type(localTypes(crate, ty.ty())) : g).toList()));
        return new Path(segs);
    }

    /** {@link #ty} for a type written inside the item at {@code defPath}: an ADT's field, an impl's header. */
    public Ty tyIn(String defPath, Ty t) {
        String crate = Program.crateOf(defPath);
        return canonClosures(crate, selector(crate).normalizedIn(defPath, t));
    }

    public List<GenericArg> args(String crate, List<GenericArg> args) {
        List<GenericArg> out = new ArrayList<>();
        for (GenericArg a : args) {
            switch (a) {
                case GenericArg.Type t -> out.add(new GenericArg.Type(ty(crate, t.ty())));
                case GenericArg.Const c -> out.add(c);
                case GenericArg.Lifetime l -> { }
            }
        }
        return out;
    }

    private Ty canonClosures(String crate, Ty t) {
        return switch (t) {
            case Ty.Closure c -> closureTy(crate, c.path());
            case Ty.Adt a -> new Ty.Adt(mapArgs(crate, a.path()));
            case Ty.Ref r -> new Ty.Ref(r.region(), canonClosures(crate, r.pointee()), r.mutability());
            case Ty.RawPtr r -> new Ty.RawPtr(canonClosures(crate, r.pointee()), r.mutability());
            case Ty.Tuple tu -> new Ty.Tuple(tu.elements().stream().map(e -> canonClosures(crate, e)).toList());
            case Ty.Slice s -> new Ty.Slice(canonClosures(crate, s.element()));
            case Ty.Array a -> new Ty.Array(canonClosures(crate, a.element()), a.length());
            case Ty.FnDef f -> new Ty.FnDef(f.sig(), fnDefPath(crate, f.path()), f.targetFeatures());
            default -> t;
        };
    }

    private Path mapArgs(String crate, Path p) {
        List<PathSegment> segs = new ArrayList<>();
        for (PathSegment s : p.segments()) {
            segs.add(s instanceof PathSegment.Ident id && !id.args().isEmpty()
                    ? new PathSegment.Ident(id.name(), id.args().stream().map(a -> a instanceof GenericArg.Type ty
                            ? new GenericArg.Type(canonClosures(crate, ty.ty())) : a).toList())
                    : s);
        }
        return new Path(segs);
    }

    /**
     * A fn item type's path as one segment: the def path of the fn it names with all its args (rustc's
     * {@code FnDef(def_id, args)}). A trait method stays the trait's ({@code Clone::clone} with Self
     * first): which impl runs is decided when it is called.
     */
    private Path fnDefPath(String crate, Path p) {
        if (isCanonical(p)) return p;
        List<PathSegment> segs = p.segments();
        PathSegment.Ident name = (PathSegment.Ident) p.last();
        PathSegment head = segs.size() >= 2 ? segs.get(segs.size() - 2) : null;
        Ty self = null;
        Path trait = null;
        if (head instanceof PathSegment.QualifiedSelf q && q.trait() != null) { self = q.self(); trait = q.trait(); }
        if (head instanceof PathSegment.ImplFor f && f.trait() != null) { self = f.self(); trait = f.trait(); }
        if (trait != null) {
            TraitSelector sel = selector(crate);
            Ty s = ty(crate, self);
            TraitRef ref = sel.traitRef(trait, s);
            List<GenericArg> args = new ArrayList<>();
            args.add(new GenericArg.Type(s));
            args.addAll(args(crate, ref.args()));
            args.addAll(args(crate, name.args()));
            return new Path(List.of(new PathSegment.Ident(ref.trait() + "::" + name.name(), args)));
        }
        MonoItem.Fn fn = item(crate, p);
        return new Path(List.of(new PathSegment.Ident(fn.defPath(), fn.args())));
    }

    /** A path {@link #fnDefPath} or {@link #closureTy} made: one segment holding a def path. */
    static boolean isCanonical(Path p) {
        return p.segments().size() == 1 && p.last() instanceof PathSegment.Ident id && id.name().contains("::");
    }

    /** {@code {closure@parent::<args>::{closure#N}}} as one segment: the closure's def path with its parent's args. */
    private Ty closureTy(String crate, Path p) {
        if (p.segments().size() == 1 && p.last() instanceof PathSegment.Ident id && id.name().contains("{closure")) {
            return new Ty.Closure(p); // already canonical
        }
        List<PathSegment> segs = p.segments();
        int first = 0;
        while (first < segs.size() && !(segs.get(first) instanceof PathSegment.Disambiguated)) first++;
        if (first == 0 || first == segs.size()) throw new CollectException("unsupported closure path " + p);
        Path parent = new Path(segs.subList(0, first));
        MonoItem.Fn owner = item(crate, parent);
        String def = owner.defPath() + "::" + String.join("::", names(segs.subList(first, segs.size())));
        return new Ty.Closure(new Path(List.of(new PathSegment.Ident(def, owner.args()))));
    }

    public static String closureDefPath(Ty.Closure c) {
        return ((PathSegment.Ident) c.path().last()).name();
    }

    public static List<GenericArg> closureArgs(Ty.Closure c) {
        return ((PathSegment.Ident) c.path().last()).args();
    }

    /** Kind and signature of a canonical closure, from its body: {@code _1} is {@code &Self}, {@code &mut Self} or {@code Self}. */
    public ClosureInfo closureInfo(Ty.Closure c) {
        ClosureInfo info = closures.get(c);
        if (info != null) return info;
        String def = closureDefPath(c);
        MirEntry.BodyEntry e = program.body(def);
        if (e == null) throw new CollectException("no MIR for closure `" + def + "`");
        Body b = e.body();
        Subst s = substFor(def, closureArgs(c));
        String crate = Program.crateOf(def);
        Ty self = b.localDecls().get(1).ty();
        String kind = self instanceof Ty.Ref r ? (r.mutability() == Ty.Mutability.MUT ? FN_MUT : FN) : FN_ONCE;
        List<Ty> inputs = new ArrayList<>();
        for (int i = 2; i <= b.argCount(); i++) inputs.add(ty(crate, s.ty(b.localDecls().get(i).ty())));
        info = new ClosureInfo(kind, new FnSig(List.of(), false, null, inputs, false, ty(crate, s.ty(b.returnTy()))));
        closures.put(c, info);
        return info;
    }

    // ---- generics

    /**
     * The generic params an instance of {@code defPath} takes, in order: an impl method's impl params
     * then its own, a trait method's Self and trait params then its own; closures take their parent's.
     */
    public List<String> params(String defPath) {
        String owner = Program.ownerOf(defPath);
        List<String> out = new ArrayList<>();
        Item item = valueItem(owner);
        String parent = DefPaths.parent(owner);
        Item container = parent == null ? null : typeItem(parent);
        if (container instanceof Item.Impl impl && impl.synthesized() && impl.generics().params().isEmpty()) {
            out.addAll(implHeaderParams(impl));
        } else if (container instanceof Item.Impl impl) {
            addParams(impl.generics(), out);
        }
        if (container instanceof Item.Trait trait && item instanceof Item.Fn) {
            out.add("Self");
            addParams(trait.generics(), out);
        }
        if (item instanceof Item.Fn f && f.synthesized() && f.generics().params().isEmpty()) {
            // the body names the parent's params too; they are the parent's, not the fn's own
            for (String p : paramsFromBody(owner)) if (!out.contains(p)) out.add(p);
        } else if (item instanceof Item.Fn f) {
            addParams(f.generics(), out);
        }
        return out;
    }

    /**
     * The params of an impl the tables synthesized from MIR (one rustdoc left out, like alloc's
     * {@code impl<T> [T]}, or one in a fn body), which has none recorded: its header's type and const
     * params in order of appearance, self type first, as {@code RustcNames} numbers them.
     */
    private static List<String> implHeaderParams(Item.Impl impl) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        headerParams(impl.selfTy(), out);
        if (impl.traitRef() != null) headerParams(new Ty.Adt(impl.traitRef()), out);
        return List.copyOf(out);
    }

    private static void headerParams(Ty t, java.util.Set<String> out) {
        switch (t) {
            case Ty.Param p -> out.add(p.name());
            case Ty.Ref r -> headerParams(r.pointee(), out);
            case Ty.RawPtr r -> headerParams(r.pointee(), out);
            case Ty.Slice sl -> headerParams(sl.element(), out);
            case Ty.Array a -> headerParams(a.element(), out);
            case Ty.Tuple tu -> tu.elements().forEach(e -> headerParams(e, out));
            // only the type's own args: a type declared in a generic fn prints the fn's params in its path
            case Ty.Adt a -> {
                if (a.path().last() instanceof PathSegment.Ident id) for (GenericArg g : id.args()) {
                    if (g instanceof GenericArg.Type ty) headerParams(ty.ty(), out);
                    if (g instanceof GenericArg.Const c && c.value() instanceof dev.mirlink.mir.ty.TyConst.Param cp) out.add(cp.name());
                }
            }
            default -> { }
        }
    }

    /**
     * A fn declared inside a body whose generics no fn item type showed the producer, or a method of
     * a synthesized impl: its params are read from its MIR (local types, then the items its statements
     * and calls name), named params first, then argument-position {@code impl Trait} ones, each in
     * order of first use.
     */
    private List<String> paramsFromBody(String defPath) {
        MirEntry.BodyEntry e = program.body(defPath);
        if (e == null) return List.of();
        List<GenericArg> identity = identityFromClosures(defPath);
        if (identity != null) {
            return identity.stream().filter(a -> a instanceof GenericArg.Type)
                    .map(a -> ((Ty.Param) ((GenericArg.Type) a).ty()).name()).toList();
        }
        java.util.LinkedHashSet<String> named = new java.util.LinkedHashSet<>(), synthetic = new java.util.LinkedHashSet<>();
        for (var decl : e.body().localDecls()) collectParams(decl.ty(), named, synthetic);
        // a param may show only where the body names an item: `<dyn Any>::is::<T>` holds no `T`, it calls `TypeId::of::<T>`
        for (BasicBlockData bb : e.body().basicBlocks()) {
            for (Statement st : bb.statements()) {
                if (st instanceof Statement.Assign a) rvalueParams(a.rvalue(), named, synthetic);
            }
            switch (bb.terminator()) {
                case Terminator.Call c -> { operandParams(c.func(), named, synthetic); c.args().forEach(o -> operandParams(o, named, synthetic)); }
                case Terminator.TailCall c -> { operandParams(c.func(), named, synthetic); c.args().forEach(o -> operandParams(o, named, synthetic)); }
                default -> { }
            }
        }
        List<String> out = new ArrayList<>(named);
        out.addAll(synthetic);
        return out;
    }

    /**
     * The fn at {@code defPath}'s own args in declaration order, lifetimes first, as a closure built in
     * its body prints them ({@code flatten::<T, Acc, impl FnMut…>::{closure#0}}); null when no closure does.
     */
    List<GenericArg> identityFromClosures(String defPath) {
        MirEntry.BodyEntry e = program.body(defPath);
        if (e == null) return null;
        String name = DefPaths.last(defPath);
        for (var decl : e.body().localDecls()) {
            if (!(decl.ty() instanceof Ty.Closure c)) continue;
            for (PathSegment seg : c.path().segments()) {
                if (seg instanceof PathSegment.Ident id && id.name().equals(name) && !id.args().isEmpty()
                        && id.args().stream().allMatch(a -> a instanceof GenericArg.Lifetime || a instanceof GenericArg.Type t && t.ty() instanceof Ty.Param)) {
                    return id.args();
                }
            }
        }
        return null;
    }

    private static void pathParams(Path p, java.util.Set<String> named, java.util.Set<String> synthetic) {
        for (PathSegment seg : p.segments()) {
            if (seg instanceof PathSegment.Ident id) argParams(id.args(), named, synthetic);
        }
    }

    /**
     * The params in the args of the item a value path names and of its parent (type, impl or qualified
     * self); outer segments print the identity args of an enclosing item, not ours
     * ({@code NonZero::<T>::new_unchecked::precondition_check}, inlined into a body without {@code T}).
     */
    private static void itemPathParams(Path p, java.util.Set<String> named, java.util.Set<String> synthetic) {
        List<PathSegment> segs = p.segments();
        for (PathSegment seg : segs.subList(Math.max(0, segs.size() - 2), segs.size())) segmentParams(seg, named, synthetic);
    }

    private static void segmentParams(PathSegment seg, java.util.Set<String> named, java.util.Set<String> synthetic) {
        switch (seg) {
            case PathSegment.Ident id -> argParams(id.args(), named, synthetic);
            case PathSegment.QualifiedSelf q -> {
                collectParams(q.self(), named, synthetic);
                if (q.trait() != null) pathParams(q.trait(), named, synthetic);
            }
            case PathSegment.ImplFor f -> {
                collectParams(f.self(), named, synthetic);
                if (f.trait() != null) pathParams(f.trait(), named, synthetic);
            }
            default -> { }
        }
    }

    private static void rvalueParams(Rvalue rv, java.util.Set<String> named, java.util.Set<String> synthetic) {
        switch (rv) {
            case Rvalue.Use u -> operandParams(u.operand(), named, synthetic);
            case Rvalue.Repeat r -> {
                operandParams(r.operand(), named, synthetic);
                if (r.count() instanceof dev.mirlink.mir.ty.TyConst.Param cp) named.add(cp.name());
            }
            case Rvalue.Cast c -> { operandParams(c.operand(), named, synthetic); collectParams(c.ty(), named, synthetic); }
            case Rvalue.BinaryOp b -> { operandParams(b.left(), named, synthetic); operandParams(b.right(), named, synthetic); }
            case Rvalue.UnaryOp u -> operandParams(u.operand(), named, synthetic);
            case Rvalue.Aggregate a -> {
                if (a.kind() instanceof AggregateKind.Adt adt) itemPathParams(adt.path(), named, synthetic);
                a.operands().forEach(o -> operandParams(o, named, synthetic));
            }
            default -> { }
        }
    }

    private static void operandParams(Operand o, java.util.Set<String> named, java.util.Set<String> synthetic) {
        if (!(o instanceof Operand.Constant c)) return;
        switch (c.constant().value()) {
            case ConstValue.FnItem f -> itemPathParams(f.path(), named, synthetic);
            case ConstValue.ValuePath v -> itemPathParams(v.path(), named, synthetic);
            case ConstValue.FnPointer f -> itemPathParams(f.fn(), named, synthetic);
            case ConstValue.Param cp -> named.add(cp.name());
            default -> { }
        }
    }

    private static void argParams(List<GenericArg> args, java.util.Set<String> named, java.util.Set<String> synthetic) {
        for (GenericArg g : args) {
            if (g instanceof GenericArg.Type ty) collectParams(ty.ty(), named, synthetic);
            if (g instanceof GenericArg.Const c && c.value() instanceof dev.mirlink.mir.ty.TyConst.Param cp) named.add(cp.name());
        }
    }

    private static void collectParams(Ty t, java.util.Set<String> named, java.util.Set<String> synthetic) {
        switch (t) {
            case Ty.Param p -> (p.name().startsWith("impl ") ? synthetic : named).add(p.name());
            case Ty.Ref r -> collectParams(r.pointee(), named, synthetic);
            case Ty.RawPtr r -> collectParams(r.pointee(), named, synthetic);
            case Ty.Slice sl -> collectParams(sl.element(), named, synthetic);
            case Ty.Array a -> {
                collectParams(a.element(), named, synthetic);
                // a const param may show only as a length: swap_nonoverlapping_chunks::<N> takes MaybeUninit<[u8; N]>
                if (a.length() instanceof dev.mirlink.mir.ty.TyConst.Param cp) named.add(cp.name());
            }
            case Ty.Tuple tu -> tu.elements().forEach(x -> collectParams(x, named, synthetic));
            case Ty.Closure c -> pathParams(c.path(), named, synthetic);
            case Ty.FnDef f -> pathParams(f.path(), named, synthetic);
            case Ty.FnPtr f -> {
                f.sig().inputs().forEach(x -> collectParams(x, named, synthetic));
                collectParams(f.sig().output(), named, synthetic);
            }
            // <[T] as Concat<Item>>::Output: the trait's args may be params used nowhere else
            case Ty.Projection pr -> {
                collectParams(pr.self(), named, synthetic);
                pathParams(pr.trait(), named, synthetic);
                argParams(pr.args(), named, synthetic);
            }
            // only the type's own args: a path through a generic parent names the parent's params, not ours
            case Ty.Adt a -> {
                if (a.path().last() instanceof PathSegment.Ident id) argParams(id.args(), named, synthetic);
            }
            default -> { }
        }
    }

    private static void addParams(Generics g, List<String> out) {
        for (GenericParam p : g.params()) if (!(p instanceof GenericParam.Lifetime)) out.add(p.name());
    }

    public Subst substFor(String defPath, List<GenericArg> args) {
        List<String> names = params(defPath);
        Map<String, GenericArg> m = new HashMap<>();
        for (int i = 0; i < Math.min(names.size(), args.size()); i++) m.put(names.get(i), args.get(i));
        return new Subst(m);
    }

    public Item valueItem(String defPath) {
        ItemTable t = program.tables().get(Program.crateOf(defPath));
        return t == null ? null : t.valueItem(defPath);
    }

    public Item typeItem(String defPath) {
        ItemTable t = program.tables().get(Program.crateOf(defPath));
        return t == null ? null : t.typeItem(defPath);
    }

    // ---- value paths

    /** What a call of the value path {@code p} (concrete, as {@code crate}'s MIR prints it) runs. */
    public Callee callee(String crate, Path p) {
        return callee(crate, p, null);
    }

    /** {@code argTys}, the call's argument types when known, pick the impl of a trait declared in a fn body. */
    public Callee callee(String crate, Path p, List<Ty> argTys) {
        if (isCanonical(p)) return canonicalCallee((PathSegment.Ident) p.last());
        PathSegment last = p.last();
        if (!(last instanceof PathSegment.Ident name)) throw new CollectException("unsupported callee path " + p);
        Path prefix = new Path(p.segments().subList(0, p.segments().size() - 1));
        List<GenericArg> fnArgs = args(crate, name.args());
        PathSegment head = prefix.segments().isEmpty() ? null : prefix.last();
        if (head instanceof PathSegment.QualifiedSelf q && q.trait() != null) {
            return traitMethod(crate, ty(crate, q.self()), q.trait(), name.name(), fnArgs, argTys);
        }
        if (head instanceof PathSegment.ImplFor f && f.trait() != null) {
            return traitMethod(crate, ty(crate, f.self()), f.trait(), name.name(), fnArgs, argTys);
        }
        if (fnLocal(crate, prefix) && resolveDefPath(crate, names(p.segments())) == null) return new Callee.Foreign(name.name());
        return itemCallee(item(crate, p));
    }

    /**
     * What calling the item {@code fn} runs: drop glue (or nothing, when the type needs no drop) for
     * {@code drop_in_place}, an intrinsic, a foreign fn by its symbol, or the instance itself.
     */
    private Callee itemCallee(MonoItem.Fn fn) {
        String def = fn.defPath();
        if (def.equals(DROP_IN_PLACE)) {
            Ty t = fn.args().get(0) instanceof GenericArg.Type ty ? ty.ty() : null;
            return t != null && needsDropHook != null && !needsDropHook.test(t) ? new Callee.NoOp()
                    : new Callee.Instance(new MonoItem.Fn(InstanceKind.DROP_GLUE, DROP_IN_PLACE, fn.args(), t));
        }
        if (!(valueItem(def) instanceof Item.Fn f)) return new Callee.Instance(fn);
        if (f.attrs().contains(CodegenAttrs.INTRINSIC)) return new Callee.Intrinsic(def, fn.args(), hasFallback(def));
        String parent = DefPaths.parent(def);
        if (!f.hasBody() && !(typeItem(Program.ownerOf(parent == null ? def : parent)) instanceof Item.Trait)) {
            String lang = CodegenAttrs.lang(f.attrs());
            String export = CodegenAttrs.exportName(f.attrs());
            return new Callee.Foreign(lang != null && lang.equals("PanicImpl") ? "panic_impl"
                    : export != null ? export : CodegenAttrs.foreignSymbol(f.attrs(), DefPaths.last(def)));
        }
        return new Callee.Instance(fn);
    }

    /** Intrinsics with a fallback body that rustc's LLVM backend implements itself (rustc_codegen_llvm/src/lib.rs {@code replaced_intrinsics}, LLVM 22). */
    public static final java.util.Set<String> REPLACED_INTRINSICS = java.util.Set.of("unchecked_funnel_shl", "unchecked_funnel_shr",
            "carrying_mul_add", "carryless_mul");

    /** Whether codegen instantiates the intrinsic's fallback body (collector.rs {@code visit_instance_use}). */
    private boolean hasFallback(String def) {
        return !REPLACED_INTRINSICS.contains(DefPaths.last(def)) && program.hasFallbackBody(def);
    }

    /** What a fn item type's canonical path calls: a trait method is dispatched on its Self. */
    private Callee canonicalCallee(PathSegment.Ident id) {
        String def = id.name();
        String parent = DefPaths.parent(def);
        if (typeItem(parent) instanceof Item.Trait trait) {
            int traitParams = 1 + (int) trait.generics().params().stream().filter(g -> !(g instanceof GenericParam.Lifetime)).count();
            List<GenericArg> args = id.args();
            Ty self = ((GenericArg.Type) args.get(0)).ty();
            TraitRef ref = new TraitRef(parent, self, args.subList(1, Math.min(traitParams, args.size())));
            return traitMethod(ref, DefPaths.last(def), args.subList(Math.min(traitParams, args.size()), args.size()));
        }
        return itemCallee(MonoItem.Fn.item(def, id.args()));
    }

    /** The def path of an item declared in a closure's body ({@code f::{closure#0}::Item}): the closure's owner, then names. */
    public String closureLocalDefPath(String crate, Path p) {
        List<PathSegment> segs = p.segments();
        int d0 = 0;
        while (d0 < segs.size() && !(segs.get(d0) instanceof PathSegment.Disambiguated)) d0++;
        List<String> rest = names(segs.subList(d0, segs.size()));
        if (d0 == 0 || rest == null) throw new CollectException("unsupported path " + p);
        return item(crate, new Path(segs.subList(0, d0))).defPath() + "::" + String.join("::", rest);
    }

    /** Whether {@code prefix} names a fn: the path is then to an item declared in its body. */
    private boolean fnLocal(String crate, Path prefix) {
        if (prefix.segments().isEmpty() || !(prefix.last() instanceof PathSegment.Ident)) return false;
        String def = resolveDefPath(crate, names(prefix.segments()));
        return def != null && valueItem(def) instanceof Item.Fn;
    }

    /** Set by the collector: whether a type needs drop glue. */
    java.util.function.Predicate<Ty> needsDropHook;

    /** The item a non-trait value path names, with its args (impl args from the self type of an inherent impl). */
    public MonoItem.Fn item(String crate, Path p) {
        List<PathSegment> segs = p.segments();
        PathSegment.Ident name = (PathSegment.Ident) p.last();
        List<GenericArg> fnArgs = args(crate, name.args());
        List<PathSegment> prefix = segs.subList(0, segs.size() - 1);
        int q0 = 0;
        while (q0 < segs.size() && !(segs.get(q0) instanceof PathSegment.QualifiedSelf || segs.get(q0) instanceof PathSegment.ImplFor)) q0++;
        int d0 = 0;
        while (d0 < segs.size() && !(segs.get(d0) instanceof PathSegment.Disambiguated)) d0++;
        if (d0 > 0 && d0 < segs.size() - 1 && d0 < q0) return MonoItem.Fn.item(closureLocalDefPath(crate, p), fnArgs);
        if (q0 + 2 < segs.size()) {
            // an item declared in the body of a trait or impl method: the method's def path, then names;
            // the path prints the impl's own params (<FlattenCompat<I, U> as Iterator>::fold::flatten), so the header picks it
            List<String> rest = names(segs.subList(q0 + 2, segs.size()));
            if (rest == null) throw new CollectException("unsupported path " + p);
            MonoItem.Fn method = segs.get(q0) instanceof PathSegment.QualifiedSelf q && q.trait() != null
                    && segs.get(q0 + 1) instanceof PathSegment.Ident m ? implMethodByHeader(crate, q, m, rest) : null;
            if (method == null) method = item(crate, new Path(segs.subList(0, q0 + 2)));
            return MonoItem.Fn.item(method.defPath() + "::" + String.join("::", rest), fnArgs);
        }
        PathSegment head = prefix.isEmpty() ? null : prefix.get(prefix.size() - 1);
        if (head instanceof PathSegment.QualifiedSelf q && q.trait() != null) {
            return switch (traitMethod(crate, ty(crate, q.self()), q.trait(), name.name(), fnArgs)) {
                case Callee.Instance i -> i.fn();
                default -> throw new CollectException("not a plain item: " + p);
            };
        }
        if (head instanceof PathSegment.QualifiedSelf q) {
            // <dyn Any>::is::<T>: an inherent impl of a type no path names (dyn, slices, primitives)
            Ty self = ty(crate, q.self());
            for (ItemTable t : program.tables().all()) {
                for (Item.Impl impl : t.impls()) {
                    if (impl.traitRef() != null || !(impl.item(name.name()) instanceof AssocItem.Fn af)) continue;
                    Subst s = selector(t.crateName()).matchSelf(impl, self);
                    if (s != null) return implFn(af.defPath(), impl, s, fnArgs);
                }
            }
            throw new CollectException("no inherent impl of `" + self + "` with `" + name.name() + "`");
        }
        if (head instanceof PathSegment.ImplFor f) {
            if (f.trait() != null) {
                return switch (traitMethod(crate, ty(crate, f.self()), f.trait(), name.name(), fnArgs)) {
                    case Callee.Instance i -> i.fn();
                    default -> throw new CollectException("not a plain item: " + p);
                };
            }
            String module = resolveDefPath(crate, names(prefix.subList(0, prefix.size() - 1)));
            if (module == null) throw new CollectException("unresolved module in " + p);
            Ty self = ty(crate, f.self());
            for (Item.Impl impl : program.tables().get(Program.crateOf(module)).impls()) {
                if (impl.traitRef() != null || !module.equals(DefPaths.parent(impl.defPath()))) continue;
                if (!(impl.item(name.name()) instanceof AssocItem.Fn af)) continue;
                Subst s = selector(Program.crateOf(impl.defPath())).matchSelf(impl, self);
                if (s != null) return implFn(af.defPath(), impl, s, fnArgs);
            }
            throw new CollectException("no inherent impl of `" + self + "` with `" + name.name() + "` in " + module);
        }
        if (head instanceof PathSegment.Ident typeSeg && segs.size() >= 2) {
            // Type::<args>::method through an inherent impl of the type
            String typePath = resolveDefPath(crate, names(prefix));
            Item type = typePath == null ? null : typeItem(typePath);
            if (type instanceof Item.Adt || type instanceof Item.ForeignType) {
                Ty self = ty(crate, new Ty.Adt(new Path(prefix)));
                ItemTable table = program.tables().get(Program.crateOf(typePath));
                for (Item.Impl impl : table.inherentImpls(typePath)) {
                    if (!(impl.item(name.name()) instanceof AssocItem.Fn af)) continue;
                    Subst s = selector(table.crateName()).matchSelf(impl, self);
                    if (s != null) return implFn(af.defPath(), impl, s, fnArgs);
                }
                if (type instanceof Item.Adt adt && adt.variant(name.name()) != null) {
                    // a tuple-like variant's constructor, used as a fn
                    List<GenericArg> adtArgs = ((Ty.Adt) self).path().last() instanceof PathSegment.Ident id ? id.args() : List.of();
                    return MonoItem.Fn.item(typePath + "::" + name.name(), adtArgs);
                }
                MonoItem.Fn local = fnLocalImplMethod(self, name.name());
                if (local != null) return local;
                throw new CollectException("no inherent method `" + name.name() + "` of `" + typePath + "`");
            }
        }
        String def = resolveDefPath(crate, names(segs));
        if (def == null) throw new CollectException("unresolved path `" + p + "` in crate " + crate);
        if (typeItem(def) instanceof Item.Adt adt && adt.kind() == Item.Adt.Kind.STRUCT) {
            return MonoItem.Fn.item(def, fnArgs); // a tuple struct's constructor
        }
        return MonoItem.Fn.item(def, fnArgs);
    }

    private MonoItem.Fn implFn(String fnDefPath, Item.Impl impl, Subst implArgs, List<GenericArg> fnArgs) {
        if (impl.synthesized()) {
            // an impl recovered from MIR has no declared generics: its method's params come from the body
            List<GenericArg> args = new ArrayList<>();
            int next = 0;
            for (String param : params(fnDefPath)) {
                GenericArg a = implArgs.get(param);
                if (a == null && next < fnArgs.size()) a = fnArgs.get(next++);
                args.add(a != null ? a : new GenericArg.Type(new Ty.Param(param)));
            }
            return MonoItem.Fn.item(fnDefPath, args);
        }
        List<GenericArg> args = new ArrayList<>();
        for (GenericParam gp : impl.generics().params()) {
            if (gp instanceof GenericParam.Lifetime) continue;
            GenericArg a = implArgs.get(gp.name());
            // a path to an item nested in the method names the impl by its identity args
            args.add(a != null ? a : new GenericArg.Type(new Ty.Param(gp.name())));
        }
        args.addAll(fnArgs);
        return MonoItem.Fn.item(fnDefPath, args);
    }

    private static List<String> names(List<PathSegment> segs) {
        return Program.segmentNames(segs);
    }

    /** A path as printed in {@code crate}'s MIR (local paths without the crate name) to the def path of its item. */
    public String resolveDefPath(String crate, List<String> names) {
        if (names == null || names.isEmpty()) return null;
        String joined = String.join("::", names);
        if (names.size() == 1 && program.tables().get(Program.crateOf(joined)) != null && names.get(0).contains("::")) {
            return joined; // canonical already
        }
        // MIR prints local paths without the crate name, so a first segment that is also a crate's
        // name is the local item when the crate has one (fn main in crate main)
        boolean crateFirst = program.tables().get(names.get(0)) != null;
        ItemTable local = program.tables().get(crate);
        boolean localFirst = local != null && local.contains(crate + "::" + names.get(0));
        List<String> tries = !crateFirst ? List.of(crate + "::" + joined)
                : localFirst ? List.of(crate + "::" + joined, joined) : List.of(joined, crate + "::" + joined);
        for (String t : tries) {
            // items declared in closures resolve only by their def path
            ItemTable table = program.tables().get(Program.crateOf(t));
            if (table != null && table.contains(t)) return t;
        }
        for (String t : tries) {
            if (program.tables().resolve(t) instanceof Resolution.Local l && l.item() != null) {
                return l.member() == null ? l.item().defPath() : l.item().defPath() + "::" + l.member();
            }
        }
        return null;
    }

    // ---- trait methods

    Callee traitMethod(String crate, Ty self, Path traitPath, String method, List<GenericArg> fnArgs) {
        return traitMethod(crate, self, traitPath, method, fnArgs, null);
    }

    Callee traitMethod(String crate, Ty self, Path traitPath, String method, List<GenericArg> fnArgs, List<Ty> argTys) {
        TraitSelector sel = selector(crate);
        if (sel.traitDefPath(traitPath) == null && traitPath.segments().size() > 1) {
            MonoItem.Fn local = fnLocalTraitMethod(crate, self, traitPath, method, argTys);
            if (local != null) return new Callee.Instance(local);
        }
        TraitRef ref = sel.traitRef(traitPath, self);
        ref = new TraitRef(ref.trait(), self, args(crate, ref.args()));
        return traitMethod(ref, method, fnArgs);
    }

    /**
     * A trait declared inside a fn body ({@code Iterator::advance_by::SpecAdvanceBy}), which rustdoc
     * does not document: its impls are the ones the linker recovered from MIR under that fn, without
     * their trait, so the impl method's params are bound by matching its MIR signature against the
     * call's argument types, and the bounds its header declares must hold. Of several that
     * match, the last one declared is taken: std declares a specializing impl after the default one
     * it specializes.
     */
    private MonoItem.Fn fnLocalTraitMethod(String crate, Ty self, Path traitPath, String method, List<Ty> argTys) {
        Path owner = new Path(traitPath.segments().subList(0, traitPath.segments().size() - 1));
        String fn;
        try {
            fn = item(crate, owner).defPath();
        } catch (CollectException | dev.mirlink.mir.traits.TraitSelectionException e) {
            return null;
        }
        if (!(valueItem(fn) instanceof Item.Fn)) return null;
        ItemTable table = program.tables().get(Program.crateOf(fn));
        MonoItem.Fn found = null;
        for (Item.Impl impl : table.impls()) {
            if (!fn.equals(DefPaths.parent(impl.defPath()))) continue;
            String methodPath = impl.defPath() + "::" + method;
            MirEntry.BodyEntry e = program.body(methodPath);
            if (e == null) continue;
            List<Ty> declared = new ArrayList<>();
            for (int i = 1; i <= e.body().argCount(); i++) declared.add(e.body().localDecls().get(i).ty());
            Subst s = null;
            if (argTys != null) {
                s = selector(table.crateName()).matchTys(methodPath, declared, argTys);
            } else if (!declared.isEmpty()) {
                // only the receiver is known (a closure's parent path): &self, &mut self or self
                for (Ty receiver : List.of(new Ty.Ref(null, self, Ty.Mutability.MUT), new Ty.Ref(null, self, Ty.Mutability.NOT), self)) {
                    s = selector(table.crateName()).matchTys(methodPath, declared.subList(0, 1), List.of(receiver));
                    if (s != null) break;
                }
            }
            if (s == null || !selector(table.crateName()).boundsHold(impl, s)) continue;
            found = bodyParamsItem(methodPath, s);
        }
        return found;
    }

    /** The {@code Drop::drop} of a type declared in a fn body, whose impl the linker recovered from MIR, or null. */
    MonoItem.Fn fnLocalDrop(Ty.Adt self) {
        return fnLocalImplMethod(self, "drop");
    }

    /** Whether {@code t} is a type declared in a fn body. */
    private boolean fnLocalType(Ty t) {
        if (!(t instanceof Ty.Adt a)) return false;
        String fn = DefPaths.parent(DropGlue.adtPath(a));
        return fn != null && valueItem(fn) instanceof Item.Fn;
    }

    /**
     * A type declared in a fn body implements traits in that body too, and the linker recovered those
     * impls from MIR without their trait: the one whose self type matches and which has {@code method}.
     */
    private MonoItem.Fn fnLocalImplMethod(Ty self, String method) {
        if (!(self instanceof Ty.Adt a)) return null;
        String adt = DropGlue.adtPath(a);
        String fn = DefPaths.parent(adt);
        if (fn == null || !(valueItem(fn) instanceof Item.Fn)) return null;
        ItemTable table = program.tables().get(Program.crateOf(adt));
        for (Item.Impl impl : table.impls()) {
            if (!fn.equals(DefPaths.parent(impl.defPath())) || program.body(impl.defPath() + "::" + method) == null) continue;
            Ty pattern = localTypes(table.crateName(), impl.selfTy());
            Subst s = selector(table.crateName()).matchTys(impl.defPath(), List.of(pattern), List.of(self));
            if (s != null) return bodyParamsItem(impl.defPath() + "::" + method, s);
        }
        return null;
    }

    /** An instance of a method recovered from MIR, its params (read from its body) bound by {@code s}. */
    private MonoItem.Fn bodyParamsItem(String methodPath, Subst s) {
        List<GenericArg> args = new ArrayList<>();
        for (String param : params(methodPath)) {
            GenericArg a = s.get(param);
            if (a == null) throw new CollectException("param `" + param + "` of `" + methodPath + "` not determined");
            args.add(a);
        }
        return MonoItem.Fn.item(methodPath, args);
    }

    public Callee traitMethod(TraitRef ref, String method, List<GenericArg> fnArgs) {
        Item.Trait trait = (Item.Trait) typeItem(ref.trait());
        String traitFn = null;
        for (AssocItem a : trait.items()) if (a instanceof AssocItem.Fn f && f.name().equals(method)) traitFn = f.defPath();
        if (traitFn == null) throw new CollectException("trait " + ref.trait() + " has no fn " + method);
        Selection s;
        try {
            s = selector.select(ref);
        } catch (dev.mirlink.mir.traits.TraitSelectionException e) {
            MonoItem.Fn local = e.reason().equals("no impl") ? fnLocalImplMethod(ref.self(), method) : null;
            if (local == null && e.reason().equals("no impl") && fnLocalType(ref.self())
                    && valueItem(traitFn) instanceof Item.Fn f && f.hasBody()) {
                // a type declared in a fn body, whose impl (recovered from MIR) leaves the method to the
                // trait's default: <from::StringError as Error>::source in a vtable
                List<GenericArg> args = new ArrayList<>();
                args.add(new GenericArg.Type(ref.self()));
                args.addAll(ref.args());
                args.addAll(fnArgs);
                local = MonoItem.Fn.item(traitFn, args);
            }
            if (local == null) throw e;
            return new Callee.Instance(local);
        }
        List<GenericArg> traitArgs = new ArrayList<>();
        traitArgs.add(new GenericArg.Type(ref.self()));
        traitArgs.addAll(ref.args());
        if (s instanceof Selection.Impl impl) {
            List<Selection.Impl> chain = new ArrayList<>();
            chain.add(impl);
            chain.addAll(impl.ancestors());
            for (Selection.Impl i : chain) {
                if (i.impl().item(method) instanceof AssocItem.Fn f) return new Callee.Instance(implFn(f.defPath(), i.impl(), i.args(), fnArgs));
            }
            List<GenericArg> args = new ArrayList<>(traitArgs);
            args.addAll(fnArgs);
            return new Callee.Instance(MonoItem.Fn.item(traitFn, args));
        }
        Ty self = ref.self();
        if (self instanceof Ty.Dynamic) return new Callee.Virtual(traitFn, self);
        String t = ref.trait();
        if ((t.equals(FN) || t.equals(FN_MUT) || t.equals(FN_ONCE)) && self instanceof Ty.Closure c) {
            ClosureInfo info = closureInfo(c);
            if (t.equals(FN_ONCE) && !info.kind().equals(FN_ONCE)) {
                return new Callee.Instance(new MonoItem.Fn(InstanceKind.CLOSURE_ONCE_SHIM, traitFn, traitArgs, null));
            }
            return new Callee.Instance(MonoItem.Fn.item(closureDefPath(c), closureArgs(c)));
        }
        if ((t.equals(FN) || t.equals(FN_MUT) || t.equals(FN_ONCE)) && (self instanceof Ty.FnDef || self instanceof Ty.FnPtr)) {
            return new Callee.Instance(new MonoItem.Fn(InstanceKind.FN_PTR_SHIM, traitFn, traitArgs, self));
        }
        if (t.equals(CLONE)) return new Callee.Instance(new MonoItem.Fn(InstanceKind.CLONE_SHIM, traitFn, traitArgs, self));
        if (t.equals(FN_PTR)) return new Callee.Instance(new MonoItem.Fn(InstanceKind.FN_PTR_ADDR_SHIM, traitFn, traitArgs, self));
        throw new CollectException("builtin impl of " + ref + " has no method " + method + " we can generate");
    }
}
