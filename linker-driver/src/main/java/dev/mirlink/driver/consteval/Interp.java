package dev.mirlink.driver.consteval;

import dev.mirlink.driver.collect.MonoItem;
import dev.mirlink.driver.collect.Program;
import dev.mirlink.driver.collect.Resolver;
import dev.mirlink.mir.alloc.AllocEntry;
import dev.mirlink.mir.alloc.AllocId;
import dev.mirlink.mir.alloc.Allocation;
import dev.mirlink.mir.alloc.GlobalAlloc;
import dev.mirlink.mir.alloc.Relocation;
import dev.mirlink.mir.body.AggregateKind;
import dev.mirlink.mir.body.BasicBlockData;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.BodyKind;
import dev.mirlink.mir.body.CastKind;
import dev.mirlink.mir.body.ConstValue;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.Operand;
import dev.mirlink.mir.body.Place;
import dev.mirlink.mir.body.ProjectionElem;
import dev.mirlink.mir.body.Rvalue;
import dev.mirlink.mir.body.Statement;
import dev.mirlink.mir.body.Terminator;
import dev.mirlink.mir.item.CodegenAttrs;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.Variant;
import dev.mirlink.mir.layout.Abi;
import dev.mirlink.mir.layout.Layout;
import dev.mirlink.mir.layout.LayoutCx;
import dev.mirlink.mir.layout.LayoutException;
import dev.mirlink.mir.layout.Scalar;
import dev.mirlink.mir.layout.Variants;
import dev.mirlink.mir.print.MirPrinter;
import dev.mirlink.mir.traits.Subst;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Instance;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The MIR interpreter (rustc_const_eval/src/interpret/: step.rs, operator.rs, cast.rs, place.rs,
 * projection.rs, discriminant.rs, intrinsics.rs) with the compile-time machine's rules
 * (const_eval/machine.rs): runtime checks are on, pointers compare only within one allocation.
 */
final class Interp {
    private static final int MAX_STEPS = 5_000_000, MAX_DEPTH = 256;
    private static final boolean TRACE = System.getenv("MIRLINK_CONSTEVAL_TRACE") != null;
    private static final Ty USIZE = new Ty.Int(Ty.IntTy.USIZE), BOOL = new Ty.Bool(), UNIT = new Ty.Tuple(List.of());

    private final ConstEvaluator ev;
    private final Resolver resolver;
    private final int ps;
    private int steps, depth;

    Interp(ConstEvaluator ev) {
        this.ev = ev;
        this.resolver = ev.resolver;
        this.ps = ev.ptrSize;
    }

    /** One activation: the body, the crate its paths are printed in, and the args it is read under. */
    final class Frame {
        final String owner, crate;
        final Subst subst;
        final Body body;
        final List<AllocEntry> allocs;
        final Mem[] locals;
        final Ty[] localTys;
        final Map<Ty, Ty> tyCache = new HashMap<>();
        final Map<AllocId, Mem.Prov> allocCache = new HashMap<>();

        Frame(String owner, String crate, Subst subst, Body body, List<AllocEntry> allocs) {
            this.owner = owner;
            this.crate = crate;
            this.subst = subst;
            this.body = body;
            this.allocs = allocs;
            this.locals = new Mem[body.localDecls().size()];
            this.localTys = new Ty[body.localDecls().size()];
        }

        Ty ty(Ty t) {
            Ty c = tyCache.get(t);
            if (c == null) {
                c = resolver.ty(crate, subst.ty(t));
                tyCache.put(t, c);
            }
            return c;
        }

        Ty localTy(int i) {
            if (localTys[i] == null) localTys[i] = ty(body.localDecls().get(i).ty());
            return localTys[i];
        }

        Mem local(int i) {
            if (locals[i] == null) locals[i] = new Mem((int) layout(localTy(i)).size(), localTy(i));
            return locals[i];
        }

        String where() {
            return owner;
        }
    }

    /** A place: memory, offset, type, the metadata of an unsized place (Long length or vtable Ptr), the downcast variant. */
    record PlaceRef(Mem mem, long off, Ty ty, Object meta, int variant) {
        PlaceRef(Mem mem, long off, Ty ty) { this(mem, off, ty, null, -1); }
    }

    // ------------------------------------------------------------------ entry points

    Mem run(String owner, String crate, Subst subst, Body body, List<AllocEntry> allocs, List<Mem> args) {
        Frame f = new Frame(owner, crate, subst, body, allocs);
        for (int i = 0; i < args.size(); i++) {
            Mem dst = f.local(i + 1);
            dst.copyFrom(args.get(i), 0, 0, Math.min(args.get(i).size(), dst.size()));
        }
        execute(f);
        return f.local(0);
    }

    /** A constant value rustc printed, as memory of type {@code ty} (printed in {@code crate}). */
    Mem constant(String owner, String crate, Subst subst, ConstValue v, Ty ty) {
        // the operand comes from the optimized fn body of owner
        Frame f = new Frame(owner, crate, subst, new Body(BodyKind.FN, false, new Path(List.of()), -1, 0, null,
                List.of(new dev.mirlink.mir.body.LocalDecl(null, ty, 0)), List.of(), List.of(), List.of()), List.of());
        Ty t = f.ty(ty);
        Mem m = new Mem((int) layout(t).size(), t);
        writeConst(f, v, t, m, 0);
        return m;
    }

    /**
     * A constant operand of {@code owner}'s body, whose allocations are {@code allocs}; {@code expected}
     * (monomorphic) is its type when the printed value does not tell.
     */
    Mem constOperand(String owner, String crate, Subst subst, List<AllocEntry> allocs, ConstValue v, Ty expected) {
        // the operand comes from the optimized fn body of owner
        Frame f = new Frame(owner, crate, subst, new Body(BodyKind.FN, false, new Path(List.of()), -1, 0, null,
                List.of(new dev.mirlink.mir.body.LocalDecl(null, UNIT, 0)), List.of(), List.of(), List.of()), allocs);
        Ty t = constTy(f, v, expected);
        Mem m = new Mem((int) layout(t).size(), t);
        writeConst(f, v, t, m, 0);
        return m;
    }

    // ------------------------------------------------------------------ stepping

    private void execute(Frame f) {
        if (++depth > MAX_DEPTH) throw new ConstEvalException("limit", "call depth exceeded in " + f.where());
        try {
            int bb = 0;
            while (true) {
                BasicBlockData block = f.body.basicBlocks().get(bb);
                for (Statement s : block.statements()) {
                    statement(f, s);
                    if (TRACE && s instanceof Statement.Assign a) System.err.println("  ".repeat(depth) + "  " + a.place().local() + " = " + hex(f.local(a.place().local().index())) + "   <- " + a.rvalue().getClass().getSimpleName());
                }
                if (++steps > MAX_STEPS) throw new ConstEvalException("limit", "step limit exceeded in " + f.where());
                Integer next = terminator(f, block.terminator());
                if (next == null) return;
                bb = next;
            }
        } finally {
            depth--;
        }
    }

    private void statement(Frame f, Statement s) {
        switch (s) {
            case Statement.Assign a -> assign(f, a.place(), a.rvalue());
            case Statement.SetDiscriminant sd -> {
                PlaceRef p = place(f, sd.place());
                writeDiscriminant(p.mem(), p.off(), p.ty(), sd.variantIndex());
            }
            case Statement.StorageLive sl -> { }
            case Statement.StorageDead sd -> { }
            case Statement.CopyNonOverlapping c -> {
                Mem.Ptr src = ptrOf(operand(f, c.src())), dst = ptrOf(operand(f, c.dst()));
                Ty elem = pointee(operandTy(f, c.src()));
                long n = uint(operand(f, c.count())).longValueExact() * layout(elem).size();
                copyPtr(src, dst, n);
            }
            case Statement.Assume a -> {
                if (uint(operand(f, a.operand())).signum() == 0) throw new ConstEvalException("UB", "assume(false) in " + f.where());
            }
            default -> { } // Nop, ConstEvalCounter, PlaceMention, Retag, BackwardIncompatibleDropHint
        }
    }

