package dev.mirlink.driver.collect;

import dev.mirlink.driver.consteval.ConstAlloc;
import dev.mirlink.driver.consteval.ConstEvalException;
import dev.mirlink.driver.consteval.ConstEvaluator;
import dev.mirlink.mir.body.AssertMessage;
import dev.mirlink.mir.layout.LayoutCx;
import dev.mirlink.mir.layout.TargetDataLayout;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.ClosureUpvars;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.Rvalue;
import dev.mirlink.mir.item.AssocItem;
import dev.mirlink.mir.item.CodegenAttrs;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.GenericBound;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.item.WherePredicate;
import dev.mirlink.mir.traits.TraitRef;
import dev.mirlink.mir.traits.TraitSelectionException;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.TraitBound;
import dev.mirlink.mir.ty.Ty;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole-program collector: a worklist from the roots (todo, done, reached-from), each item's
 * uses found by {@link BodyUses} and each item collected once however many crates ask for it
 * (rustc_monomorphize/src/collector.rs, without its stop at crate boundaries).
 */
public final class Collector {
    private final Program program;
    private final Resolver resolver;
    private final DropGlue dropGlue;
    private final Map<Ty.Closure, List<Ty>> upvars = new HashMap<>();
    private final Map<MonoItem, Set<MonoItem>> reachedFrom = new LinkedHashMap<>();
    private final Map<MonoItem, Set<String>> requestedBy = new HashMap<>();
    private final Set<Vtable> vtables = new LinkedHashSet<>();
    private final Map<String, String> symbols = new HashMap<>();
    private final Set<String> unevaluated = new TreeSet<>();
    private final List<MonoItem> roots = new ArrayList<>();
    private int requests;

    public record Vtable(Ty concrete, Ty.Dynamic dyn) {}

    /** What collection found: items in discovery order, who reached each, which crates asked for each. */
    public record Result(List<MonoItem> roots, Map<MonoItem, Set<MonoItem>> reachedFrom, Map<MonoItem, Set<String>> requestedBy,
                         List<Vtable> vtables, int requests, Set<String> unevaluated) {
        public List<MonoItem> items() {
            return List.copyOf(reachedFrom.keySet());
        }
    }

    public Collector(Program program) {
        this(program, null);
    }

    /** With a {@code target}, constants are evaluated (for the items their values point to); without, they are listed as unevaluated. */
    public Collector(Program program, String target) {
        this.program = program;
        this.resolver = new Resolver(program);
        this.dropGlue = new DropGlue(resolver, this::upvars);
        resolver.needsDropHook = dropGlue::needsDrop;
        resolver.selector(program.localCrate()).setClosureUpvars(this::upvars);
        program.setBodyRepair(new ClosureCaptures(program, resolver)::repair);
        this.evaluator = target == null ? null : new ConstEvaluator(program, resolver,
                new LayoutCx(TargetDataLayout.forTarget(target), new SelectingTypeEnv(program, resolver, this::upvars)));
    }

    private final ConstEvaluator evaluator;
    private final Map<String, BigInteger> constBits = new HashMap<>();
    /** What each evaluated constant points to, by crate and path as printed. */
    private final Map<String, List<ConstAlloc.Target>> constTargets = new HashMap<>();

    public Resolver resolver() {
        return resolver;
    }

    /** The const evaluator, null when collecting without a target. */
    public ConstEvaluator evaluator() {
        return evaluator;
    }

    DropGlue dropGlue() {
        return dropGlue;
    }

    public boolean needsDrop(Ty t) {
        return dropGlue.needsDrop(t);
    }

    /** An ADT's field types, every variant's in order, its args substituted (empty for a type declared in a body). */
    public List<Ty> adtFieldTys(Ty.Adt a) {
        return resolver.typeItem(DropGlue.adtPath(a)) instanceof Item.Adt adt ? dropGlue.fieldTys(a, adt) : List.of();
    }

    /** The {@code <T as Drop>::drop} instance of an ADT, or null when it has no Drop impl. */
    public MonoItem.Fn dropImpl(Ty.Adt a) {
        if (!(resolver.typeItem(DropGlue.adtPath(a)) instanceof Item.Adt)) return resolver.fnLocalDrop(a);
        return dropGlue.dropImpl(a);
    }

    /** The drop glue instance of {@code t}. */
    public static MonoItem.Fn dropGlueOf(Ty t) {
        return DropGlue.glue(t);
    }

