package dev.mirlink.driver.collect;

import dev.mirlink.driver.consteval.ConstEvaluator;
import dev.mirlink.mir.alloc.AllocEntry;
import dev.mirlink.mir.alloc.AllocId;
import dev.mirlink.mir.alloc.GlobalAlloc;
import dev.mirlink.mir.alloc.Relocation;
import dev.mirlink.mir.body.AssertMessage;
import dev.mirlink.mir.body.BasicBlockData;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.CastKind;
import dev.mirlink.mir.body.ConstOperand;
import dev.mirlink.mir.body.ConstValue;
import dev.mirlink.mir.body.InlineAsmOperand;
import dev.mirlink.mir.body.MonoReachable;
import dev.mirlink.mir.body.Operand;
import dev.mirlink.mir.body.Place;
import dev.mirlink.mir.body.ProjectionElem;
import dev.mirlink.mir.body.Rvalue;
import dev.mirlink.mir.body.Statement;
import dev.mirlink.mir.body.Terminator;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.traits.Subst;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Instance;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;

import java.math.BigInteger;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mono items one instance's body uses (rustc_monomorphize/src/collector.rs {@code MirUsedCollector}):
 * calls, drops, unsizing to {@code dyn} (vtables), fn pointers, thread-locals, and what constants
 * point to (statics, fns, vtables, other allocations). The body is read under the instance's args.
 */
final class BodyUses {
    /** Receives each use; {@code direct} is a call, as opposed to taking an address. */
    interface Sink {
        void use(MonoItem item, boolean direct);

        void vtable(Ty concrete, Ty.Dynamic dyn);

        /** A constant that needs evaluation we do not do yet. */
        void unevaluated(String what);
    }

    private final Collector cx;
    private final Body body;
    private final List<AllocEntry> allocs;
    private final Subst subst;
    private final String crate;
    private final String owner;
    private final List<GenericArg> args;
    private final Sink sink;
    private final Map<Integer, Ty> localTys = new HashMap<>();

    BodyUses(Collector cx, String owner, List<GenericArg> args, Body body, List<AllocEntry> allocs, Sink sink) {
        this.cx = cx;
        this.owner = owner;
        this.args = args;
        this.body = body;
        this.allocs = allocs;
        this.subst = cx.resolver().substFor(owner, args);
        this.crate = Program.crateOf(owner);
        this.sink = sink;
    }

    /**
     * Visits the blocks rustc's collector visits ({@link MonoReachable}), in block order. A switch on
     * {@code RuntimeChecks} keeps both edges: rustc's collector takes the one its session's
     * debug assertions pick, so the instance set holds both choices' callees.
     */
    void run() {
        BitSet live = MonoReachable.of(body, o -> o instanceof Operand.Constant c ? constBits(c.constant()) : null);
        for (int b = live.nextSetBit(0); b >= 0; b = live.nextSetBit(b + 1)) {
            BasicBlockData block = body.basicBlocks().get(b);
            for (Statement s : block.statements()) statement(s);
            terminator(block.terminator());
        }
    }

    /** A constant's bits under the instance's args, for a switch on it; null when it is no plain value. */
    private BigInteger constBits(ConstOperand c) {
        return switch (c.value()) {
            case ConstValue.Bool b -> b.value() ? BigInteger.ONE : BigInteger.ZERO;
            case ConstValue.Int i when i.value().signum() >= 0 -> i.value();
            case ConstValue.ValuePath p -> cx.constBits(crate, subst.path(p.path()));
            default -> null;
        };
    }

    private Ty ty(Ty t) {
        return cx.resolver().ty(crate, subst.ty(t));
    }

    private Ty localTy(int local) {
        return localTys.computeIfAbsent(local, l -> ty(body.localDecls().get(l).ty()));
    }