    /** The block to continue at, or null on return. */
    private Integer terminator(Frame f, Terminator t) {
        return switch (t) {
            case Terminator.Goto g -> g.target().index();
            case Terminator.Return r -> null;
            case Terminator.SwitchInt s -> {
                Mem v = operand(f, s.discr());
                BigInteger bits = v.readUint(0, v.size());
                BigInteger mask = BigInteger.ONE.shiftLeft(v.size() * 8).subtract(BigInteger.ONE);
                for (int i = 0; i < s.values().size(); i++) {
                    if (s.values().get(i).and(mask).equals(bits)) yield s.targets().get(i).index();
                }
                yield s.otherwise().index();
            }
            case Terminator.Assert a -> {
                boolean c = uint(operand(f, a.cond())).signum() != 0;
                if (c != a.expected()) throw new ConstEvalException("panic", "assertion failed (" + a.msg() + ") in " + f.where());
                yield a.target().index();
            }
            // stable const code may only drop values that need no drop (const checking's live-drop
            // analysis, rustc_const_eval/src/check_consts/post_drop_elaboration.rs): nothing runs
            case Terminator.Drop d -> d.target().index();
            case Terminator.FalseEdge fe -> fe.real().index();
            case Terminator.FalseUnwind fu -> fu.real().index();
            case Terminator.Call c -> {
                call(f, c);
                if (c.target() == null) throw new ConstEvalException("panic", "call that does not return in " + f.where());
                yield c.target().index();
            }
            case Terminator.Unreachable u -> throw new ConstEvalException("UB", "reached unreachable in " + f.where());
            default -> throw new ConstEvalException("terminator", t.getClass().getSimpleName() + " in " + f.where());
        };
    }

    // ------------------------------------------------------------------ places

    Ty placeTy(Frame f, Place p) {
        Ty t = f.localTy(p.local().index());
        for (ProjectionElem e : p.projection()) {
            t = switch (e) {
                case ProjectionElem.Deref d -> pointee(t);
                case ProjectionElem.Field fl -> f.ty(fl.ty());
                case ProjectionElem.Index i -> element(t);
                case ProjectionElem.ConstantIndex ci -> element(t);
                case ProjectionElem.Subslice ss -> t instanceof Ty.Array a
                        ? new Ty.Array(a.element(), new TyConst.Value(BigInteger.valueOf(arrayLen(a) - ss.from() - ss.to()), null)) : t;
                case ProjectionElem.Downcast dc -> t;
                case ProjectionElem.OpaqueCast oc -> f.ty(oc.ty());
                case ProjectionElem.UnwrapUnsafeBinder ub -> f.ty(ub.ty());
            };
        }
        return t;
    }

    PlaceRef place(Frame f, Place p) {
        int li = p.local().index();
        PlaceRef cur = new PlaceRef(f.local(li), 0, f.localTy(li));
        for (ProjectionElem e : p.projection()) cur = project(f, cur, e);
        return cur;
    }

    private PlaceRef project(Frame f, PlaceRef cur, ProjectionElem e) {
        return switch (e) {
            case ProjectionElem.Deref d -> deref(cur);
            case ProjectionElem.Field fl -> {
                Ty fty = f.ty(fl.ty());
                long off = fieldOffset(cur.ty(), cur.variant(), fl.index());
                // the unsized tail of a struct keeps the place's metadata
                Object meta = cur.meta() != null && isUnsized(fty) ? cur.meta() : null;
                yield new PlaceRef(cur.mem(), cur.off() + off, fty, meta, -1);
            }
            case ProjectionElem.Index i -> index(cur, uint(copyOf(f.local(i.local().index()))).longValueExact());
            case ProjectionElem.ConstantIndex ci -> {
                long len = length(cur);
                yield index(cur, ci.fromEnd() ? len - ci.offset() : ci.offset());
            }
            case ProjectionElem.Subslice ss -> {
                long len = length(cur);
                Ty elem = element(cur.ty());
                long stride = layout(elem).size();
                long n = ss.fromEnd() ? len - ss.from() - ss.to() : ss.to() - ss.from();
                Ty ty = cur.ty() instanceof Ty.Array a ? new Ty.Array(a.element(), new TyConst.Value(BigInteger.valueOf(n), null)) : cur.ty();
                yield new PlaceRef(cur.mem(), cur.off() + ss.from() * stride, ty, cur.ty() instanceof Ty.Array ? null : (Object) n, -1);
            }
            case ProjectionElem.Downcast dc -> new PlaceRef(cur.mem(), cur.off(), cur.ty(), cur.meta(),
                    dc.variantIndex() != null ? dc.variantIndex() : variantIndex(cur.ty(), dc.name()));
            case ProjectionElem.OpaqueCast oc -> new PlaceRef(cur.mem(), cur.off(), f.ty(oc.ty()), cur.meta(), -1);
            case ProjectionElem.UnwrapUnsafeBinder ub -> new PlaceRef(cur.mem(), cur.off(), f.ty(ub.ty()), cur.meta(), -1);
        };
    }

    private PlaceRef index(PlaceRef cur, long i) {
        long len = length(cur);
        if (i < 0 || i >= len) throw new ConstEvalException("out of bounds", "index " + i + " of length " + len);
        Ty elem = element(cur.ty());
        return new PlaceRef(cur.mem(), cur.off() + i * layout(elem).size(), elem);
    }

    private long length(PlaceRef p) {
        if (p.ty() instanceof Ty.Array a) return arrayLen(a);
        if (p.meta() instanceof Long l) return l;
        throw new ConstEvalException("place", "length of " + p.ty());
    }

    /** The place a pointer stored at {@code p} points to. */
    private PlaceRef deref(PlaceRef p) {
        Ty pointee = pointee(p.ty());
        Mem.Ptr ptr = p.mem().readPtr(p.off(), ps);
        Object meta = null;
        if (isUnsized(pointee)) {
            meta = tailKind(pointee) == Tail.DYN ? p.mem().readPtr(p.off() + ps, ps) : (Object) p.mem().readUint(p.off() + ps, ps).longValue();
        }
        return switch (ptr.prov()) {
            case Mem.Prov.Alloc a -> new PlaceRef(a.mem(), ptr.offset(), pointee, meta, -1);
            case Mem.Prov.Static s -> new PlaceRef(ev.staticValue(s.defPath()), ptr.offset(), pointee, meta, -1);
            case null -> {
                if (layout(pointee).size() == 0 && ptr.offset() != 0) yield new PlaceRef(new Mem(0, pointee), 0, pointee, meta, -1);
                throw new ConstEvalException("UB", "dereferencing a pointer without provenance (" + ptr.offset() + ")");
            }
            default -> throw new ConstEvalException("deref", "dereferencing a pointer to " + ptr.prov());
        };
    }

    private long fieldOffset(Ty ty, int variant, int field) {
        Layout l = layout(ty);
        if (variant >= 0 && l.variants() instanceof Variants.Multiple m) return m.variants().get(variant).fields().offset(field);
        return l.fields().offset(field);
    }

    // ------------------------------------------------------------------ operands

    Mem operand(Frame f, Operand o) {
        return operand(f, o, null);
    }

    /** The value of {@code o} as fresh memory; {@code expected} is its type when a constant does not tell. */
    Mem operand(Frame f, Operand o, Ty expected) {
        return switch (o) {
            case Operand.Copy c -> read(place(f, c.place()));
            case Operand.Move m -> read(place(f, m.place()));
            case Operand.RuntimeChecks rc -> boolMem(true); // const_eval/machine.rs runtime_checks: always true in CTFE
            case Operand.Constant c -> {
                Ty t = constTy(f, c.constant().value(), expected);
                Mem m = new Mem((int) layout(t).size(), t);
                writeConst(f, c.constant().value(), t, m, 0);
                yield m;
            }
        };
    }

    Ty operandTy(Frame f, Operand o) {
        return switch (o) {
            case Operand.Copy c -> placeTy(f, c.place());
            case Operand.Move m -> placeTy(f, m.place());
            case Operand.RuntimeChecks rc -> BOOL;
            case Operand.Constant c -> constTy(f, c.constant().value(), null);
        };
    }

    private Mem read(PlaceRef p) {
        Layout l = layout(p.ty());
        if (l.isUnsized()) throw new ConstEvalException("place", "reading unsized place of type " + p.ty());
        Mem m = new Mem((int) l.size(), p.ty());
        m.copyFrom(p.mem(), p.off(), 0, l.size());
        return m;
    }

    static String hex(Mem m) {
        StringBuilder sb = new StringBuilder();
        for (byte b : m.bytes) sb.append(String.format("%02x", b & 0xff));
        return sb + (m.prov.isEmpty() ? "" : "+" + m.prov.keySet());
    }

    private static Mem copyOf(Mem m) {
        Mem c = new Mem(m.size(), m.ty);
        c.copyFrom(m, 0, 0, m.size());
        return c;
    }

    private void write(PlaceRef p, Mem v) {
        p.mem().copyFrom(v, 0, p.off(), Math.min(v.size(), layout(p.ty()).size()));
    }

    // ------------------------------------------------------------------ constants