    public Result collect(List<MonoItem> extraRoots) {
        roots.addAll(rootsOf(program.localCrate()));
        roots.addAll(extraRoots);
        ArrayDeque<MonoItem> todo = new ArrayDeque<>();
        for (MonoItem r : roots) {
            if (reachedFrom.putIfAbsent(r, new LinkedHashSet<>()) == null) todo.add(r);
        }
        while (!todo.isEmpty()) {
            MonoItem item = todo.poll();
            try {
                uses(item, new BodyUses.Sink() {
                    @Override
                    public void use(MonoItem used, boolean direct) {
                        requests++;
                        requestedBy.computeIfAbsent(used, k -> new TreeSet<>()).add(requestingCrate(item));
                        Set<MonoItem> from = reachedFrom.get(used);
                        if (from == null) {
                            reachedFrom.put(used, new LinkedHashSet<>(List.of(item)));
                            todo.add(used);
                        } else {
                            from.add(item);
                        }
                    }

                    @Override
                    public void vtable(Ty concrete, Ty.Dynamic dyn) {
                        vtableUses(concrete, dyn, this);
                    }

                    @Override
                    public void unevaluated(String what) {
                        unevaluated.add(what);
                    }
                });
            } catch (CollectException | TraitSelectionException e) {
                throw new CollectException(e.getMessage() + "; in " + MonoItemPrinter.CANONICAL.print(item) + chain(item), e);
            }
        }
        return new Result(List.copyOf(roots), reachedFrom, requestedBy, List.copyOf(vtables), requests, unevaluated);
    }

    /** The reached-from chain of an item, back to a root, for errors. */
    private String chain(MonoItem item) {
        StringBuilder sb = new StringBuilder();
        Set<MonoItem> seen = new LinkedHashSet<>();
        MonoItem at = item;
        while (at != null && seen.add(at) && seen.size() < 12) {
            Set<MonoItem> from = reachedFrom.get(at);
            at = from == null || from.isEmpty() ? null : from.iterator().next();
            if (at != null) sb.append(" <- ").append(MonoItemPrinter.CANONICAL.print(at));
        }
        return sb.toString();
    }

    private static String requestingCrate(MonoItem item) {
        return switch (item) {
            case MonoItem.Fn f when f.kind() == MonoItem.InstanceKind.DROP_GLUE -> "drop glue";
            case MonoItem.Fn f -> Program.crateOf(f.defPath());
            case MonoItem.Static s -> Program.crateOf(s.defPath());
        };
    }

    // ---- roots

    /** {@code main} through {@code lang_start}, and the crate's {@code #[no_mangle]}/{@code #[used]} items. */
    private List<MonoItem> rootsOf(String crate) {
        List<MonoItem> out = new ArrayList<>();
        ItemTable table = program.tables().get(crate);
        if (table == null) throw new CollectException("no crate `" + crate + "` among the rlibs");
        for (Item item : table.items()) {
            switch (item) {
                case Item.Fn f when (exported(f.attrs())) && f.hasBody() && f.generics().params().isEmpty() ->
                        out.add(MonoItem.Fn.item(f.defPath(), List.of()));
                case Item.Static s when exported(s.attrs()) -> out.add(new MonoItem.Static(s.defPath()));
                default -> { }
            }
        }
        if (table.valueItem(crate + "::main") instanceof Item.Fn main && main.hasBody() && !exported(main.attrs())) {
            out.add(MonoItem.Fn.item(main.defPath(), List.of()));
            String langStart = langItem("Start");
            if (langStart != null) {
                Ty ret = resolver.tyIn(main.defPath(), main.sig().output());
                out.add(MonoItem.Fn.item(langStart, List.of(new GenericArg.Type(ret))));
            }
        }
        return out;
    }

    private static boolean exported(List<String> attrs) {
        return attrs.contains(CodegenAttrs.NO_MANGLE) || attrs.contains(CodegenAttrs.USED)
                || CodegenAttrs.exportName(attrs) != null;
    }

    private final Map<String, String> langItems = new HashMap<>();

    public String langItem(String name) {
        if (langItems.isEmpty()) {
            for (ItemTable t : program.tables().all()) {
                for (Item i : t.items()) {
                    if (i instanceof Item.Fn f && CodegenAttrs.lang(f.attrs()) instanceof String l && f.hasBody()) langItems.putIfAbsent(l, f.defPath());
                }
            }
        }
        return langItems.get(name);
    }