    Ty placeTy(Place p) {
        Ty t = localTy(p.local().index());
        for (ProjectionElem e : p.projection()) {
            t = switch (e) {
                case ProjectionElem.Deref d -> pointee(t);
                case ProjectionElem.Field f -> ty(f.ty());
                case ProjectionElem.Index i -> element(t);
                case ProjectionElem.ConstantIndex c -> element(t);
                case ProjectionElem.Subslice s -> t;
                case ProjectionElem.Downcast d -> t;
                case ProjectionElem.OpaqueCast o -> ty(o.ty());
                case ProjectionElem.UnwrapUnsafeBinder u -> ty(u.ty());
            };
        }
        return t;
    }

    static Ty pointee(Ty t) {
        return switch (t) {
            case Ty.Ref r -> r.pointee();
            case Ty.RawPtr r -> r.pointee();
            case Ty.Adt a when DropGlue.adtPath(a).equals(DropGlue.BOX) -> DropGlue.typeArg(a, 0);
            default -> throw new CollectException("deref of " + t);
        };
    }

    private static Ty element(Ty t) {
        return switch (t) {
            case Ty.Array a -> a.element();
            case Ty.Slice s -> s.element();
            default -> throw new CollectException("index into " + t);
        };
    }

    private Ty operandTy(Operand o) {
        return switch (o) {
            case Operand.Copy c -> placeTy(c.place());
            case Operand.Move m -> placeTy(m.place());
            case Operand.Constant c -> switch (c.constant().value()) {
                case ConstValue.Pointer p -> ty(p.ty());
                case ConstValue.Indirect i -> ty(i.ty());
                case ConstValue.Slice s -> ty(s.ty());
                case ConstValue.IntPointer p -> ty(p.ty());
                case ConstValue.Transmute t -> ty(t.ty());
                case ConstValue.ZeroSized z -> ty(z.ty());
                case ConstValue.Str s -> new Ty.Ref(null, new Ty.Str(), Ty.Mutability.NOT);
                case ConstValue.Int i -> new Ty.Int(i.ty());
                case ConstValue.Bool b -> new Ty.Bool();
                case ConstValue.Char ch -> new Ty.Char();
                case ConstValue.Float f -> new Ty.Float(f.ty());
                case ConstValue.ValuePath v -> unitTy(v.path());
                default -> null;
            };
            case Operand.RuntimeChecks r -> new Ty.Bool();
        };
    }

    private MonoItem.Fn promotedOwner(ConstValue.Promoted p) {
        return cx.resolver().ownerItem(crate, subst.path(p.owner()));
    }