    /** The type of a constant operand: what its printed form tells, else {@code expected}. */
    private Ty constTy(Frame f, ConstValue v, Ty expected) {
        Ty t = switch (v) {
            case ConstValue.Int i -> new Ty.Int(i.ty());
            case ConstValue.Bool b -> BOOL;
            case ConstValue.Char c -> new Ty.Char();
            case ConstValue.Float fl -> new Ty.Float(fl.ty());
            case ConstValue.Str s -> new Ty.Ref(null, new Ty.Str(), Ty.Mutability.NOT);
            case ConstValue.ByteStr b -> b.deref() ? u8Array(b.bytes().length())
                    : new Ty.Ref(null, u8Array(b.bytes().length()), Ty.Mutability.NOT);
            case ConstValue.Pointer p -> f.ty(p.ty());
            case ConstValue.IntPointer p -> f.ty(p.ty());
            case ConstValue.FnPointer p -> f.ty(p.ty());
            case ConstValue.Transmute p -> f.ty(p.ty());
            case ConstValue.ZeroSized z -> f.ty(z.ty());
            case ConstValue.Indirect z -> f.ty(z.ty());
            case ConstValue.Slice z -> f.ty(z.ty());
            case ConstValue.Unreachable z -> f.ty(z.ty());
            case ConstValue.FnItem fi -> new Ty.FnDef(null, f.subst.path(fi.path()));
            case ConstValue.PatValue pv -> constTy(f, pv.base(), expected);
            case ConstValue.Tuple tu when expected == null -> {
                List<Ty> el = new ArrayList<>();
                for (ConstValue e : tu.fields()) el.add(constTy(f, e, null));
                yield new Ty.Tuple(el);
            }
            default -> null;
        };
        if (t != null) return t;
        if (expected != null) return expected;
        if (v instanceof ConstValue.ValuePath vp) {
            Path p = f.subst.path(vp.path());
            Ty unit = unitValueTy(f.crate, p);
            if (unit != null) return unit;
            return ev.evalMem(f.crate, p).ty;
        }
        if (v instanceof ConstValue.Promoted pr) return promotedTy(f, pr);
        if (v instanceof ConstValue.UnprintedBytes u && resolver.valueItem(ConstEvaluator.unprintedStatic(u)) instanceof Item.Static st && st.ty() != null) {
            return new Ty.Ref(null, resolver.ty(Program.crateOf(st.defPath()), st.ty()), Ty.Mutability.NOT);
        }
        if (v instanceof ConstValue.Adt a) {
            Ty ctor = unitValueTy(f.crate, f.subst.path(a.path()));
            if (ctor != null) return ctor;
        }
        if (v instanceof ConstValue.Param pa) {
            if (f.subst.get(pa.name()) instanceof GenericArg.Const gc && gc.value() instanceof TyConst.Value tv && tv.ty() != null) return tv.ty();
            Ty declared = constParamTy(f.owner, pa.name());
            if (declared != null) return f.ty(declared);
        }
        throw new ConstEvalException("constant", "type of constant " + v + " unknown in " + f.where());
    }

    /** The declared type of const param {@code name} of the item at {@code defPath} or an enclosing impl, trait or fn. */
    private Ty constParamTy(String defPath, String name) {
        for (String d = Program.ownerOf(defPath); d != null; d = DefPaths.parent(d)) {
            Item item = resolver.valueItem(d);
            if (item == null) item = resolver.typeItem(d);
            dev.mirlink.mir.item.Generics g = switch (item) {
                case Item.Fn fn -> fn.generics();
                case Item.Impl impl -> impl.generics();
                case Item.Trait tr -> tr.generics();
                case Item.Adt adt -> adt.generics();
                case null, default -> null;
            };
            if (g == null) continue;
            for (dev.mirlink.mir.item.GenericParam gp : g.params()) {
                if (gp instanceof dev.mirlink.mir.item.GenericParam.Const c && c.name().equals(name)) return c.ty();
            }
        }
        return null;
    }

    private static Ty u8Array(int n) {
        return new Ty.Array(new Ty.Int(Ty.IntTy.U8), new TyConst.Value(BigInteger.valueOf(n), null));
    }

    /** The type of a unit struct or unit variant value path, or null when the path names something else. */
    Ty unitValueTy(String crate, Path p) {
        List<String> names = ConstEvaluator.names(p.segments());
        String def = names == null ? null : resolver.resolveDefPath(crate, names);
        if (def == null && names != null && p.last() instanceof PathSegment.Ident
                && p.segments().stream().anyMatch(s -> s instanceof PathSegment.Disambiguated)) {
            def = resolver.closureLocalDefPath(crate, p);
        }
        if (def == null) return null;
        if (resolver.typeItem(def) instanceof Item.Adt a && a.kind() == Item.Adt.Kind.STRUCT) return resolver.ty(crate, new Ty.Adt(p));
        String parent = DefPaths.parent(def);
        if (parent != null && resolver.typeItem(parent) instanceof Item.Adt a && a.kind() == Item.Adt.Kind.ENUM && a.variant(DefPaths.last(def)) != null) {
            return resolver.ty(crate, new Ty.Adt(new Path(p.segments().subList(0, p.segments().size() - 1))));
        }
        return null;
    }

    /** Writes the constant {@code v} of type {@code ty} at {@code dst+off}. */
    void writeConst(Frame f, ConstValue v, Ty ty, Mem dst, long off) {
        switch (v) {
            case ConstValue.Int i -> dst.writeInt(off, (int) layout(ty).size(), i.value());
            case ConstValue.Bool b -> dst.writeInt(off, 1, b.value() ? BigInteger.ONE : BigInteger.ZERO);
            case ConstValue.Char c -> dst.writeLong(off, 4, c.codePoint());
            case ConstValue.Float fl -> dst.writeInt(off, (int) layout(ty).size(), Floats.parse(fl.text(), fl.ty()));
            case ConstValue.Str s -> {
                byte[] b = s.value().getBytes(StandardCharsets.UTF_8);
                Mem m = Mem.of(b, new Ty.Str());
                m.mutable = false;
                dst.writePtr(off, ps, new Mem.Ptr(new Mem.Prov.Alloc(m), 0));
                dst.writeLong(off + ps, ps, b.length);
            }
            case ConstValue.ByteStr b -> {
                if (b.deref()) {
                    dst.check(off, b.bytes().length());
                    System.arraycopy(b.bytes().toArray(), 0, dst.bytes, (int) off, b.bytes().length());
                } else {
                    Mem m = Mem.of(b.bytes().toArray(), u8Array(b.bytes().length()));
                    m.mutable = false;
                    dst.writePtr(off, ps, new Mem.Ptr(new Mem.Prov.Alloc(m), 0));
                    if (isUnsized(pointee(ty))) dst.writeLong(off + ps, ps, b.bytes().length());
                }
            }
            case ConstValue.Tuple tu -> {
                List<Ty> el = ty instanceof Ty.Tuple t ? t.elements() : null;
                if (el == null || el.size() != tu.fields().size()) throw new ConstEvalException("constant", "tuple " + v + " as " + ty);
                Layout l = layout(ty);
                for (int i = 0; i < el.size(); i++) writeConst(f, tu.fields().get(i), el.get(i), dst, off + l.fields().offset(i));
            }
            case ConstValue.Array a -> {
                Ty elem = element(ty);
                long stride = layout(elem).size();
                for (int i = 0; i < a.elements().size(); i++) writeConst(f, a.elements().get(i), elem, dst, off + i * stride);
            }
            case ConstValue.Adt a -> {
                Item.Adt def = adtDef(ty);
                String name = a.path().last() instanceof PathSegment.Ident id ? id.name() : "";
                int variant = def.kind() == Item.Adt.Kind.ENUM ? variantIndex(ty, name) : 0;
                List<Ty> fts = fieldTys((Ty.Adt) ty, def, variant);
                Variant vd = def.variants().get(variant);
                for (int i = 0; i < a.fields().size(); i++) {
                    int fi = a.fieldNames() == null ? i : fieldIndex(vd, a.fieldNames().get(i));
                    writeConst(f, a.fields().get(i), fts.get(fi), dst, off + fieldOffset(ty, def.kind() == Item.Adt.Kind.ENUM ? variant : -1, fi));
                }
                if (def.kind() == Item.Adt.Kind.ENUM) writeDiscriminant(dst, off, ty, variant);
            }
            case ConstValue.ValuePath vp -> {
                Path p = f.subst.path(vp.path());
                if (unitValueTy(f.crate, p) != null && ty instanceof Ty.Adt at) {
                    Item.Adt def = adtDef(at);
                    if (def.kind() == Item.Adt.Kind.ENUM) writeDiscriminant(dst, off, ty, variantIndex(ty, ((PathSegment.Ident) p.last()).name()));
                } else {
                    Mem m = ev.evalMem(f.crate, p);
                    dst.copyFrom(m, 0, off, m.size());
                }
            }
            case ConstValue.Promoted pr -> {
                Mem m = promoted(f, pr);
                dst.copyFrom(m, 0, off, m.size());
            }
            case ConstValue.Param pa -> {
                if (!(f.subst.get(pa.name()) instanceof GenericArg.Const gc && gc.value() instanceof TyConst.Value tv)) {
                    throw new ConstEvalException("constant", "const param " + pa.name() + " not bound in " + f.where());
                }
                dst.writeInt(off, (int) layout(ty).size(), tv.bits());
            }
            case ConstValue.FnItem fi -> { }
            case ConstValue.ZeroSized z -> { }
            case ConstValue.Uninit u -> { }
            case ConstValue.Pointer p -> {
                Mem.Prov prov = allocProv(f, p.alloc());
                dst.writePtr(off, ps, new Mem.Ptr(prov, p.offset()));
                if (isUnsized(pointee(ty))) throw new ConstEvalException("constant", "fat pointer constant " + v);
            }
            case ConstValue.IntPointer p -> dst.writeInt(off, ps, p.address());
            case ConstValue.FnPointer p -> dst.writePtr(off, ps, new Mem.Ptr(new Mem.Prov.Fn(fnInstance(f, p.fn())), 0));
            case ConstValue.Transmute t -> dst.writeInt(off, t.size(), t.bits());
            case ConstValue.PatValue pv -> writeConst(f, pv.base(), ty, dst, off);
            case ConstValue.Indirect in -> {
                Mem.Prov prov = allocProv(f, in.alloc());
                if (!(prov instanceof Mem.Prov.Alloc a)) throw new ConstEvalException("constant", "indirect constant in " + prov);
                dst.copyFrom(a.mem(), in.offset(), off, layout(ty).size());
            }
            case ConstValue.Slice sl -> {
                dst.writePtr(off, ps, new Mem.Ptr(allocProv(f, sl.alloc()), 0));
                dst.writeLong(off + ps, ps, sl.meta());
            }
            case ConstValue.Unreachable u -> throw new ConstEvalException("UB", "value of uninhabited type " + ty);
            case ConstValue.UnprintedBytes u -> dst.writePtr(off, ps, new Mem.Ptr(new Mem.Prov.Static(ConstEvaluator.unprintedStatic(u)), 0));
        }
    }