    // ---- the uses of one item

    private void uses(MonoItem item, BodyUses.Sink sink) {
        switch (item) {
            case MonoItem.Static s -> {
                // rustc collects the drop glue of a static's type though a static is never dropped
                // (collector.rs, `MonoItem::Static`: visit_drop_use)
                if (resolver.valueItem(s.defPath()) instanceof Item.Static st && st.ty() != null) {
                    Ty ty = resolver.tyIn(s.defPath(), st.ty());
                    if (dropGlue.needsDrop(ty)) sink.use(DropGlue.glue(ty), true);
                }
                // the static's value: the items its allocation points to (collector.rs collect_alloc);
                // without an evaluator, what its initializer uses
                if (evaluator != null) {
                    try {
                        List<ConstAlloc.Target> targets = new ArrayList<>();
                        pointers(evaluator.evalStatic(s.defPath()), targets, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
                        useTargets(targets, sink);
                        return;
                    } catch (ConstEvalException | CollectException | TraitSelectionException e) {
                        sink.unevaluated("static " + s.defPath() + ": " + e.getMessage());
                    }
                }
                MirEntry.BodyEntry e = program.staticBody(s.defPath());
                if (e != null) new BodyUses(this, s.defPath(), List.of(), e.body(), e.allocations(), sink).run();
            }
            case MonoItem.Fn f -> {
                switch (f.kind()) {
                    case DROP_GLUE -> {
                        if (f.shimTy() != null) for (MonoItem.Fn u : dropGlue.glueUses(f.shimTy())) sink.use(u, true);
                    }
                    case ITEM, REIFY_SHIM -> body(f, sink);
                    case VTABLE_SHIM -> {
                        Ty self = ((GenericArg.Type) f.args().get(0)).ty();
                        TraitRef ref = new TraitRef(DefPaths.parent(f.defPath()), self, f.args().subList(1, f.args().size()));
                        if (resolver.traitMethod(ref, DefPaths.last(f.defPath()), List.of()) instanceof Resolver.Callee.Instance i) sink.use(i.fn(), true);
                    }
                    case CLOSURE_ONCE_SHIM -> {
                        Ty.Closure c = (Ty.Closure) ((GenericArg.Type) f.args().get(0)).ty();
                        sink.use(MonoItem.Fn.item(Resolver.closureDefPath(c), Resolver.closureArgs(c)), true);
                        if (dropGlue.needsDrop(c)) sink.use(DropGlue.glue(c), true);
                    }
                    case FN_PTR_SHIM -> {
                        if (f.shimTy() instanceof Ty.FnDef def) {
                            if (resolver.callee(Program.crateOf(f.defPath()), def.path()) instanceof Resolver.Callee.Instance i) sink.use(i.fn(), true);
                        }
                    }
                    case CLONE_SHIM -> cloneShim(f.shimTy(), sink);
                    case FN_PTR_ADDR_SHIM -> { }
                }
            }
        }
    }

    private void body(MonoItem.Fn f, BodyUses.Sink sink) {
        MirEntry.BodyEntry e = program.body(f.defPath());
        if (e == null) {
            if (resolver.typeItem(Program.ownerOf(f.defPath())) instanceof Item.Adt || isVariantCtor(f.defPath())) return; // a constructor
            throw new CollectException("no MIR body for `" + f.defPath() + "`");
        }
        new BodyUses(this, f.defPath(), f.args(), e.body(), e.allocations(), sink).run();
    }

    private boolean isVariantCtor(String defPath) {
        String parent = DefPaths.parent(defPath);
        return parent != null && resolver.typeItem(parent) instanceof Item.Adt adt && adt.variant(DefPaths.last(defPath)) != null;
    }

    /**
     * A call by symbol into the rest of the program: core's {@code panic_impl} is the
     * {@code #[panic_handler]}; {@code __rust_alloc} and friends are the allocator shim's, which
     * forwards to std's default {@code __rdl_*} (rustc_ast/src/expand/allocator.rs); anything else
     * a {@code #[no_mangle]} or std-internal fn of that name, or outside the program (libc).
     */
    void foreignSymbol(String symbol, BodyUses.Sink sink) {
        String target = foreignTarget(symbol);
        if (target != null) sink.use(MonoItem.Fn.item(target, List.of()), true);
    }

    /**
     * The fn of the program a call by symbol runs, or null when it is outside (libc). The allocator
     * shim forwards a {@code __rust_X} the program does not define to std's default {@code __rdl_X}
     * (rustc_codegen_llvm/src/allocator.rs).
     */
    public String foreignTarget(String symbol) {
        if (symbol.equals("panic_impl")) return langItem("PanicImpl");
        String target = symbol(symbol);
        if (target == null && symbol.startsWith("__rust_")) target = symbol("__rdl_" + symbol.substring("__rust_".length()));
        return target;
    }

    /**
     * A fn {@code #[global_allocator]} expands to: {@code __rust_alloc} and friends, std-internal symbols in a
     * {@code const _: () = { … }} (rustc_builtin_macros/src/global_allocator.rs), which rustdoc does not document.
     */
    private static boolean globalAllocatorFn(String defPath) {
        String parent = DefPaths.parent(defPath);
        return parent != null && DefPaths.last(parent).equals("_") && DefPaths.last(defPath).startsWith("__rust_");
    }

    private static String symbolName(Item.Fn fn) {
        String export = CodegenAttrs.exportName(fn.attrs());
        return export != null ? export : DefPaths.last(fn.defPath());
    }

    private String symbol(String name) {
        if (symbols.isEmpty()) {
            for (ItemTable t : program.tables().all()) {
                for (Item i : t.items()) {
                    if (i instanceof Item.Fn f && f.hasBody() && (exported(f.attrs()) || f.attrs().contains(CodegenAttrs.STD_INTERNAL_SYMBOL)
                            || globalAllocatorFn(f.defPath()))) {
                        symbols.putIfAbsent(symbolName(f), f.defPath());
                    }
                }
            }
        }
        return symbols.get(name);
    }

    // ---- callbacks from BodyUses

    Body promotedBody(String owner, int index) {
        MirEntry.BodyEntry p = program.promoted(owner, index);
        if (p == null) throw new CollectException("no promoted[" + index + "] of `" + owner + "`");
        return p.body();
    }

    void promoted(String owner, List<GenericArg> args, int index, BodyUses.Sink sink) {
        Body p = promotedBody(owner, index);
        MirEntry.BodyEntry e = program.body(owner);
        new BodyUses(this, owner, args, p, e == null ? List.of() : e.allocations(), sink).run();
    }

    /** The bits of a scalar const as printed in {@code crate}, for a switch on it; null when it does not evaluate. */
    BigInteger constBits(String crate, Path p) {
        if (evaluator == null) return null;
        String key = crate + " " + MonoItemPrinter.CANONICAL.path(p);
        if (constBits.containsKey(key)) return constBits.get(key);
        BigInteger bits = null;
        try {
            ConstAlloc a = evaluator.eval(crate, p);
            if (a.relocations().isEmpty() && a.size() > 0 && a.size() <= 16) bits = a.uint(0, a.size());
        } catch (ConstEvalException | CollectException | TraitSelectionException e) {
            // left to valuePathConst, which reports it
        }
        constBits.put(key, bits);
        return bits;
    }

    /**
     * A unit value or an unevaluated const (an item, an associated const, an inline {@code const {}}):
     * consts run at compile time, so only what their value points to is used (rustc's collector
     * evaluates them the same way, collector.rs {@code visit_const_operand}).
     */
    void valuePathConst(String crate, Path p, BodyUses.Sink sink) {
        String key = crate + " " + MonoItemPrinter.CANONICAL.path(p);
        List<ConstAlloc.Target> targets = constTargets.get(key);
        if (targets == null) {
            if (evaluator == null) {
                sink.unevaluated(MonoItemPrinter.CANONICAL.path(p));
                return;
            }
            try {
                targets = new ArrayList<>();
                pointers(evaluator.eval(crate, p), targets, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
            } catch (ConstEvalException | CollectException | TraitSelectionException e) {
                sink.unevaluated(MonoItemPrinter.CANONICAL.path(p) + ": " + e.getMessage());
                targets = List.of();
            }
            constTargets.put(key, targets);
        }
        useTargets(targets, sink);
    }

    private void useTargets(List<ConstAlloc.Target> targets, BodyUses.Sink sink) {
        for (ConstAlloc.Target t : targets) {
            switch (t) {
                case ConstAlloc.Target.Fn f -> sink.use(forFnPointer(f.instance()), false);
                case ConstAlloc.Target.Static s -> sink.use(new MonoItem.Static(s.defPath()), false);
                case ConstAlloc.Target.VTable v when v.dynTy() instanceof Ty.Dynamic d -> sink.vtable(v.ty(), d);
                default -> { }
            }
        }
    }

    private static void pointers(ConstAlloc a, List<ConstAlloc.Target> out, Set<ConstAlloc> seen) {
        if (!seen.add(a)) return;
        for (ConstAlloc.Target t : a.relocations().values()) {
            if (t instanceof ConstAlloc.Target.Memory m) pointers(m.alloc(), out, seen);
            else out.add(t);
        }
    }

    void intrinsic(Resolver.Callee.Intrinsic in, BodyUses.Sink sink) {
        String name = DefPaths.last(in.defPath());
        if (name.equals("assert_inhabited") || name.equals("assert_zero_valid") || name.equals("assert_mem_uninitialized_valid")) {
            String p = langItem("PanicNounwind");
            if (p != null) sink.use(MonoItem.Fn.item(p, List.of()), true);
        } else if (in.hasFallback()) {
            sink.use(MonoItem.Fn.item(in.defPath(), in.args()), true);
        }
    }

    /** The panic entry an assert calls (rustc_middle/src/mir/terminator.rs {@code AssertKind::panic_function}). */
    void assertPanic(AssertMessage msg, BodyUses.Sink sink) {
        String lang = assertPanicLang(msg);
        String fn = langItem(lang);
        if (fn == null) throw new CollectException("no lang item " + lang);
        sink.use(MonoItem.Fn.item(fn, List.of()), true);
    }

    /** The lang item an assert panics through. */
    public static String assertPanicLang(AssertMessage msg) {
        return switch (msg) {
            case AssertMessage.BoundsCheck b -> "PanicBoundsCheck";
            case AssertMessage.MisalignedPointerDereference m -> "PanicMisalignedPointerDereference";
            case AssertMessage.NullPointerDereference n -> "PanicNullPointerDereference";
            case AssertMessage.InvalidEnumConstruction i -> "PanicInvalidEnumConstruction";
            case AssertMessage.Overflow o -> switch (o.op()) {
                case Add, AddUnchecked, AddWithOverflow -> "PanicAddOverflow";
                case Sub, SubUnchecked, SubWithOverflow -> "PanicSubOverflow";
                case Mul, MulUnchecked, MulWithOverflow -> "PanicMulOverflow";
                case Div -> "PanicDivOverflow";
                case Rem -> "PanicRemOverflow";
                case Shl, ShlUnchecked -> "PanicShlOverflow";
                case Shr, ShrUnchecked -> "PanicShrOverflow";
                default -> throw new CollectException("overflow assert on " + o.op());
            };
            case AssertMessage.OverflowNeg n -> "PanicNegOverflow";
            case AssertMessage.DivisionByZero d -> "PanicDivZero";
            case AssertMessage.RemainderByZero r -> "PanicRemZero";
            case AssertMessage.Coroutine c -> throw new CollectException("coroutine assert: " + c.text());
        };
    }

    /** The instance a fn pointer to {@code fn} calls (rustc's {@code resolve_for_fn_ptr}): a shim for #[track_caller]. */
    public MonoItem forFnPointer(MonoItem.Fn fn) {
        if (fn.kind() == MonoItem.InstanceKind.ITEM && resolver.valueItem(fn.defPath()) instanceof Item.Fn f
                && f.attrs().contains(CodegenAttrs.TRACK_CALLER)) {
            return new MonoItem.Fn(MonoItem.InstanceKind.REIFY_SHIM, fn.defPath(), fn.args(), null);
        }
        return fn;
    }

    private void cloneShim(Ty t, BodyUses.Sink sink) {
        List<Ty> parts = switch (t) {
            case Ty.Tuple tu -> tu.elements();
            case Ty.Array a -> List.of(a.element());
            case Ty.Closure c -> upvars(c);
            default -> List.of();
        };
        for (Ty p : parts) {
            if (resolver.traitMethod(new TraitRef(Resolver.CLONE, p, List.of()), "clone", List.of()) instanceof Resolver.Callee.Instance i) {
                sink.use(i.fn(), true);
            }
        }
    }

    // ---- unsizing and vtables

    /** An unsizing cast from {@code source} to {@code target}: a vtable when a concrete pointee becomes {@code dyn}. */
    void unsize(Ty source, Ty target, BodyUses.Sink sink) {
        Ty s = source, t = target;
        // peel matching pointers and CoerceUnsized structs (Box<T> -> Box<dyn Tr>, Rc, Pin<&T>)
        for (int depth = 0; depth < 8; depth++) {
            if (isPointer(s) && isPointer(t)) {
                Ty sp = BodyUses.pointee(s), tp = BodyUses.pointee(t);
                if (tp instanceof Ty.Dynamic d && !(sp instanceof Ty.Dynamic)) {
                    sink.vtable(sp, d);
                    return;
                }
                if (!(sp instanceof Ty.Adt) || !(tp instanceof Ty.Adt)) return;
                s = sp;
                t = tp;
                continue;
            }
            if (s instanceof Ty.Adt sa && t instanceof Ty.Adt ta && DropGlue.adtPath(sa).equals(DropGlue.adtPath(ta))
                    && resolver.typeItem(DropGlue.adtPath(sa)) instanceof Item.Adt adt) {
                List<Ty> sf = dropGlue.fieldTys(sa, adt), tf = dropGlue.fieldTys(ta, adt);
                int diff = -1;
                for (int i = 0; i < sf.size(); i++) if (!sf.get(i).equals(tf.get(i))) diff = i;
                if (diff < 0) return;
                s = sf.get(diff);
                t = tf.get(diff);
                continue;
            }
            if (s instanceof Ty.Dynamic || t instanceof Ty.Dynamic) return;
            return;
        }
    }

    private static boolean isPointer(Ty t) {
        return t instanceof Ty.Ref || t instanceof Ty.RawPtr
                || t instanceof Ty.Adt a && DropGlue.adtPath(a).equals(DropGlue.BOX);
    }

    /** The entries of {@code concrete}'s vtable for {@code dyn} (rustc_trait_selection vtable.rs): drop glue and the methods of the trait and its supertraits. */
    private void vtableUses(Ty concrete, Ty.Dynamic dyn, BodyUses.Sink sink) {
        if (!vtables.add(new Vtable(concrete, dyn))) {
            return;
        }
        if (dropGlue.needsDrop(concrete)) sink.use(DropGlue.glue(concrete), false);
        for (VtableMethod m : vtableMethods(concrete, dyn)) if (m.instance() != null) sink.use(m.instance(), false);
    }

    /** A vtable's method entry: the trait method and, for a concrete type, the instance it calls (null when it has none). */
    public record VtableMethod(String traitMethod, MonoItem instance) {}

    /**
     * The method entries of the vtable of {@code concrete} as {@code dyn}, after drop glue, size and
     * align: supertraits first, then the trait's own vtable-safe methods. {@code concrete} null lists
     * the trait methods alone (for a virtual call's index).
     */
    public List<VtableMethod> vtableMethods(Ty concrete, Ty.Dynamic dyn) {
        TraitBound principal = null;
        for (TraitBound b : dyn.bounds()) {
            String trait = ((PathSegment.Ident) b.trait().last()).name();
            if (resolver.typeItem(trait) instanceof Item.Trait t && !t.isAuto()) {
                principal = b;
                break;
            }
        }
        List<VtableMethod> out = new ArrayList<>();
        if (principal == null) return out;
        PathSegment.Ident p = (PathSegment.Ident) principal.trait().last();
        methods(new TraitRef(p.name(), concrete == null ? new Ty.Never() : concrete, p.args()), concrete == null, new LinkedHashSet<>(), out);
        return out;
    }

    private void methods(TraitRef ref, boolean namesOnly, Set<String> seen, List<VtableMethod> out) {
        if (!seen.add(ref.trait())) return;
        Item.Trait trait = (Item.Trait) resolver.typeItem(ref.trait());
        // supertraits first, as rustc lays out vtables
        for (GenericBound gb : trait.supertraits()) {
            if (!(gb instanceof GenericBound.Trait t) || t.modifier() == GenericBound.Modifier.MAYBE) continue;
            String sup = resolver.selector(Program.crateOf(ref.trait())).traitDefPath(t.bound().trait());
            if (sup == null || !(resolver.typeItem(sup) instanceof Item.Trait st) || st.isAuto()) continue;
            Map<String, GenericArg> m = new HashMap<>();
            m.put("Self", new GenericArg.Type(ref.self()));
            List<String> params = new ArrayList<>();
            for (var gp : trait.generics().params()) if (!(gp instanceof dev.mirlink.mir.item.GenericParam.Lifetime)) params.add(gp.name());
            for (int i = 0; i < Math.min(params.size(), ref.args().size()); i++) m.put(params.get(i), ref.args().get(i));
            List<GenericArg> supArgs = t.bound().trait().last() instanceof PathSegment.Ident id
                    ? id.args().stream().filter(a -> !(a instanceof GenericArg.Lifetime)).toList() : List.of();
            supArgs = new dev.mirlink.mir.traits.Subst(m).argList(supArgs);
            methods(new TraitRef(sup, ref.self(), supArgs.stream().map(a -> a instanceof GenericArg.Type ty
                    ? new GenericArg.Type(resolver.tyIn(ref.trait(), ty.ty())) : a).toList()), namesOnly, seen, out);
        }
        for (AssocItem a : trait.items()) {
            if (!(a instanceof AssocItem.Fn af) || !(resolver.valueItem(af.defPath()) instanceof Item.Fn fn)) continue;
            if (!vtableSafe(fn)) continue;
            if (namesOnly) {
                out.add(new VtableMethod(af.defPath(), null));
            } else if (resolver.traitMethod(ref, af.name(), List.of()) instanceof Resolver.Callee.Instance i) {
                MonoItem.Fn inst = i.fn();
                boolean byValue = !fn.sig().inputs().isEmpty() && fn.sig().inputs().get(0) instanceof Ty.Param sp && sp.name().equals("Self");
                if (byValue) {
                    // rustc's VTableShim: <T as Trait>::method taking self by value, behind a pointer
                    List<GenericArg> args = new ArrayList<>();
                    args.add(new GenericArg.Type(ref.self()));
                    args.addAll(ref.args());
                    inst = new MonoItem.Fn(MonoItem.InstanceKind.VTABLE_SHIM, af.defPath(), args, null);
                } else if (inst.kind() == MonoItem.InstanceKind.ITEM && resolver.valueItem(inst.defPath()) instanceof Item.Fn impl
                        && impl.attrs().contains(CodegenAttrs.TRACK_CALLER)) {
                    inst = new MonoItem.Fn(MonoItem.InstanceKind.REIFY_SHIM, inst.defPath(), inst.args(), null);
                }
                out.add(new VtableMethod(af.defPath(), inst));
            } else {
                out.add(new VtableMethod(af.defPath(), null));
            }
        }
    }

    /** A method is in the vtable unless it has type params or a {@code Self: Sized} bound, or takes no self. */
    private static boolean vtableSafe(Item.Fn fn) {
        if (fn.generics().params().stream().anyMatch(p -> !(p instanceof dev.mirlink.mir.item.GenericParam.Lifetime))) return false;
        if (fn.sig().inputs().isEmpty()) return false;
        Ty self = fn.sig().inputs().get(0);
        boolean hasSelf = self instanceof Ty.Param p && p.name().equals("Self")
                || (self instanceof Ty.Ref r && r.pointee() instanceof Ty.Param q && q.name().equals("Self"))
                || (self instanceof Ty.Adt);
        if (!hasSelf) return false;
        for (WherePredicate w : fn.generics().where()) {
            if (w instanceof WherePredicate.Bound b && b.ty() instanceof Ty.Param p && p.name().equals("Self")) {
                for (GenericBound gb : b.bounds()) {
                    if (gb instanceof GenericBound.Trait t && t.bound().trait().last() instanceof PathSegment.Ident id
                            && (id.name().equals("Sized") || id.name().endsWith("::Sized"))) return false;
                }
            }
        }
        return true;
    }

    // ---- closures

    /** A closure's capture types: its body reads them as fields of {@code _1}. */
    public List<Ty> upvars(Ty.Closure c) {
        List<Ty> known = upvars.get(c);
        if (known != null) return known;
        String def = Resolver.closureDefPath(c);
        MirEntry.BodyEntry e = program.body(def);
        if (e == null) throw new CollectException("no MIR for closure `" + def + "`");
        List<Ty> fields = ClosureUpvars.of(e.body());
        if (fields == null) throw new CollectException("capture types of closure `" + def + "` not all visible in its body");
        var s = resolver.substFor(def, Resolver.closureArgs(c));
        List<Ty> out = new ArrayList<>();
        for (Ty t : fields) out.add(resolver.ty(Program.crateOf(def), s.ty(t)));
        upvars.put(c, out);
        return out;
    }
}