    /** The type of a unit struct's value, or null when the path names something else (a const item). */
    private Ty unitTy(Path p) {
        try {
            return ty(new Ty.Adt(p));
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---- statements and terminators

    private void statement(Statement s) {
        switch (s) {
            case Statement.Assign a -> rvalue(a.rvalue());
            case Statement.Assume a -> operand(a.operand());
            case Statement.CopyNonOverlapping c -> {
                operand(c.src());
                operand(c.dst());
                operand(c.count());
            }
            default -> { }
        }
    }

    private void rvalue(Rvalue r) {
        switch (r) {
            case Rvalue.Use u -> operand(u.operand());
            case Rvalue.Repeat rep -> operand(rep.operand());
            case Rvalue.Cast c -> {
                cast(c);
                operand(c.operand());
            }
            case Rvalue.BinaryOp b -> {
                operand(b.left());
                operand(b.right());
            }
            case Rvalue.UnaryOp u -> operand(u.operand());
            case Rvalue.Aggregate a -> a.operands().forEach(this::operand);
            case Rvalue.ThreadLocalRef t -> sink.use(new MonoItem.Static(defPath(t.path())), false);
            case Rvalue.WrapUnsafeBinder w -> operand(w.operand());
            default -> { }
        }
    }

    private void cast(Rvalue.Cast c) {
        if (!(c.kind() instanceof CastKind.PointerCoercion pc)) return;
        switch (pc.coercion()) {
            case Unsize -> {
                Ty target = ty(c.ty());
                if (!mentionsDyn(target)) return; // slices: no vtable
                Ty source = operandTy(c.operand());
                if (source == null && c.operand() instanceof Operand.Constant k && k.constant().value() instanceof ConstValue.Promoted p) {
                    MonoItem.Fn of = promotedOwner(p);
                    source = cx.resolver().ty(Program.crateOf(of.defPath()),
                            cx.resolver().substFor(of.defPath(), of.args()).ty(cx.promotedBody(of.defPath(), p.index()).returnTy()));
                }
                if (source == null) throw new CollectException("unsize to dyn of a constant without a type");
                cx.unsize(source, target, sink);
            }
            case ReifyFnPointer -> {
                Path fn = fnPath(c.operand());
                if (fn != null) reify(cx.resolver().callee(crate, subst.path(fn)));
            }
            case ClosureFnPointer -> {
                if (operandTy(c.operand()) instanceof Ty.Closure cl) {
                    Ty.Tuple inputs = new Ty.Tuple(cx.resolver().closureInfo(cl).sig().inputs());
                    reify(cx.resolver().traitMethod(new dev.mirlink.mir.traits.TraitRef(Resolver.FN_ONCE, cl,
                            List.of(new GenericArg.Type(inputs))), "call_once", List.of()));
                }
            }
            default -> { }
        }
    }

    private static boolean mentionsDyn(Ty t) {
        return switch (t) {
            case Ty.Dynamic d -> true;
            case Ty.Ref r -> mentionsDyn(r.pointee());
            case Ty.RawPtr r -> mentionsDyn(r.pointee());
            case Ty.Adt a -> ((PathSegment.Ident) a.path().last()).args().stream()
                    .anyMatch(g -> g instanceof GenericArg.Type ty && mentionsDyn(ty.ty()));
            default -> false;
        };
    }

    /** A fn item operand: a constant's path, or a place of fn item type. */
    private Path fnPath(Operand o) {
        if (o instanceof Operand.Constant c && c.constant().value() instanceof ConstValue.FnItem f) return f.path();
        if (operandTy(o) instanceof Ty.FnDef f) return f.path();
        return null;
    }

    private void reify(Resolver.Callee callee) {
        switch (callee) {
            case Resolver.Callee.Instance i -> sink.use(cx.forFnPointer(i.fn()), false);
            case Resolver.Callee.Virtual v -> throw new CollectException("reified virtual method " + v.traitMethod());
            case Resolver.Callee.Intrinsic in -> throw new CollectException("reified intrinsic " + in.defPath());
            case Resolver.Callee.NoOp n -> sink.use(DropGlue.glue(null), false);
            case Resolver.Callee.Foreign f -> throw new CollectException("reified foreign fn " + f.symbol());
        }
    }

    private void terminator(Terminator t) {
        switch (t) {
            case Terminator.Call c -> {
                call(c.func(), c.args());
                c.args().forEach(this::operand);
            }
            case Terminator.TailCall c -> {
                call(c.func(), c.args());
                c.args().forEach(this::operand);
            }
            case Terminator.Drop d -> {
                Ty ty = placeTy(d.place());
                if (cx.dropGlue().needsDrop(ty)) sink.use(DropGlue.glue(ty), true);
            }
            case Terminator.SwitchInt s -> operand(s.discr());
            case Terminator.Assert a -> {
                operand(a.cond());
                cx.assertPanic(a.msg(), sink);
            }
            case Terminator.InlineAsm asm -> {
                for (InlineAsmOperand o : asm.operands()) {
                    switch (o) {
                        case InlineAsmOperand.In in -> operand(in.value());
                        case InlineAsmOperand.InOut io -> operand(io.in());
                        case InlineAsmOperand.SymFn f when f.value().value() instanceof ConstValue.FnItem fi ->
                                reify(cx.resolver().callee(crate, subst.path(fi.path())));
                        case InlineAsmOperand.SymStatic st -> throw new CollectException("asm sym static " + st.defId());
                        default -> { }
                    }
                }
            }
            default -> { }
        }
    }

    private void call(Operand func, List<Operand> args) {
        Path fn = fnPath(func);
        if (fn == null) {
            operand(func); // a fn pointer
            return;
        }
        List<Ty> argTys = new java.util.ArrayList<>();
        for (Operand a : args) argTys.add(operandTy(a));
        switch (cx.resolver().callee(crate, subst.path(fn), argTys.contains(null) ? null : argTys)) {
            case Resolver.Callee.Instance i -> sink.use(i.fn(), true);
            case Resolver.Callee.Intrinsic in -> cx.intrinsic(in, sink);
            case Resolver.Callee.Foreign f -> cx.foreignSymbol(f.symbol(), sink);
            default -> { }
        }
    }

    // ---- constants

    private void operand(Operand o) {
        if (o instanceof Operand.Constant c) constant(c.constant().value());
    }

    private void constant(ConstValue v) {
        switch (v) {
            case ConstValue.Pointer p -> alloc(p.alloc());
            case ConstValue.Indirect i -> alloc(i.alloc());
            case ConstValue.Slice s -> alloc(s.alloc());
            case ConstValue.FnPointer f -> reify(cx.resolver().callee(crate, subst.path(f.fn())));
            case ConstValue.Promoted p -> {
                // a promoted of this body, or of a body inlined into it
                MonoItem.Fn of = promotedOwner(p);
                cx.promoted(of.defPath(), of.args(), p.index(), sink);
            }
            case ConstValue.Tuple t -> t.fields().forEach(this::constant);
            case ConstValue.Array a -> a.elements().forEach(this::constant);
            case ConstValue.Adt a -> a.fields().forEach(this::constant);
            case ConstValue.ValuePath p -> cx.valuePathConst(crate, subst.path(p.path()), sink);
            case ConstValue.UnprintedBytes u -> sink.use(new MonoItem.Static(ConstEvaluator.unprintedStatic(u)), false);
            default -> { }
        }
    }

    private void alloc(AllocId id) {
        for (AllocEntry e : allocs) {
            if (!e.id().equals(id)) continue;
            switch (e.alloc()) {
                case GlobalAlloc.Memory m -> m.allocation().relocations().forEach(r -> alloc(r.target()));
                case GlobalAlloc.Static s -> {
                    sink.use(new MonoItem.Static(defPath(s.path())), false);
                    if (s.contents() != null) for (Relocation r : s.contents().relocations()) alloc(r.target());
                }
                case GlobalAlloc.Function f -> reify(instance(f.instance()));
                case GlobalAlloc.VTable vt -> {
                    if (ty(vt.dynTy()) instanceof Ty.Dynamic d) sink.vtable(ty(vt.ty()), d);
                }
                default -> { }
            }
            return;
        }
    }

    private Resolver.Callee instance(Instance i) {
        if (!(i.kind() instanceof Instance.InstanceKind.Item)) {
            throw new CollectException("fn pointer to a shim in a constant: " + i);
        }
        return cx.resolver().callee(crate, subst.path(i.path()));
    }

    private String defPath(Path p) {
        List<String> names = Program.segmentNames(p.segments());
        if (names == null) throw new CollectException("unsupported static path " + p);
        String d = cx.resolver().resolveDefPath(crate, names);
        int first = 0;
        while (first < p.segments().size() && !(p.segments().get(first) instanceof PathSegment.Disambiguated)) first++;
        if (d == null && first > 0 && first < p.segments().size()) {
            // a static declared in a closure or const block (thread_local!'s __RUST_STD_INTERNAL_VAL): its
            // owner item's def path, which MIR may print through a type (RandomState::new::KEYS), then names
            String owner = cx.resolver().item(crate, new Path(p.segments().subList(0, first))).defPath();
            String local = owner + "::" + String.join("::", names.subList(first, names.size()));
            if (cx.resolver().valueItem(local) instanceof Item.Static) d = local;
        }
        if (d == null) throw new CollectException("unresolved static " + p);
        return d;
    }
}