    private Ty promotedTy(Frame f, ConstValue.Promoted pr) {
        PromotedOwner o = promotedOwner(f, pr);
        return resolver.ty(Program.crateOf(o.defPath()), o.subst().ty(o.body().body().returnTy()));
    }

    private Mem promoted(Frame f, ConstValue.Promoted pr) {
        PromotedOwner o = promotedOwner(f, pr);
        Mem m = run(o.defPath(), Program.crateOf(o.defPath()), o.subst(), o.body().body(), o.body().allocations(), List.of());
        m.mutable = false;
        return m;
    }

    private record PromotedOwner(String defPath, Subst subst, MirEntry.BodyEntry body) {}

    /**
     * The body a promoted belongs to: this one, or, in an optimized fn body, possibly one inlined into it, which
     * its printed owner path names. Bodies for CTFE are never inlined into.
     */
    private PromotedOwner promotedOwner(Frame f, ConstValue.Promoted pr) {
        String def = f.owner;
        Subst subst = f.subst;
        if (f.body.kind() == BodyKind.FN && !f.body.forCtfe()) {
            MonoItem.Fn owner = resolver.ownerItem(f.crate, f.subst.path(pr.owner()));
            def = owner.defPath();
            subst = resolver.substFor(def, owner.args());
        }
        MirEntry.BodyEntry b = ev.promoted(def, pr.index(), f.body.forCtfe());
        if (b == null) throw new ConstEvalException("no MIR", "no promoted[" + pr.index() + "] of " + def);
        return new PromotedOwner(def, subst, b);
    }

    /** What an allocation dumped after the body stands for, as provenance. */
    private Mem.Prov allocProv(Frame f, AllocId id) {
        Mem.Prov p = f.allocCache.get(id);
        if (p != null) return p;
        AllocEntry entry = null;
        for (AllocEntry e : f.allocs) if (e.id().equals(id)) entry = e;
        if (entry == null) throw new ConstEvalException("constant", id + " not dumped after " + f.where());
        GlobalAlloc g = entry.alloc();
        p = switch (g) {
            case GlobalAlloc.Memory m -> {
                Mem mem = new Mem((int) m.allocation().size(), null);
                mem.mutable = false;
                f.allocCache.put(id, new Mem.Prov.Alloc(mem));
                fill(f, mem, m.allocation());
                yield new Mem.Prov.Alloc(mem);
            }
            case GlobalAlloc.Static s -> {
                List<String> names = ConstEvaluator.names(s.path().segments());
                String def = names == null ? null : resolver.resolveDefPath(f.crate, names);
                if (def == null) throw new ConstEvalException("path", "unresolved static " + s.path());
                yield new Mem.Prov.Static(def);
            }
            case GlobalAlloc.ExternStatic s -> externStatic(f, s, entry);
            case GlobalAlloc.Function fn -> new Mem.Prov.Fn(instance(f, fn.instance()));
            case GlobalAlloc.VTable vt -> new Mem.Prov.VTable(f.ty(vt.ty()), f.ty(vt.dynTy()));
            case GlobalAlloc.TypeId tid -> new Mem.Prov.TypeId(f.ty(tid.ty()));
            default -> throw new ConstEvalException("constant", "unsupported: a pointer to " + new MirPrinter().print(entry));
        };
        f.allocCache.put(id, p);
        return p;
    }

    /**
     * A static of an extern block, by its symbol. One declared in a fn body is refused: rustdoc does not
     * show it, and without its attributes a {@code #[link_name]} or {@code #[linkage]} would be lost.
     */
    private Mem.Prov externStatic(Frame f, GlobalAlloc.ExternStatic s, AllocEntry entry) {
        List<String> names = ConstEvaluator.names(s.path().segments());
        String def = names == null ? null : resolver.resolveDefPath(f.crate, names);
        if (def == null || !(resolver.valueItem(def) instanceof Item.Static st)) {
            throw new ConstEvalException("constant", "unsupported: a pointer to " + new MirPrinter().print(entry)
                    + ", an extern static declared in a fn body");
        }
        String linkage = CodegenAttrs.linkage(st.attrs());
        if (linkage != null && !linkage.equals("ExternalWeak")) {
            throw new ConstEvalException("constant", "unsupported: #[linkage] " + linkage + " of extern static " + def);
        }
        return new Mem.Prov.ExternStatic(CodegenAttrs.foreignSymbol(st.attrs(), DefPaths.last(def)), linkage != null);
    }

    private void fill(Frame f, Mem mem, Allocation a) {
        byte[] b = a.bytes().toArray();
        System.arraycopy(b, 0, mem.bytes, 0, Math.min(b.length, mem.size()));
        for (Relocation r : a.relocations()) mem.prov.put(r.offset(), allocProv(f, r.target()));
    }

    private MonoItem.Fn instance(Frame f, Instance inst) {
        MonoItem.Fn fn = fnInstance(f, inst.path());
        return switch (inst.kind()) {
            case Instance.InstanceKind.Item i -> fn;
            case Instance.InstanceKind.ReifyShim r -> new MonoItem.Fn(MonoItem.InstanceKind.REIFY_SHIM, fn.defPath(), fn.args(), null);
            // closure-once, fn-pointer and clone shims: resolving the printed trait method gives the shim itself
            case Instance.InstanceKind.Shim sh when fn.kind() != MonoItem.InstanceKind.ITEM -> fn;
            case Instance.InstanceKind.ShimWithTy sh when fn.kind() != MonoItem.InstanceKind.ITEM -> fn;
            default -> throw new ConstEvalException("fn pointer", "shim instance " + inst);
        };
    }

    private MonoItem.Fn fnInstance(Frame f, Path path) {
        return switch (resolver.callee(f.crate, f.subst.path(path))) {
            case Resolver.Callee.Instance i -> i.fn();
            case Resolver.Callee.Intrinsic i -> MonoItem.Fn.item(i.defPath(), i.args());
            case Resolver.Callee.Foreign fo -> MonoItem.Fn.item(fo.symbol(), List.of());
            case Resolver.Callee c -> throw new ConstEvalException("fn pointer", "pointer to " + c);
        };
    }

