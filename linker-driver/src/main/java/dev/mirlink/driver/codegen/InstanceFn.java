package dev.mirlink.driver.codegen;

import dev.mirlink.driver.collect.CollectException;
import dev.mirlink.driver.collect.MonoItem;
import dev.mirlink.driver.collect.MonoItemPrinter;
import dev.mirlink.driver.collect.Program;
import dev.mirlink.driver.collect.Resolver;
import dev.mirlink.driver.consteval.ConstAlloc;
import dev.mirlink.llvm.CallConv;
import dev.mirlink.llvm.Callee;
import dev.mirlink.llvm.ConstData;
import dev.mirlink.llvm.LlvmException;
import dev.mirlink.llvm.MonoFn;
import dev.mirlink.mir.alloc.AllocEntry;
import dev.mirlink.mir.body.BasicBlock;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.ConstOperand;
import dev.mirlink.mir.body.ConstValue;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.Operand;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.print.MirPrinter;
import dev.mirlink.mir.traits.Subst;
import dev.mirlink.mir.traits.TraitRef;
import dev.mirlink.mir.item.Span;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fn instance whose body is MIR from an rlib: an item, a closure, or a {@code #[track_caller]} fn's reify shim. */
final class InstanceFn implements MonoFn {
    private final ProgramCodegen pc;
    private final MonoItem.Fn fn;
    private final Body body;
    private final List<AllocEntry> allocs;
    private final String crate;
    private final Subst subst;
    private final Map<Ty, Ty> tys = new HashMap<>();

    InstanceFn(ProgramCodegen pc, MonoItem.Fn fn, MirEntry.BodyEntry entry) {
        this.pc = pc;
        this.fn = fn;
        this.body = entry.body();
        this.allocs = entry.allocations();
        this.crate = Program.crateOf(fn.defPath());
        this.subst = pc.resolver.substFor(fn.defPath(), fn.args());
    }

    @Override
    public String symbol() {
        return pc.symbol(fn);
    }

    @Override
    public boolean exported() {
        return pc.exported(fn);
    }

    /** Closure bodies take their args spread already, so they are defined with the plain Rust ABI. */
    @Override
    public CallConv conv() {
        return ProgramCodegen.isClosure(fn.defPath()) ? CallConv.RUST : pc.callConv(fn);
    }

    @Override
    public Body body() {
        return body;
    }

    @Override
    public String describe() {
        return MonoItemPrinter.CANONICAL.print(fn);
    }

    @Override
    public Ty monomorphize(Ty ty) {
        synchronized (pc.lock) {
            Ty m = tys.get(ty);
            if (m != null) return m;
            try {
                m = pc.resolver.ty(crate, subst.ty(ty));
            } catch (RuntimeException e) {
                m = calleeTyped(ty);
                if (m == null) throw new LlvmException("cannot monomorphize " + ty + " in " + describe() + ": " + e.getMessage());
            }
            tys.put(ty, m);
            return m;
        }
    }

    /**
     * A local whose printed type names a closure under its defining fn's own params (an {@code impl FnMut}
     * return value, as in {@code Filter::count}'s {@code to_usize}) has the return type of the call that
     * assigns it, read under the callee's args.
     */
    private Ty calleeTyped(Ty printed) {
        return switch (printed) {
            case Ty.Ref r when calleeTyped(r.pointee()) instanceof Ty t -> new Ty.Ref(null, t, r.mutability());
            case Ty.RawPtr r when calleeTyped(r.pointee()) instanceof Ty t -> new Ty.RawPtr(t, r.mutability());
            case Ty.Closure c when isSelf(c) -> new Ty.Closure(new Path(List.of(new PathSegment.Ident(fn.defPath(), fn.args()))));
            case Ty.Closure c -> returnTyOfCallInto(c);
            default -> null;
        };
    }

    /** Whether a printed closure type is this closure body's own: its self type, whose parents' params the instance may not bind. */
    private boolean isSelf(Ty.Closure c) {
        List<PathSegment> segs = c.path().segments();
        if (!ProgramCodegen.isClosure(fn.defPath()) || segs.size() < 2 || !(c.path().last() instanceof PathSegment.Disambiguated d)
                || !(segs.get(segs.size() - 2) instanceof PathSegment.Ident parent)) return false;
        String own = "::" + parent.name() + "::{" + d.kind() + "#" + d.index() + "}";
        return fn.defPath().endsWith(own);
    }

    private Ty returnTyOfCallInto(Ty printed) {
        for (int local = 0; local < body.localDecls().size(); local++) {
            if (!body.localDecls().get(local).ty().equals(printed)) continue;
            for (var block : body.basicBlocks()) {
                if (block.terminator() instanceof dev.mirlink.mir.body.Terminator.Call c && c.destination().projection().isEmpty()
                        && c.destination().local().index() == local && c.func() instanceof Operand.Constant k
                        && k.constant().value() instanceof ConstValue.FnItem fi
                        && pc.resolver.callee(crate, subst.path(fi.path())) instanceof Resolver.Callee.Instance i) {
                    MirEntry.BodyEntry callee = pc.program.body(i.fn().defPath());
                    if (callee == null) return null;
                    return pc.resolver.ty(Program.crateOf(i.fn().defPath()),
                            pc.resolver.substFor(i.fn().defPath(), i.fn().args()).ty(callee.body().returnTy()));
                }
            }
        }
        return null;
    }

    @Override
    public Callee callee(Operand func, Ty funcTy, List<Ty> argTys) {
        synchronized (pc.lock) {
            return pc.callee(resolve(func, funcTy, argTys));
        }
    }

    private Resolver.Callee resolve(Operand func, Ty funcTy, List<Ty> argTys) {
        if (funcTy instanceof Ty.FnDef def) return pc.resolver.callee(crate, def.path(), argTys);
        if (func instanceof Operand.Constant c && c.constant().value() instanceof ConstValue.FnItem fi) {
            return pc.resolver.callee(crate, subst.path(fi.path()), argTys);
        }
        throw new LlvmException("not a fn item: " + func + " in " + describe());
    }

    @Override
    public String reify(Operand func, Ty funcTy) {
        synchronized (pc.lock) {
            return pc.reify(resolve(func, funcTy, null));
        }
    }

    @Override
    public String closureFnPointer(Ty.Closure closure) {
        synchronized (pc.lock) {
            Ty.Tuple inputs = new Ty.Tuple(pc.resolver.closureInfo(closure).sig().inputs());
            return pc.reify(pc.resolver.traitMethod(new TraitRef(Resolver.FN_ONCE, closure, List.of(new GenericArg.Type(inputs))),
                    "call_once", List.of()));
        }
    }

    @Override
    public MonoConst constant(ConstOperand constant, Ty expected) {
        synchronized (pc.lock) {
            try {
                ConstAlloc a = pc.collector.evaluator().operand(fn.defPath(), fn.args(), allocs, constant.value(), expected);
                return new MonoConst(a.ty(), pc.constData(a));
            } catch (RuntimeException e) {
                throw new LlvmException("cannot evaluate " + new MirPrinter().print(constant) + " in " + describe() + ": " + e.getMessage());
            }
        }
    }

    @Override
    public String threadLocal(Path path) {
        synchronized (pc.lock) {
            String def = pc.resolver.resolveDefPath(crate, Program.segmentNames(path.segments()));
            if (def == null) throw new CollectException("unresolved thread-local " + path + " in " + describe());
            return pc.symbol(new MonoItem.Static(def));
        }
    }

    @Override
    public boolean trackCaller() {
        synchronized (pc.lock) {
            return pc.trackCaller(fn);
        }
    }

    @Override
    public ConstData callerLocation(BasicBlock block) {
        Body.CallerSpan caller = body.callerLocationSpan(block);
        if (caller.reachedBody() && trackCaller()) return null;
        Span span = caller.span();
        synchronized (pc.lock) {
            return span == null ? pc.location("<unknown>", 0, 0) : pc.location(span.file(), span.beginLine(), span.beginCol());
        }
    }
}
