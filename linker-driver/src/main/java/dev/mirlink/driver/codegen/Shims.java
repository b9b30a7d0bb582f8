package dev.mirlink.driver.codegen;

import dev.mirlink.driver.collect.MonoItem;
import dev.mirlink.driver.collect.MonoItemPrinter;
import dev.mirlink.driver.collect.Program;
import dev.mirlink.driver.collect.Resolver;
import dev.mirlink.llvm.CallConv;
import dev.mirlink.llvm.Callee;
import dev.mirlink.llvm.ConstData;
import dev.mirlink.llvm.LlvmException;
import dev.mirlink.llvm.MonoFn;
import dev.mirlink.llvm.Rvalues;
import dev.mirlink.mir.body.AggregateKind;
import dev.mirlink.mir.body.BasicBlock;
import dev.mirlink.mir.body.BasicBlockData;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.BodyKind;
import dev.mirlink.mir.body.CastKind;
import dev.mirlink.mir.body.ConstOperand;
import dev.mirlink.mir.body.ConstValue;
import dev.mirlink.mir.body.Local;
import dev.mirlink.mir.body.LocalDecl;
import dev.mirlink.mir.body.Operand;
import dev.mirlink.mir.body.Place;
import dev.mirlink.mir.body.ProjectionElem;
import dev.mirlink.mir.body.Rvalue;
import dev.mirlink.mir.body.Statement;
import dev.mirlink.mir.body.Terminator;
import dev.mirlink.mir.body.UnwindAction;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.traits.Subst;
import dev.mirlink.mir.traits.TraitRef;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MIR for the instances rustc builds shims for (rustc_mir_transform/src/shim.rs): drop glue, the
 * {@code FnOnce::call_once} of a closure that is {@code Fn}/{@code FnMut}, and the {@code Fn*} methods
 * of fn items and fn pointers. The bodies use concrete types; their calls name synthetic paths that
 * {@link ShimFn#callee} maps to what they call.
 */
final class Shims {
    private static final Ty UNIT = new Ty.Tuple(List.of());

    private final ProgramCodegen pc;

    Shims(ProgramCodegen pc) {
        this.pc = pc;
    }

    MonoFn of(MonoItem.Fn fn) {
        return switch (fn.kind()) {
            case DROP_GLUE -> dropGlue(fn);
            case VTABLE_SHIM -> vtableShim(fn);
            case CLONE_SHIM -> cloneShim(fn);
            case CLOSURE_ONCE_SHIM -> closureOnce(fn);
            case FN_PTR_SHIM -> fnPtr(fn);
            case ITEM, REIFY_SHIM -> ctor(fn);
            default -> throw new LlvmException("unsupported: " + fn.kind() + " " + MonoItemPrinter.CANONICAL.print(fn));
        };
    }

    CallConv callConv(MonoItem.Fn fn) {
        return switch (fn.kind()) {
            case CLOSURE_ONCE_SHIM, FN_PTR_SHIM -> CallConv.RUST_CALL;
            case VTABLE_SHIM -> pc.callConv(MonoItem.Fn.item(fn.defPath(), fn.args()));
            default -> CallConv.RUST;
        };
    }

    /** A body under construction: locals, blocks, and the callees of its synthetic fn paths. */
    private static final class Builder {
        final List<LocalDecl> locals = new ArrayList<>();
        final List<BasicBlockData> blocks = new ArrayList<>();
        final Map<Path, Callee> callees = new HashMap<>();
        final int argCount;

        Builder(Ty ret, List<Ty> args) {
            locals.add(new LocalDecl(Ty.Mutability.MUT, ret, 0));
            for (Ty a : args) locals.add(new LocalDecl(null, a, 0));
            argCount = args.size();
        }

        Local local(Ty t) {
            locals.add(new LocalDecl(Ty.Mutability.MUT, t, 0));
            return new Local(locals.size() - 1);
        }

        /** The index the next block will have. */
        BasicBlock next() {
            return new BasicBlock(blocks.size());
        }

        void block(List<Statement> statements, Terminator t) {
            blocks.add(new BasicBlockData(false, statements, List.of(), t, null));
        }

        Operand fnItem(Callee callee) {
            Path p = new Path(List.of(new PathSegment.Ident("shim#" + callees.size(), List.of())));
            callees.put(p, callee);
            return new Operand.Constant(new ConstOperand(new ConstValue.FnItem(p)));
        }

        Body body() {
            return new Body(BodyKind.FN, false, new Path(List.of()), -1, argCount, null, locals, List.of(), List.of(), blocks);
        }
    }

    private static Place deref(Local l) {
        return new Place(l, List.of(new ProjectionElem.Deref()));
    }

    private static Place field(Place base, int i, Ty t) {
        List<ProjectionElem> p = new ArrayList<>(base.projection());
        p.add(new ProjectionElem.Field(i, t));
        return new Place(base.local(), p);
    }

    // ---- drop glue

    /**
     * {@code drop_in_place::<T>(_1: *mut T)}: a box's contents, {@code Drop::drop}, then each field that
     * needs drop (shim.rs {@code build_drop_shim}, elaborate_drops.rs {@code open_drop_for_adt}).
     */
    private MonoFn dropGlue(MonoItem.Fn fn) {
        Ty t = fn.shimTy();
        Builder b = new Builder(UNIT, List.of(new Ty.RawPtr(t, Ty.Mutability.MUT)));
        Local self = new Local(1);
        synchronized (pc.lock) {
            if (t instanceof Ty.Slice) {
                dropSlice(b);
                return new ShimFn(pc, fn, b.body(), b.callees, CallConv.RUST);
            }
            if (t instanceof Ty.Dynamic) {
                // through the vtable's drop slot
                drops(b, List.of(deref(self)));
                return new ShimFn(pc, fn, b.body(), b.callees, CallConv.RUST);
            }
            if (t instanceof Ty.Adt a && Rvalues.isBox(a)) dropBoxContents(b, a);
            if (t instanceof Ty.Adt a && pc.collector.dropImpl(a) instanceof MonoItem.Fn drop) {
                Local ref = b.local(new Ty.Ref(null, t, Ty.Mutability.MUT));
                Local unit = b.local(UNIT);
                BasicBlock after = new BasicBlock(b.blocks.size() + 1);
                b.block(List.of(new Statement.Assign(new Place(ref), new Rvalue.Ref(Rvalue.BorrowKind.MUT, deref(self)))),
                        new Terminator.Call(new Place(unit), b.fnItem(pc.fnCallee(drop)), List.of(new Operand.Move(new Place(ref))), after,
                                new UnwindAction.Unreachable()));
            }
            List<Ty> fields = switch (t) {
                case Ty.Tuple tu -> tu.elements();
                case Ty.Closure c -> pc.collector.upvars(c);
                case Ty.Adt a -> pc.collector.adtFieldTys(a);
                case Ty.Array a -> {
                    long n = a.length() instanceof dev.mirlink.mir.ty.TyConst.Value len ? len.bits().longValueExact() : -1;
                    if (n > 64) throw new LlvmException("unsupported: drop glue of an array of " + n);
                    List<Ty> out = new ArrayList<>();
                    for (long i = 0; i < n; i++) out.add(a.element());
                    yield out;
                }
                default -> throw new LlvmException("unsupported: drop glue of " + MonoItemPrinter.CANONICAL.ty(t));
            };
            Item.Adt adt = t instanceof Ty.Adt a ? pc.adtDef(a) : null;
            if (adt != null && adt.kind() == Item.Adt.Kind.ENUM) {
                dropVariants(b, t, adt, fields);
            } else {
                List<Place> places = new ArrayList<>();
                for (int i = 0; i < fields.size(); i++) {
                    if (!pc.collector.needsDrop(fields.get(i))) continue;
                    places.add(t instanceof Ty.Array ? new Place(self, List.of(new ProjectionElem.Deref(),
                            new ProjectionElem.ConstantIndex(i, fields.size(), false))) : field(deref(self), i, fields.get(i)));
                }
                drops(b, places);
            }
        }
        return new ShimFn(pc, fn, b.body(), b.callees, CallConv.RUST);
    }

    /**
     * A box's contents, before its {@code Drop::drop} frees them (elaborate_drops.rs
     * {@code open_drop_for_box_contents}): {@code _p = transmute::<NonNull<T>, *const T>((*_1).0.0); drop(*_p)}.
     */
    private void dropBoxContents(Builder b, Ty.Adt box) {
        Ty contents = ((GenericArg.Type) ((PathSegment.Ident) box.path().last()).args().get(0)).ty();
        if (!pc.collector.needsDrop(contents)) return;
        Ty unique = pc.collector.adtFieldTys(box).get(0);
        Ty nonNull = pc.collector.adtFieldTys((Ty.Adt) unique).get(0);
        Ty ptrTy = new Ty.RawPtr(contents, Ty.Mutability.NOT);
        Local ptr = b.local(ptrTy);
        Place nonNullPlace = field(field(deref(new Local(1)), 0, unique), 0, nonNull);
        b.block(List.of(new Statement.Assign(new Place(ptr), new Rvalue.Cast(CastKind.Simple.Transmute, new Operand.Copy(nonNullPlace), ptrTy))),
                new Terminator.Drop(deref(ptr), new BasicBlock(b.blocks.size() + 1), new UnwindAction.Unreachable(), null, null));
    }

    /** {@code drop_in_place::<[T]>}: each element in order (elaborate_drops.rs {@code drop_loop}). */
    private static void dropSlice(Builder b) {
        Ty usize = new Ty.Int(Ty.IntTy.USIZE);
        Local len = b.local(usize), i = b.local(usize), done = b.local(new Ty.Bool());
        Local self = new Local(1);
        BasicBlock head = new BasicBlock(1), body = new BasicBlock(2), step = new BasicBlock(3), ret = new BasicBlock(4);
        b.block(List.of(new Statement.Assign(new Place(len), new Rvalue.UnaryOp(Rvalue.UnOp.PtrMetadata, new Operand.Copy(new Place(self)))),
                new Statement.Assign(new Place(i), new Rvalue.Use(usizeConst(0)))), new Terminator.Goto(head));
        b.block(List.of(new Statement.Assign(new Place(done), new Rvalue.BinaryOp(Rvalue.BinOp.Eq, new Operand.Copy(new Place(i)), new Operand.Copy(new Place(len))))),
                new Terminator.SwitchInt(new Operand.Move(new Place(done)), List.of(BigInteger.ZERO), List.of(body), ret));
        b.block(List.of(), new Terminator.Drop(new Place(self, List.of(new ProjectionElem.Deref(), new ProjectionElem.Index(i))), step,
                new UnwindAction.Unreachable(), null, null));
        b.block(List.of(new Statement.Assign(new Place(i), new Rvalue.BinaryOp(Rvalue.BinOp.AddUnchecked, new Operand.Copy(new Place(i)), usizeConst(1)))),
                new Terminator.Goto(head));
        b.block(List.of(), new Terminator.Return());
    }

    private static Operand usizeConst(long v) {
        return new Operand.Constant(new ConstOperand(new ConstValue.Int(BigInteger.valueOf(v), Ty.IntTy.USIZE)));
    }

    /** Drops of {@code places} in order, then return. */
    private static void drops(Builder b, List<Place> places) {
        for (Place p : places) {
            BasicBlock next = new BasicBlock(b.blocks.size() + 1);
            b.block(List.of(), new Terminator.Drop(p, next, new UnwindAction.Unreachable(), null, null));
        }
        b.block(List.of(), new Terminator.Return());
    }

    /** An enum's glue: a switch on the discriminant, then each variant's fields. */
    private void dropVariants(Builder b, Ty t, Item.Adt adt, List<Ty> fields) {
        Local discr = b.local(new Ty.Int(Ty.IntTy.ISIZE));
        List<BigInteger> values = new ArrayList<>();
        List<BasicBlock> targets = new ArrayList<>();
        int switchAt = b.blocks.size();
        b.block(List.of(), new Terminator.Unreachable()); // replaced below, once the targets are known
        BasicBlock ret = b.next();
        b.block(List.of(), new Terminator.Return());
        List<BigInteger> discrs = dev.mirlink.mir.layout.LayoutCx.discriminants(adt);
        int first = 0;
        for (int v = 0; v < adt.variants().size(); v++) {
            int n = adt.variants().get(v).fields().size();
            List<Place> places = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Ty ft = fields.get(first + i);
                if (!pc.collector.needsDrop(ft)) continue;
                List<ProjectionElem> proj = List.of(new ProjectionElem.Deref(), new ProjectionElem.Downcast(null, v), new ProjectionElem.Field(i, ft));
                places.add(new Place(new Local(1), proj));
            }
            first += n;
            if (places.isEmpty()) continue;
            values.add(discrs.get(v).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
            targets.add(b.next());
            for (Place p : places) {
                BasicBlock next = new BasicBlock(b.blocks.size() + 1);
                b.block(List.of(), new Terminator.Drop(p, next, new UnwindAction.Unreachable(), null, null));
            }
            b.block(List.of(), new Terminator.Goto(ret));
        }
        b.blocks.set(switchAt, new BasicBlockData(false,
                List.of(new Statement.Assign(new Place(discr), new Rvalue.Discriminant(deref(new Local(1))))), List.of(),
                new Terminator.SwitchInt(new Operand.Copy(new Place(discr)), values, targets, ret), null));
    }

    // ---- closures and fns behind Fn traits

    /** {@code <C as FnOnce<A>>::call_once(_1: C, _2: A)} for a closure whose body takes {@code &C} or {@code &mut C}. */
    private MonoFn closureOnce(MonoItem.Fn fn) {
        synchronized (pc.lock) {
            Ty.Closure c = (Ty.Closure) ((GenericArg.Type) fn.args().get(0)).ty();
            Ty argsTy = ((GenericArg.Type) fn.args().get(1)).ty();
            MonoItem.Fn body = MonoItem.Fn.item(Resolver.closureDefPath(c), Resolver.closureArgs(c));
            InstanceFn closure = new InstanceFn(pc, body, pc.program.body(body.defPath()));
            Ty ret = closure.monomorphize(closure.body().returnTy());
            Ty selfTy = closure.monomorphize(closure.body().localDecls().get(1).ty());
            Builder b = new Builder(ret, List.of(c, argsTy));
            Operand self;
            List<Statement> pre = new ArrayList<>();
            if (selfTy instanceof Ty.Ref r) {
                Local ref = b.local(selfTy);
                pre.add(new Statement.Assign(new Place(ref), new Rvalue.Ref(r.mutability() == Ty.Mutability.MUT
                        ? Rvalue.BorrowKind.MUT : Rvalue.BorrowKind.SHARED, new Place(new Local(1)))));
                self = new Operand.Move(new Place(ref));
            } else {
                self = new Operand.Move(new Place(new Local(1)));
            }
            boolean dropSelf = selfTy instanceof Ty.Ref && pc.collector.needsDrop(c);
            BasicBlock after = new BasicBlock(1);
            b.block(pre, new Terminator.Call(new Place(new Local(0)), b.fnItem(pc.fnCallee(body)), List.of(self, new Operand.Move(new Place(new Local(2)))),
                    after, new UnwindAction.Unreachable()));
            if (dropSelf) drops(b, List.of(new Place(new Local(1))));
            else b.block(List.of(), new Terminator.Return());
            return new ShimFn(pc, fn, b.body(), b.callees, CallConv.RUST_CALL);
        }
    }

    /** {@code <F as Fn*<A>>::call*(self, _2: A)} for a fn item or fn pointer {@code F}: a call with the tuple's fields. */
    private MonoFn fnPtr(MonoItem.Fn fn) {
        synchronized (pc.lock) {
            Ty f = fn.shimTy();
            Ty selfArg = ((GenericArg.Type) fn.args().get(0)).ty();
            Ty.Tuple args = (Ty.Tuple) ((GenericArg.Type) fn.args().get(1)).ty();
            String method = DefPaths.last(fn.defPath());
            Ty self = method.equals("call_once") ? selfArg : new Ty.Ref(null, selfArg, method.equals("call_mut") ? Ty.Mutability.MUT : Ty.Mutability.NOT);
            Ty ret = switch (f) {
                case Ty.FnPtr p -> p.sig().output();
                case Ty.FnDef d -> fnDefOutput(d);
                default -> throw new LlvmException("unsupported: Fn shim for " + MonoItemPrinter.CANONICAL.ty(f));
            };
            Builder b = new Builder(ret, List.of(self, args));
            Operand func = f instanceof Ty.FnDef d
                    ? b.fnItem(pc.callee(pc.resolver.callee(Program.crateOf(fn.defPath()), d.path())))
                    : new Operand.Copy(method.equals("call_once") ? new Place(new Local(1)) : deref(new Local(1)));
            List<Operand> callArgs = new ArrayList<>();
            for (int i = 0; i < args.elements().size(); i++) callArgs.add(new Operand.Move(field(new Place(new Local(2)), i, args.elements().get(i))));
            b.block(List.of(), new Terminator.Call(new Place(new Local(0)), func, callArgs, new BasicBlock(1), new UnwindAction.Unreachable()));
            b.block(List.of(), new Terminator.Return());
            return new ShimFn(pc, fn, b.body(), b.callees, CallConv.RUST_CALL);
        }
    }

    private Ty fnDefOutput(Ty.FnDef d) {
        if (d.sig() != null) return d.sig().output();
        throw new LlvmException("unsupported: Fn shim for a fn item without signature " + MonoItemPrinter.CANONICAL.ty(d));
    }

    /**
     * {@code <T as Trait>::method} behind a vtable when it takes {@code self} by value: the method's
     * signature with {@code _1: *mut T}, calling it with {@code move *_1} (shim.rs {@code build_call_shim},
     * {@code Adjustment::Deref { source: MutPtr }}).
     */
    private MonoFn vtableShim(MonoItem.Fn fn) {
        synchronized (pc.lock) {
            Ty self = ((GenericArg.Type) fn.args().get(0)).ty();
            TraitRef ref = new TraitRef(DefPaths.parent(fn.defPath()), self, fn.args().subList(1, fn.args().size()));
            Callee target = pc.callee(pc.resolver.traitMethod(ref, DefPaths.last(fn.defPath()), List.of()));
            Item.Fn method = (Item.Fn) pc.resolver.valueItem(fn.defPath());
            Subst subst = pc.resolver.substFor(fn.defPath(), fn.args());
            String crate = Program.crateOf(fn.defPath());
            List<Ty> inputs = new ArrayList<>();
            inputs.add(new Ty.RawPtr(self, Ty.Mutability.MUT));
            for (Ty in : method.sig().inputs().subList(1, method.sig().inputs().size())) inputs.add(pc.resolver.ty(crate, subst.ty(in)));
            Builder b = new Builder(pc.resolver.ty(crate, subst.ty(method.sig().output())), inputs);
            List<Operand> args = new ArrayList<>();
            args.add(new Operand.Move(deref(new Local(1))));
            for (int i = 2; i <= inputs.size(); i++) args.add(new Operand.Move(new Place(new Local(i))));
            b.block(List.of(), new Terminator.Call(new Place(new Local(0)), b.fnItem(target), args, new BasicBlock(1), new UnwindAction.Unreachable()));
            b.block(List.of(), new Terminator.Return());
            return new ShimFn(pc, fn, b.body(), b.callees, callConv(fn));
        }
    }

    /**
     * {@code <T as Clone>::clone(_1: &T)} for a builtin impl (shim.rs {@code build_clone_shim}): a copy for
     * fn items and pointers, else {@code (_0.i) = Clone::clone(&(*_1).i)} for each field of a tuple or closure.
     */
    private MonoFn cloneShim(MonoItem.Fn fn) {
        synchronized (pc.lock) {
            Ty t = fn.shimTy();
            Builder b = new Builder(t, List.of(new Ty.Ref(null, t, Ty.Mutability.NOT)));
            Place src = deref(new Local(1)), dest = new Place(new Local(0));
            List<Ty> fields = switch (t) {
                case Ty.FnDef d -> null;
                case Ty.FnPtr p -> null;
                case Ty.Tuple tu -> tu.elements();
                case Ty.Closure c -> pc.collector.upvars(c);
                default -> throw new LlvmException("unsupported: clone shim of " + MonoItemPrinter.CANONICAL.ty(t));
            };
            if (fields == null) {
                b.block(List.of(new Statement.Assign(dest, new Rvalue.Use(new Operand.Copy(src)))), new Terminator.Return());
                return new ShimFn(pc, fn, b.body(), b.callees, CallConv.RUST);
            }
            for (int i = 0; i < fields.size(); i++) {
                Ty ft = fields.get(i);
                Local ref = b.local(new Ty.Ref(null, ft, Ty.Mutability.NOT));
                Callee clone = pc.callee(pc.resolver.traitMethod(new TraitRef(Resolver.CLONE, ft, List.of()), "clone", List.of()));
                b.block(List.of(new Statement.Assign(new Place(ref), new Rvalue.Ref(Rvalue.BorrowKind.SHARED, field(src, i, ft)))),
                        new Terminator.Call(field(dest, i, ft), b.fnItem(clone), List.of(new Operand.Move(new Place(ref))),
                                new BasicBlock(b.blocks.size() + 1), new UnwindAction.Unreachable()));
            }
            b.block(List.of(), new Terminator.Return());
            return new ShimFn(pc, fn, b.body(), b.callees, CallConv.RUST);
        }
    }

    // ---- constructors

    /** A tuple struct or variant constructor used as a fn: {@code _0 = Ctor(move _1, …)} (shim.rs {@code build_ctor}). */
    private MonoFn ctor(MonoItem.Fn fn) {
        synchronized (pc.lock) {
            String def = fn.defPath(), name = DefPaths.last(def);
            boolean isStruct = pc.resolver.typeItem(def) instanceof Item.Adt;
            String adtPath = isStruct ? def : DefPaths.parent(def);
            if (!(pc.resolver.typeItem(adtPath) instanceof Item.Adt adt)) {
                throw new LlvmException("unsupported: constructor as a fn " + MonoItemPrinter.CANONICAL.print(fn));
            }
            Ty.Adt ty = new Ty.Adt(new Path(List.of(new PathSegment.Ident(adtPath, fn.args()))));
            List<Ty> all = pc.collector.adtFieldTys(ty);
            int first = 0, variant = isStruct ? 0 : -1;
            for (int v = 0; v < adt.variants().size() && variant < 0; v++) {
                if (adt.variants().get(v).name().equals(name)) variant = v;
                else first += adt.variants().get(v).fields().size();
            }
            List<Ty> fields = all.subList(first, first + adt.variants().get(variant).fields().size());
            Builder b = new Builder(ty, fields);
            List<Operand> ops = new ArrayList<>();
            for (int i = 1; i <= fields.size(); i++) ops.add(new Operand.Move(new Place(new Local(i))));
            AggregateKind kind = new AggregateKind.Adt(new Path(List.of(new PathSegment.Ident(name, List.of()))), AggregateKind.CtorKind.FN, null);
            b.block(List.of(new Statement.Assign(new Place(new Local(0)), new Rvalue.Aggregate(kind, ops))), new Terminator.Return());
            return new ShimFn(pc, fn, b.body(), b.callees, CallConv.RUST);
        }
    }

    /** A shim: its body built here, its calls mapped by synthetic path. */
    static final class ShimFn implements MonoFn {
        private final ProgramCodegen pc;
        private final MonoItem.Fn fn;
        private final Body body;
        private final Map<Path, Callee> callees;
        private final CallConv conv;

        ShimFn(ProgramCodegen pc, MonoItem.Fn fn, Body body, Map<Path, Callee> callees, CallConv conv) {
            this.pc = pc;
            this.fn = fn;
            this.body = body;
            this.callees = callees;
            this.conv = conv;
        }

        @Override public String symbol() { return pc.symbol(fn); }
        @Override public boolean exported() { return false; }
        @Override public CallConv conv() { return conv; }
        @Override public Body body() { return body; }
        @Override public String describe() { return MonoItemPrinter.CANONICAL.print(fn); }
        @Override public Ty monomorphize(Ty ty) { return ty; }
        @Override public boolean trackCaller() { return false; }

        @Override
        public Callee callee(Operand func, Ty funcTy, List<Ty> argTys) {
            if (func instanceof Operand.Constant c && c.constant().value() instanceof ConstValue.FnItem fi && callees.get(fi.path()) instanceof Callee k) {
                return k;
            }
            throw new LlvmException("unsupported: call of " + func + " in " + describe());
        }

        @Override
        public String reify(Operand func, Ty funcTy) {
            throw new LlvmException("unsupported: fn pointer in " + describe());
        }

        @Override
        public String closureFnPointer(Ty.Closure closure) {
            throw new LlvmException("unsupported: closure pointer in " + describe());
        }

        @Override
        public MonoConst constant(ConstOperand constant, Ty expected) {
            if (constant.value() instanceof ConstValue.Int i && i.ty() == Ty.IntTy.USIZE) {
                byte[] bytes = new byte[8];
                for (int k = 0; k < 8; k++) bytes[k] = (byte) i.value().shiftRight(8 * k).intValue();
                return new MonoConst(new Ty.Int(Ty.IntTy.USIZE), new ConstData(bytes, 8, false, Map.of()));
            }
            throw new LlvmException("unsupported: constant in " + describe());
        }

        @Override
        public String threadLocal(Path path) {
            throw new LlvmException("unsupported: thread-local in " + describe());
        }

        @Override
        public ConstData callerLocation(BasicBlock block) {
            synchronized (pc.lock) {
                return pc.location("<unknown>", 0, 0);
            }
        }
    }
}