    // ------------------------------------------------------------------ rvalues

    private void assign(Frame f, Place dest, Rvalue rv) {
        PlaceRef p = place(f, dest);
        switch (rv) {
            case Rvalue.Use u -> write(p, operand(f, u.operand(), p.ty()));
            case Rvalue.CopyForDeref c -> write(p, read(place(f, c.place())));
            case Rvalue.WrapUnsafeBinder w -> write(p, operand(f, w.operand(), null));
            case Rvalue.Repeat r -> {
                Ty elem = element(p.ty());
                Mem v = operand(f, r.operand(), elem);
                long n = arrayLen((Ty.Array) p.ty());
                for (long i = 0; i < n; i++) p.mem().copyFrom(v, 0, p.off() + i * v.size(), v.size());
            }
            case Rvalue.Ref r -> writeRef(p, place(f, r.place()));
            case Rvalue.RawPtr r -> writeRef(p, place(f, r.place()));
            case Rvalue.ThreadLocalRef t -> throw new ConstEvalException("thread local", "reference to thread-local " + t.path());
            case Rvalue.Cast c -> write(p, cast(f, c, p.ty()));
            case Rvalue.BinaryOp b -> write(p, binary(f, b, p.ty()));
            case Rvalue.UnaryOp u -> write(p, unary(f, u, p.ty()));
            case Rvalue.Discriminant d -> {
                PlaceRef src = place(f, d.place());
                Item.Adt def = src.ty() instanceof Ty.Adt ? adtDef(src.ty()) : null;
                if (def == null || def.kind() != Item.Adt.Kind.ENUM) {
                    p.mem().writeInt(p.off(), (int) layout(p.ty()).size(), BigInteger.ZERO);
                } else {
                    int variant = readDiscriminant(src.mem(), src.off(), src.ty());
                    p.mem().writeInt(p.off(), (int) layout(p.ty()).size(), LayoutCx.discriminants(def).get(variant));
                }
            }
            case Rvalue.Aggregate a -> aggregate(f, p, a);
        }
    }

    private void writeRef(PlaceRef dst, PlaceRef target) {
        dst.mem().writePtr(dst.off(), ps, new Mem.Ptr(ev.provOf(target.mem()), target.off()));
        if (target.meta() instanceof Long len) dst.mem().writeLong(dst.off() + ps, ps, len);
        else if (target.meta() instanceof Mem.Ptr vt) dst.mem().writePtr(dst.off() + ps, ps, vt);
    }

    private void aggregate(Frame f, PlaceRef p, Rvalue.Aggregate a) {
        Ty ty = p.ty();
        List<Operand> ops = a.operands();
        switch (a.kind()) {
            case AggregateKind.Array ar -> {
                Ty elem = element(ty);
                long stride = layout(elem).size();
                for (int i = 0; i < ops.size(); i++) write(new PlaceRef(p.mem(), p.off() + i * stride, elem), operand(f, ops.get(i), elem));
            }
            case AggregateKind.Tuple tu -> {
                List<Ty> el = ((Ty.Tuple) ty).elements();
                Layout l = layout(ty);
                for (int i = 0; i < ops.size(); i++) write(new PlaceRef(p.mem(), p.off() + l.fields().offset(i), el.get(i)), operand(f, ops.get(i), el.get(i)));
            }
            case AggregateKind.Closure cl -> {
                Layout l = layout(ty);
                for (int i = 0; i < ops.size(); i++) {
                    Mem v = operand(f, ops.get(i));
                    p.mem().copyFrom(v, 0, p.off() + l.fields().offset(i), v.size());
                }
            }
            case AggregateKind.Adt ad -> {
                Item.Adt def = adtDef(ty);
                String name = ad.path().last() instanceof PathSegment.Ident id ? id.name() : "";
                boolean isEnum = def.kind() == Item.Adt.Kind.ENUM;
                int variant = isEnum ? variantIndex(ty, name) : 0;
                Variant vd = def.variants().get(variant);
                List<Ty> fts = fieldTys((Ty.Adt) ty, def, variant);
                for (int i = 0; i < ops.size(); i++) {
                    int fi = ad.fieldNames() == null ? i : fieldIndex(vd, ad.fieldNames().get(i));
                    long off = def.kind() == Item.Adt.Kind.UNION ? 0 : fieldOffset(ty, isEnum ? variant : -1, fi);
                    Ty fty = fts.get(fi);
                    write(new PlaceRef(p.mem(), p.off() + off, fty), operand(f, ops.get(i), fty));
                }
                if (isEnum) writeDiscriminant(p.mem(), p.off(), ty, variant);
            }
            case AggregateKind.RawPtr rp -> {
                Mem data = operand(f, ops.get(0));
                p.mem().copyFrom(data, 0, p.off(), ps);
                if (layout(ty).size() > ps) {
                    Mem meta = operand(f, ops.get(1));
                    p.mem().copyFrom(meta, 0, p.off() + ps, ps);
                }
            }
            case AggregateKind.Coroutine c -> throw new ConstEvalException("coroutine", "coroutine aggregate in " + f.where());
        }
    }

    // ------------------------------------------------------------------ operators (interpret/operator.rs)

    private Mem binary(Frame f, Rvalue.BinaryOp b, Ty dest) {
        Ty lt = operandTy(f, b.left());
        Mem l = operand(f, b.left(), lt);
        Ty rt = b.op() == Rvalue.BinOp.Offset || isShift(b.op()) ? operandTy(f, b.right()) : lt;
        Mem r = operand(f, b.right(), rt);
        return binop(b.op(), l, lt, r, rt, dest);
    }

    private static boolean isShift(Rvalue.BinOp op) {
        return op == Rvalue.BinOp.Shl || op == Rvalue.BinOp.Shr || op == Rvalue.BinOp.ShlUnchecked || op == Rvalue.BinOp.ShrUnchecked;
    }

    Mem binop(Rvalue.BinOp op, Mem l, Ty lt, Mem r, Ty rt, Ty dest) {
        if (lt instanceof Ty.Float fl) return Floats.binop(op, l, r, fl.kind(), this);
        if (isPtr(lt)) return ptrBinop(op, l, lt, r, dest);
        int size = l.size();
        boolean signed = signed(lt);
        BigInteger a = l.readInt(0, size, signed), c = r.readInt(0, r.size(), signed(rt));
        BigInteger res;
        switch (op) {
            case Eq: return boolMem(a.equals(c));
            case Ne: return boolMem(!a.equals(c));
            case Lt: return boolMem(a.compareTo(c) < 0);
            case Le: return boolMem(a.compareTo(c) <= 0);
            case Gt: return boolMem(a.compareTo(c) > 0);
            case Ge: return boolMem(a.compareTo(c) >= 0);
            case Cmp: {
                Mem m = new Mem(1, dest);
                m.writeInt(0, 1, BigInteger.valueOf(a.compareTo(c)));
                return m;
            }
            case Shl, Shr, ShlUnchecked, ShrUnchecked: {
                int bits = size * 8;
                boolean overflow = c.signum() < 0 || c.compareTo(BigInteger.valueOf(bits)) >= 0;
                if (overflow && (op == Rvalue.BinOp.ShlUnchecked || op == Rvalue.BinOp.ShrUnchecked)) {
                    throw new ConstEvalException("UB", "shift by " + c + " overflows " + lt);
                }
                int amount = c.mod(BigInteger.valueOf(bits)).intValue();
                res = op == Rvalue.BinOp.Shl || op == Rvalue.BinOp.ShlUnchecked ? a.shiftLeft(amount) : a.shiftRight(amount);
                return intMem(wrap(res, size, signed), size, lt);
            }
            case BitAnd: res = a.and(c); break;
            case BitOr: res = a.or(c); break;
            case BitXor: res = a.xor(c); break;
            case Div, Rem: {
                if (c.signum() == 0) throw new ConstEvalException("panic", "division by zero");
                res = op == Rvalue.BinOp.Div ? a.divide(c) : a.remainder(c);
                if (!wrap(res, size, signed).equals(res)) throw new ConstEvalException("panic", "overflow in " + op);
                break;
            }
            case Add, AddUnchecked, AddWithOverflow: res = a.add(c); break;
            case Sub, SubUnchecked, SubWithOverflow: res = a.subtract(c); break;
            case Mul, MulUnchecked, MulWithOverflow: res = a.multiply(c); break;
            default: throw new ConstEvalException("operator", op + " on " + lt);
        }
        BigInteger w = wrap(res, size, signed);
        boolean overflow = !w.equals(res);
        switch (op) {
            case AddUnchecked, SubUnchecked, MulUnchecked -> {
                if (overflow) throw new ConstEvalException("UB", "overflow in " + op + " on " + lt);
            }
            case AddWithOverflow, SubWithOverflow, MulWithOverflow -> {
                Layout dl = layout(dest);
                Mem m = new Mem((int) dl.size(), dest);
                m.writeInt(dl.fields().offset(0), size, w);
                m.writeInt(dl.fields().offset(1), 1, overflow ? BigInteger.ONE : BigInteger.ZERO);
                return m;
            }
            default -> { }
        }
        return intMem(w, size, lt);
    }

    private Mem ptrBinop(Rvalue.BinOp op, Mem l, Ty lt, Mem r, Ty dest) {
        Mem.Ptr a = l.readPtr(0, ps);
        if (op == Rvalue.BinOp.Offset) {
            long n = r.readInt(0, r.size(), true).longValueExact() * layout(pointee(lt)).size();
            Mem m = copyOf(l);
            m.writePtr(0, ps, new Mem.Ptr(a.prov(), a.offset() + n));
            return m;
        }
        Mem.Ptr b = r.readPtr(0, ps);
        boolean comparable = a.prov() == null && b.prov() == null || a.prov() != null && a.prov().equals(b.prov());
        if (!comparable) throw new ConstEvalException("pointer comparison", "comparing pointers into different allocations at compile time");
        int cmp = Long.compareUnsigned(a.offset(), b.offset());
        if (cmp == 0 && l.size() > ps) cmp = l.readUint(ps, ps).compareTo(r.readUint(ps, ps));
        return switch (op) {
            case Eq -> boolMem(cmp == 0);
            case Ne -> boolMem(cmp != 0);
            case Lt -> boolMem(cmp < 0);
            case Le -> boolMem(cmp <= 0);
            case Gt -> boolMem(cmp > 0);
            case Ge -> boolMem(cmp >= 0);
            default -> throw new ConstEvalException("operator", op + " on pointers");
        };
    }

    private Mem unary(Frame f, Rvalue.UnaryOp u, Ty dest) {
        Ty t = operandTy(f, u.operand());
        Mem v = operand(f, u.operand(), t);
        return switch (u.op()) {
            case Not -> t instanceof Ty.Bool ? boolMem(v.readUint(0, 1).signum() == 0)
                    : intMem(wrap(v.readInt(0, v.size(), signed(t)).not(), v.size(), signed(t)), v.size(), t);
            case Neg -> {
                if (t instanceof Ty.Float) {
                    Mem m = copyOf(v);
                    m.bytes[m.size() - 1] ^= (byte) 0x80;
                    yield m;
                }
                yield intMem(wrap(v.readInt(0, v.size(), true).negate(), v.size(), signed(t)), v.size(), t);
            }
            case PtrMetadata -> {
                Mem m = new Mem((int) layout(dest).size(), dest);
                if (m.size() > 0) m.copyFrom(v, ps, 0, m.size());
                yield m;
            }
        };
    }

    // ------------------------------------------------------------------ casts (interpret/cast.rs)

    private Mem cast(Frame f, Rvalue.Cast c, Ty dest) {
        Ty st = operandTy(f, c.operand());
        Mem v = operand(f, c.operand(), st);
        Layout dl = layout(dest);
        Mem out = new Mem((int) dl.size(), dest);
        switch (c.kind()) {
            case CastKind.Simple s -> {
                switch (s) {
                    case IntToInt -> {
                        BigInteger x;
                        if (st instanceof Ty.Adt && adtDef(st).kind() == Item.Adt.Kind.ENUM) x = LayoutCx.discriminants(adtDef(st)).get(readDiscriminant(v, 0, st));
                        else x = st instanceof Ty.Char || st instanceof Ty.Bool ? v.readUint(0, v.size()) : v.readInt(0, v.size(), signed(st));
                        out.writeInt(0, out.size(), wrap(x, out.size(), signed(dest)));
                    }
                    case IntToFloat -> out.writeInt(0, out.size(), Floats.fromInt(v.readInt(0, v.size(), signed(st)), ((Ty.Float) dest).kind()));
                    case FloatToInt -> out.writeInt(0, out.size(), Floats.toInt(v.readUint(0, v.size()), ((Ty.Float) st).kind(), out.size(), signed(dest)));
                    case FloatToFloat -> out.writeInt(0, out.size(), Floats.convert(v.readUint(0, v.size()), ((Ty.Float) st).kind(), ((Ty.Float) dest).kind()));
                    case PtrToPtr, FnPtrToPtr, Subtype -> out.copyFrom(v, 0, 0, Math.min(out.size(), v.size()));
                    case Transmute -> {
                        if (v.size() != out.size()) throw new ConstEvalException("UB", "transmute between sizes " + v.size() + " and " + out.size());
                        out.copyFrom(v, 0, 0, v.size());
                    }
                    case PointerExposeProvenance -> {
                        Mem.Ptr p = v.readPtr(0, ps);
                        if (p.prov() != null) throw new ConstEvalException("pointer to int", "exposing a pointer's address at compile time");
                        out.writeLong(0, out.size(), p.offset());
                    }
                    case PointerWithExposedProvenance -> out.writeInt(0, ps, v.readUint(0, v.size()));
                }
            }
            case CastKind.PointerCoercion pc -> {
                switch (pc.coercion()) {
                    case ReifyFnPointer -> {
                        if (!(st instanceof Ty.FnDef fd)) throw new ConstEvalException("cast", "reify of " + st);
                        MonoItem.Fn fn = c.operand() instanceof Operand.Constant k && k.constant().value() instanceof ConstValue.FnItem fi
                                ? fnInstance(f, fi.path()) : fnInstance(f, fd.path());
                        out.writePtr(0, ps, new Mem.Ptr(new Mem.Prov.Fn(fn), 0));
                    }
                    case UnsafeFnPointer, MutToConstPointer, ArrayToPointer -> out.copyFrom(v, 0, 0, Math.min(out.size(), v.size()));
                    case Unsize -> unsize(v, st, out, 0, dest);
                    case ClosureFnPointer -> {
                        // cast.rs: Instance::resolve_closure(.., ClosureKind::FnOnce), the closure-once shim unless the closure is FnOnce
                        if (!(st instanceof Ty.Closure cl)) throw new ConstEvalException("cast", "closure fn pointer of " + st);
                        Resolver.ClosureInfo info = resolver.closureInfo(cl);
                        dev.mirlink.mir.traits.TraitRef ref = new dev.mirlink.mir.traits.TraitRef("core::ops::function::FnOnce", cl,
                                List.of(new GenericArg.Type(new Ty.Tuple(info.sig().inputs()))));
                        if (!(resolver.traitMethod(ref, "call_once", List.of()) instanceof Resolver.Callee.Instance ci)) {
                            throw new ConstEvalException("cast", "closure fn pointer of " + st);
                        }
                        out.writePtr(0, ps, new Mem.Ptr(new Mem.Prov.Fn(ci.fn()), 0));
                    }
                }
            }
        }
        return out;
    }

    /** {@code CoerceUnsized}: a pointer (or a struct wrapping one) to {@code [T; N]} or {@code T} becomes one to {@code [T]} or {@code dyn}. */
    private void unsize(Mem v, Ty st, Mem out, long off, Ty dt) {
        if (isPtr(st) && isPtr(dt)) {
            Ty sp = pointee(st), dp = pointee(dt);
            out.copyFrom(v, 0, off, ps);
            if (tailKind(dp) == Tail.LEN && sp instanceof Ty.Array a) out.writeLong(off + ps, ps, arrayLen(a));
            else if (tailKind(dp) == Tail.DYN && tailKind(sp) == Tail.DYN) out.copyFrom(v, ps, off + ps, ps);
            else if (tailKind(dp) == Tail.DYN) out.writePtr(off + ps, ps, new Mem.Ptr(new Mem.Prov.VTable(sp, tail(dp)), 0));
            else throw new ConstEvalException("cast", "unsize " + st + " to " + dt);
            return;
        }
        if (st instanceof Ty.Adt sa && dt instanceof Ty.Adt da) {
            Item.Adt def = adtDef(sa);
            List<Ty> sf = fieldTys(sa, def, 0), df = fieldTys(da, def, 0);
            Layout sl = layout(st), dl = layout(dt);
            for (int i = 0; i < sf.size(); i++) {
                Mem fv = new Mem((int) layout(sf.get(i)).size(), sf.get(i));
                fv.copyFrom(v, sl.fields().offset(i), 0, fv.size());
                if (sf.get(i).equals(df.get(i))) out.copyFrom(fv, 0, off + dl.fields().offset(i), fv.size());
                else unsize(fv, sf.get(i), out, off + dl.fields().offset(i), df.get(i));
            }
            return;
        }
        throw new ConstEvalException("cast", "unsize " + st + " to " + dt);
    }

    // ------------------------------------------------------------------ calls (interpret/call.rs)

    private void call(Frame f, Terminator.Call c) {
        PlaceRef dest = place(f, c.destination());
        Ty ft = operandTy(f, c.func());
        List<Mem> args = new ArrayList<>();
        List<Ty> argTys = new ArrayList<>();
        for (Operand o : c.args()) {
            Ty t = operandTy(f, o);
            argTys.add(t);
            args.add(operand(f, o, t));
        }
        Resolver.Callee callee;
        if (c.func() instanceof Operand.Constant k && k.constant().value() instanceof ConstValue.FnItem fi) {
            callee = resolver.callee(f.crate, f.subst.path(fi.path()), argTys);
        } else if (ft instanceof Ty.FnPtr) {
            Mem.Ptr p = operand(f, c.func()).readPtr(0, ps);
            if (!(p.prov() instanceof Mem.Prov.Fn fn)) throw new ConstEvalException("call", "call through a non-fn pointer");
            callee = new Resolver.Callee.Instance(fn.instance());
        } else if (ft instanceof Ty.FnDef fd) {
            callee = resolver.callee(f.crate, fd.path(), argTys);
        } else {
            throw new ConstEvalException("call", "call of " + c.func() + " in " + f.where());
        }
        Mem ret = invoke(f, callee, args, argTys, dest.ty());
        if (ret != null) write(dest, ret);
    }

    /** Runs {@code callee} on {@code args}; the return value, or null when the callee wrote nothing. */
    Mem invoke(Frame f, Resolver.Callee callee, List<Mem> args, List<Ty> argTys, Ty retTy) {
        switch (callee) {
            case Resolver.Callee.Intrinsic in -> {
                Mem r = Intrinsics.call(this, f, DefPaths.last(in.defPath()), in.args(), args, argTys, retTy);
                if (r != Intrinsics.FALLBACK) return r;
                // a fallback codegen does not use still runs at compile time
                if (!in.hasFallback() && !Resolver.REPLACED_INTRINSICS.contains(DefPaths.last(in.defPath()))) throw new ConstEvalException("intrinsic", "unsupported intrinsic `" + in.defPath() + "` in " + f.where());
                return callFn(MonoItem.Fn.item(in.defPath(), in.args()), args);
            }
            case Resolver.Callee.Instance i -> {
                return callFn(i.fn(), args);
            }
            case Resolver.Callee.NoOp n -> { return null; }
            case Resolver.Callee.Virtual v -> throw new ConstEvalException("dyn call", "virtual call of " + v.traitMethod() + " in " + f.where());
            case Resolver.Callee.Foreign fo -> throw new ConstEvalException("foreign call", "call of foreign fn `" + fo.symbol() + "` in " + f.where());
        }
    }

    Mem callFn(MonoItem.Fn fn, List<Mem> args) {
        if (fn.defPath().startsWith("core::panicking::") || fn.defPath().startsWith("std::panicking::")
                || fn.defPath().equals("core::panic::panic_2021") || fn.defPath().startsWith("core::option::expect_failed")) {
            throw new ConstEvalException("panic", "evaluation panicked (" + fn.defPath() + ")");
        }
        if (fn.kind() != MonoItem.InstanceKind.ITEM) throw new ConstEvalException("shim", "call of " + fn.kind() + " " + fn.defPath());
        MirEntry.BodyEntry b = ev.fnBody(fn.defPath());
        if (b == null) throw new ConstEvalException("no MIR", "no MIR for `" + fn.defPath() + "`");
        Body body = b.body();
        if (body.argCount() != args.size() && args.size() == 2 && fn.defPath().contains("{closure#")) {
            // "rust-call": the closure's arguments come as one tuple
            Mem tuple = args.get(1);
            Ty tt = tuple.ty;
            List<Mem> untupled = new ArrayList<>(List.of(args.get(0)));
            if (tt instanceof Ty.Tuple t) {
                Layout l = layout(tt);
                for (int i = 0; i < t.elements().size(); i++) {
                    Mem e = new Mem((int) layout(t.elements().get(i)).size(), t.elements().get(i));
                    e.copyFrom(tuple, l.fields().offset(i), 0, e.size());
                    untupled.add(e);
                }
            }
            args = untupled;
        }
        Subst s = resolver.substFor(fn.defPath(), fn.args());
        if (TRACE) System.err.println("  ".repeat(depth) + "call " + fn.defPath() + " " + fn.args() + " " + args.stream().map(Interp::hex).toList());
        return run(fn.defPath(), Program.crateOf(fn.defPath()), s, body, b.allocations(), args);
    }

    // ------------------------------------------------------------------ discriminants (interpret/discriminant.rs)

    void writeDiscriminant(Mem m, long off, Ty ty, int variant) {
        Layout l = layout(ty);
        switch (l.variants()) {
            case Variants.Single s -> {
                if (s.index() != variant) throw new ConstEvalException("UB", "writing variant " + variant + " of single-variant " + ty);
            }
            case Variants.Empty e -> throw new ConstEvalException("UB", "writing a variant of uninhabited " + ty);
            case Variants.Multiple mv -> {
                long tagOff = off + l.fields().offset(mv.tagField());
                int size = mv.tag().size();
                switch (mv.encoding()) {
                    case Variants.Direct d -> m.writeInt(tagOff, size, LayoutCx.discriminants(adtDef(ty)).get(variant));
                    case Variants.Niche n -> {
                        if (variant != n.untaggedVariant()) {
                            BigInteger v = BigInteger.valueOf(variant - n.nicheVariantsStart()).add(n.nicheStart());
                            m.writeInt(tagOff, size, v);
                        }
                    }
                }
            }
        }
    }

    int readDiscriminant(Mem m, long off, Ty ty) {
        Layout l = layout(ty);
        return switch (l.variants()) {
            case Variants.Single s -> s.index();
            case Variants.Empty e -> throw new ConstEvalException("UB", "reading the discriminant of uninhabited " + ty);
            case Variants.Multiple mv -> {
                long tagOff = off + l.fields().offset(mv.tagField());
                int size = mv.tag().size();
                yield switch (mv.encoding()) {
                    case Variants.Direct d -> {
                        BigInteger tag = m.readInt(tagOff, size, mv.tag().primitive().signed());
                        List<BigInteger> ds = LayoutCx.discriminants(adtDef(ty));
                        for (int i = 0; i < ds.size(); i++) if (wrap(ds.get(i), size, mv.tag().primitive().signed()).equals(tag)) yield i;
                        throw new ConstEvalException("UB", "invalid tag " + tag + " for " + ty);
                    }
                    case Variants.Niche n -> {
                        if (m.prov.containsKey(tagOff)) yield n.untaggedVariant();
                        BigInteger tag = m.readUint(tagOff, size);
                        BigInteger rel = wrap(tag.subtract(n.nicheStart()), size, false);
                        if (rel.compareTo(BigInteger.valueOf(n.nicheVariantsEnd() - n.nicheVariantsStart())) <= 0) {
                            int v = n.nicheVariantsStart() + rel.intValueExact();
                            if (v == n.untaggedVariant()) throw new ConstEvalException("UB", "invalid niche tag for " + ty);
                            yield v;
                        }
                        yield n.untaggedVariant();
                    }
                };
            }
        };
    }

    int variantIndex(Ty ty, String name) {
        Item.Adt def = adtDef(ty);
        for (int i = 0; i < def.variants().size(); i++) if (def.variants().get(i).name().equals(name)) return i;
        if (def.kind() != Item.Adt.Kind.ENUM) return 0;
        throw new ConstEvalException("variant", "no variant " + name + " in " + def.defPath());
    }

    private static int fieldIndex(Variant v, String name) {
        for (int i = 0; i < v.fields().size(); i++) if (v.fields().get(i).name().equals(name)) return i;
        throw new ConstEvalException("field", "no field " + name + " in variant " + v.name());
    }

    // ------------------------------------------------------------------ types

    Layout layout(Ty t) {
        return ev.layout(t);
    }

    Item.Adt adtDef(Ty t) {
        Item.Adt def = t instanceof Ty.Adt a ? ev.lcx.adtDef(a) : null;
        if (def == null) throw new ConstEvalException("type", "not an ADT: " + t);
        return def;
    }

    /** The field types of variant {@code v} of an ADT type, args substituted, canonical. */
    List<Ty> fieldTys(Ty.Adt t, Item.Adt def, int v) {
        List<GenericArg> args = t.path().last() instanceof PathSegment.Ident id ? id.args() : List.of();
        List<GenericArg> nonLt = new ArrayList<>();
        for (GenericArg g : args) if (!(g instanceof GenericArg.Lifetime)) nonLt.add(g);
        Map<String, GenericArg> m = new HashMap<>();
        int k = 0;
        for (dev.mirlink.mir.item.GenericParam gp : def.generics().params()) {
            if (gp instanceof dev.mirlink.mir.item.GenericParam.Lifetime) continue;
            if (k < nonLt.size()) m.put(gp.name(), nonLt.get(k++));
            else if (gp instanceof dev.mirlink.mir.item.GenericParam.Type ty && ty.defaultTy() != null) m.put(gp.name(), new GenericArg.Type(new Subst(m).ty(ty.defaultTy())));
        }
        Subst s = new Subst(m);
        List<Ty> out = new ArrayList<>();
        for (dev.mirlink.mir.item.Field fl : def.variants().get(v).fields()) out.add(resolver.tyIn(def.defPath(), s.ty(fl.ty())));
        return out;
    }

    static boolean isPtr(Ty t) {
        return t instanceof Ty.Ref || t instanceof Ty.RawPtr || t instanceof Ty.FnPtr;
    }

    private static boolean isBox(Ty t) {
        return t instanceof Ty.Adt a && ConstEvaluator.adtPath(a).equals("alloc::boxed::Box");
    }

    static Ty pointee(Ty t) {
        return switch (t) {
            case Ty.Ref r -> r.pointee();
            case Ty.RawPtr r -> r.pointee();
            case Ty.Adt a when isBox(a) -> ((GenericArg.Type) ((PathSegment.Ident) a.path().last()).args().get(0)).ty();
            default -> throw new ConstEvalException("type", "not a pointer: " + t);
        };
    }

    static Ty element(Ty t) {
        return switch (t) {
            case Ty.Array a -> a.element();
            case Ty.Slice s -> s.element();
            case Ty.Str s -> new Ty.Int(Ty.IntTy.U8);
            default -> throw new ConstEvalException("type", "not an array or slice: " + t);
        };
    }

    static long arrayLen(Ty.Array a) {
        if (a.length() instanceof TyConst.Value v) return v.bits().longValueExact();
        if (a.length() instanceof TyConst.Unevaluated u && u.text().matches("\\d[\\d_]*(_?usize)?")) {
            return Long.parseLong(u.text().replace("usize", "").replace("_", ""));
        }
        throw new ConstEvalException("type", "array length not evaluated: " + a);
    }

    enum Tail { NONE, LEN, DYN }

    Ty tail(Ty t) {
        for (int i = 0; i < 32; i++) {
            if (t instanceof Ty.Tuple tu && !tu.elements().isEmpty()) t = tu.elements().get(tu.elements().size() - 1);
            else if (t instanceof Ty.Adt a && ev.lcx.adtDef(a) instanceof Item.Adt def && def.kind() == Item.Adt.Kind.STRUCT && !def.fields().isEmpty()) {
                List<Ty> fs = fieldTys(a, def, 0);
                t = fs.get(fs.size() - 1);
            } else return t;
        }
        return t;
    }

    Tail tailKind(Ty t) {
        return switch (tail(t)) {
            case Ty.Slice s -> Tail.LEN;
            case Ty.Str s -> Tail.LEN;
            case Ty.Dynamic d -> Tail.DYN;
            default -> Tail.NONE;
        };
    }

    boolean isUnsized(Ty t) {
        return tailKind(t) != Tail.NONE;
    }

    static boolean signed(Ty t) {
        return t instanceof Ty.Int i && i.kind().signed();
    }

    /** Whether dropping a value of {@code t} runs code (rustc's {@code needs_drop}, approximately: Drop impls and owning std types). */
    boolean needsDrop(Ty t) {
        return needsDrop(t, 0);
    }

    private boolean needsDrop(Ty t, int depth) {
        if (depth > 24) return true;
        return switch (t) {
            case Ty.Bool b -> false;
            case Ty.Char c -> false;
            case Ty.Int i -> false;
            case Ty.Float fl -> false;
            case Ty.Never n -> false;
            case Ty.Ref r -> false;
            case Ty.RawPtr r -> false;
            case Ty.FnPtr fp -> false;
            case Ty.FnDef fd -> false;
            case Ty.Str s -> false;
            case Ty.Array a -> arrayLenOrOne(a) != 0 && needsDrop(a.element(), depth + 1);
            case Ty.Slice s -> needsDrop(s.element(), depth + 1);
            case Ty.Tuple tu -> tu.elements().stream().anyMatch(e -> needsDrop(e, depth + 1));
            case Ty.Closure c -> true;
            case Ty.Adt a -> {
                Item.Adt def = ev.lcx.adtDef(a);
                if (def == null) yield true;
                String p = def.defPath();
                if (p.equals("core::mem::manually_drop::ManuallyDrop") || p.equals("core::mem::maybe_uninit::MaybeUninit")) yield false;
                if (hasDropImpl(a, p)) yield true;
                if (def.kind() == Item.Adt.Kind.UNION) yield false;
                for (int v = 0; v < def.variants().size(); v++) {
                    for (Ty ft : fieldTys(a, def, v)) if (needsDrop(ft, depth + 1)) yield true;
                }
                yield false;
            }
            default -> true;
        };
    }

    private static long arrayLenOrOne(Ty.Array a) {
        try {
            return arrayLen(a);
        } catch (ConstEvalException e) {
            return 1;
        }
    }

    private boolean hasDropImpl(Ty.Adt a, String defPath) {
        return ev.dropImpls.computeIfAbsent(defPath, k -> findDropImpl(defPath));
    }

    private boolean findDropImpl(String defPath) {
        for (dev.mirlink.mir.item.ItemTable t : ev.program.tables().all()) {
            for (Item.Impl impl : t.impls()) {
                if (impl.traitRef() == null || impl.negative()) continue;
                if (!(impl.traitRef().last() instanceof PathSegment.Ident id) || !id.name().equals("Drop")) continue;
                if (impl.selfTy() instanceof Ty.Adt s) {
                    String sp;
                    try {
                        sp = resolver.tyIn(impl.defPath(), new Ty.Adt(stripArgs(s.path()))) instanceof Ty.Adt c ? ConstEvaluator.adtPath(c) : "";
                    } catch (dev.mirlink.mir.traits.TraitSelectionException | dev.mirlink.driver.collect.CollectException e) {
                        // a type declared in a method body (<DrainSorted<..> as Drop>::drop::DropGuard): has no item, see needsDrop
                        continue;
                    }
                    if (sp.equals(defPath)) return true;
                }
            }
        }
        return false;
    }

    private static Path stripArgs(Path p) {
        List<PathSegment> out = new ArrayList<>();
        for (PathSegment s : p.segments()) out.add(s instanceof PathSegment.Ident id ? new PathSegment.Ident(id.name()) : s);
        return new Path(out);
    }

    // ------------------------------------------------------------------ scalars

    static BigInteger wrap(BigInteger v, int size, boolean signed) {
        int bits = size * 8;
        BigInteger m = v.and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
        return signed && m.testBit(bits - 1) ? m.subtract(BigInteger.ONE.shiftLeft(bits)) : m;
    }

    static BigInteger uint(Mem m) {
        return m.readUint(0, m.size());
    }

    static Mem boolMem(boolean b) {
        Mem m = new Mem(1, BOOL);
        m.bytes[0] = (byte) (b ? 1 : 0);
        return m;
    }

    static Mem intMem(BigInteger v, int size, Ty ty) {
        Mem m = new Mem(size, ty);
        m.writeInt(0, size, v);
        return m;
    }

    Mem usize(long v) {
        return intMem(BigInteger.valueOf(v), ps, USIZE);
    }

    Mem.Ptr ptrOf(Mem m) {
        return m.readPtr(0, ps);
    }

    int ptrSize() {
        return ps;
    }

    void copyPtr(Mem.Ptr src, Mem.Ptr dst, long n) {
        if (n == 0) return;
        Mem s = memOf(src), d = memOf(dst);
        d.copyFrom(s, src.offset(), dst.offset(), n);
    }

    Mem memOf(Mem.Ptr p) {
        return switch (p.prov()) {
            case Mem.Prov.Alloc a -> a.mem();
            case Mem.Prov.Static s -> ev.staticValue(s.defPath());
            case null, default -> throw new ConstEvalException("UB", "memory access through pointer " + p);
        };
    }

    ConstEvaluator evaluator() {
        return ev;
    }

    Resolver resolver() {
        return resolver;
    }
}
