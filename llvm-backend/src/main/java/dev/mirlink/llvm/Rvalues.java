package dev.mirlink.llvm;

import dev.mirlink.llvm.Values.OperandRef;
import dev.mirlink.llvm.Values.OperandValue;
import dev.mirlink.llvm.Values.PlaceRef;
import dev.mirlink.mir.body.AggregateKind;
import dev.mirlink.mir.body.CastKind;
import dev.mirlink.mir.body.Operand;
import dev.mirlink.mir.body.Rvalue;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.Variant;
import dev.mirlink.mir.layout.Abi;
import dev.mirlink.mir.layout.Layout;
import dev.mirlink.mir.layout.LayoutCx;
import dev.mirlink.mir.layout.Primitive;
import dev.mirlink.mir.layout.Scalar;
import dev.mirlink.mir.layout.Variants;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.llvm.global.LLVM.*;

/**
 * Rvalues into places (rustc_codegen_ssa/src/mir/rvalue.rs): casts, operators, aggregates, and
 * enum discriminants read and written through their tag or niche (place.rs {@code codegen_get_discr},
 * {@code codegen_set_discr}).
 */
public final class Rvalues {
    private final FunctionCx fx;
    private final ModuleCx cx;
    private final LLVMBuilderRef b;

    Rvalues(FunctionCx fx) {
        this.fx = fx;
        this.cx = fx.cx;
        this.b = fx.b;
    }

    void assign(PlaceRef dest, Rvalue rv) {
        switch (rv) {
            case Rvalue.Aggregate a -> aggregate(dest, a);
            case Rvalue.Repeat r -> repeat(dest, fx.operand(r.operand(), FunctionCx.element(dest.ty())));
            default -> fx.store(operand(rv, dest.ty(), dest.layout()), dest);
        }
    }

    /** A non-aggregate rvalue's value, of type {@code ty}. */
    OperandRef operand(Rvalue rv, Ty ty, Layout l) {
        return switch (rv) {
            case Rvalue.Use u -> fx.operand(u.operand(), ty);
            case Rvalue.CopyForDeref c -> fx.load(fx.place(c.place()));
            case Rvalue.WrapUnsafeBinder w -> fx.operand(w.operand(), null);
            case Rvalue.Ref r -> address(fx.place(r.place()), ty, l);
            case Rvalue.RawPtr r -> address(fx.place(r.place()), ty, l);
            case Rvalue.ThreadLocalRef t -> {
                LLVMValueRef g = cx.global(fx.fn.threadLocal(t.path()));
                // declared here when another unit defines it: the declaration must say thread-local too
                LLVMSetThreadLocal(g, 1);
                yield imm(fx.call(cx.intrinsic("llvm.threadlocal.address", cx.ptr), cx.intrinsicType("llvm.threadlocal.address", cx.ptr), g), ty, l);
            }
            case Rvalue.Cast c -> cast(c, ty, l);
            case Rvalue.BinaryOp bo -> binary(bo.op(), fx.operand(bo.left()), fx.operand(bo.right()), ty, l);
            case Rvalue.UnaryOp u -> unary(u.op(), fx.operand(u.operand()), ty, l);
            case Rvalue.Discriminant d -> imm(discriminant(fx.place(d.place()), ty), ty, l);
            case Rvalue.Aggregate a -> {
                PlaceRef tmp = fx.alloca(ty, l, "agg");
                aggregate(tmp, a);
                yield fx.load(tmp);
            }
            case Rvalue.Repeat r -> {
                PlaceRef tmp = fx.alloca(ty, l, "rep");
                repeat(tmp, fx.operand(r.operand(), FunctionCx.element(ty)));
                yield fx.load(tmp);
            }
        };
    }

    OperandRef imm(LLVMValueRef v, Ty ty, Layout l) {
        return new OperandRef(new OperandValue.Immediate(v), ty, l);
    }

    private OperandRef address(PlaceRef p, Ty ty, Layout l) {
        if (p.meta() == null) return imm(p.ptr(), ty, l);
        return new OperandRef(new OperandValue.Pair(p.ptr(), p.meta()), ty, l);
    }

    // ---- aggregates

    private void aggregate(PlaceRef dest, Rvalue.Aggregate a) {
        // a value of an uninhabited type is never built at run time (ControlFlow<!, Infallible>::Break)
        if (dest.layout().uninhabited()) return;
        List<Operand> ops = a.operands();
        switch (a.kind()) {
            case AggregateKind.Array ar -> {
                Ty elem = FunctionCx.element(dest.ty());
                long stride = fx.layout(elem).size();
                for (int i = 0; i < ops.size(); i++) {
                    fx.store(fx.operand(ops.get(i), elem), new PlaceRef(fx.gep(dest.ptr(), i * stride), null, elem, fx.layout(elem),
                            Values.restrict(dest.align(), i * stride), -1));
                }
            }
            case AggregateKind.Tuple t -> fields(dest, ops, ((Ty.Tuple) dest.ty()).elements());
            case AggregateKind.Closure c -> {
                // rustc's MIR text can drop captures (collect.ClosureCaptures restores those it can)
                if (ops.size() != dest.layout().fields().count()) {
                    throw fx.unsupported("closure aggregate with " + ops.size() + " of " + dest.layout().fields().count() + " captures");
                }
                fields(dest, ops, null);
            }
            case AggregateKind.Adt adt -> {
                Item.Adt def = fx.env.adtDef((Ty.Adt) dest.ty());
                if (def == null) throw fx.unsupported("aggregate of unknown type " + dest.ty());
                String name = adt.path().last() instanceof PathSegment.Ident id ? id.name() : "";
                int variant = def.kind() == Item.Adt.Kind.ENUM ? variantIndex(dest.ty(), name) : 0;
                Variant vd = def.variants().get(variant);
                PlaceRef target = def.kind() == Item.Adt.Kind.ENUM
                        ? new PlaceRef(dest.ptr(), null, dest.ty(), dest.layout(), dest.align(), variant) : dest;
                for (int i = 0; i < ops.size(); i++) {
                    int fi = adt.fieldNames() == null ? i : fieldIndex(vd, adt.fieldNames().get(i));
                    OperandRef v = fx.operand(ops.get(i));
                    fx.store(v, fx.field(target, fi, v.ty()));
                }
                if (def.kind() == Item.Adt.Kind.ENUM) setDiscriminant(dest, variant);
            }
            case AggregateKind.RawPtr r -> {
                OperandRef data = fx.operand(ops.get(0));
                if (dest.layout().abi() instanceof Abi.ScalarPair) {
                    OperandRef meta = fx.operand(ops.get(1));
                    fx.store(new OperandRef(new OperandValue.Pair(fx.immediateOf(data), fx.immediateOf(meta)), dest.ty(), dest.layout()), dest);
                } else {
                    fx.store(imm(fx.immediateOf(data), dest.ty(), dest.layout()), dest);
                }
            }
            case AggregateKind.Coroutine c -> throw fx.unsupported("coroutine");
        }
    }

    /** Tuple and closure fields in order; {@code tys} null takes each operand's own type. */
    private void fields(PlaceRef dest, List<Operand> ops, List<Ty> tys) {
        for (int i = 0; i < ops.size(); i++) {
            OperandRef v = fx.operand(ops.get(i), tys == null ? null : tys.get(i));
            fx.store(v, fx.field(dest, i, v.ty()));
        }
    }

    private static int fieldIndex(Variant v, String name) {
        for (int i = 0; i < v.fields().size(); i++) if (v.fields().get(i).name().equals(name)) return i;
        throw new LlvmException("no field " + name + " in " + v.name());
    }

    int variantIndex(Ty ty, String name) {
        Item.Adt def = fx.env.adtDef((Ty.Adt) ty);
        for (int i = 0; i < def.variants().size(); i++) if (def.variants().get(i).name().equals(name)) return i;
        if (def.kind() != Item.Adt.Kind.ENUM) return 0;
        throw fx.unsupported("variant " + name + " of " + ty);
    }

    /** {@code [v; N]} as a loop over the elements (LLVM turns a byte fill into a memset). */
    private void repeat(PlaceRef dest, OperandRef v) {
        long n = FunctionCx.arrayLength((Ty.Array) dest.ty());
        if (n == 0 || v.layout().size() == 0) return;
        long stride = v.layout().size();
        if (n <= 4) {
            for (long i = 0; i < n; i++) {
                fx.store(v, new PlaceRef(fx.gep(dest.ptr(), i * stride), null, v.ty(), v.layout(), Values.restrict(dest.align(), i * stride), -1));
            }
            return;
        }
        LLVMBasicBlockRef before = LLVMGetInsertBlock(b);
        LLVMBasicBlockRef loop = LLVMAppendBasicBlockInContext(cx.llcx, fx.llfn, "repeat");
        LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(cx.llcx, fx.llfn, "repeat.done");
        LLVMBuildBr(b, loop);
        LLVMPositionBuilderAtEnd(b, loop);
        LLVMValueRef i = LLVMBuildPhi(b, cx.isize, "i");
        LLVMValueRef at = LLVMBuildInBoundsGEP2(b, cx.i8, dest.ptr(), ModuleCx.pp(LLVMBuildMul(b, i, cx.usize(stride), "")), 1, "");
        fx.store(v, new PlaceRef(at, null, v.ty(), v.layout(), Math.min(dest.align(), v.layout().align()), -1));
        LLVMValueRef next = LLVMBuildAdd(b, i, cx.usize(1), "");
        LLVMAddIncoming(i, ModuleCx.pp(cx.usize(0), next), ModuleCx.pp(before, LLVMGetInsertBlock(b)), 2);
        LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntULT, next, cx.usize(n), ""), loop, done);
        LLVMPositionBuilderAtEnd(b, done);
    }

    // ---- discriminants

    /** The discriminant of the enum at {@code p}, as an integer of type {@code ty}. */
    LLVMValueRef discriminant(PlaceRef p, Ty ty) {
        LLVMTypeRef t = cx.memType(((Abi.ScalarAbi) fx.layout(ty).abi()).scalar().primitive());
        Item.Adt def = p.ty() instanceof Ty.Adt a ? fx.env.adtDef(a) : null;
        if (def == null || def.kind() != Item.Adt.Kind.ENUM) return LLVMConstInt(t, 0, 0);
        List<BigInteger> discrs = LayoutCx.discriminants(def);
        return switch (p.layout().variants()) {
            case Variants.Empty e -> LLVMGetPoison(t);
            case Variants.Single s -> cx.constInt(t, discrs.get(s.index()));
            case Variants.Multiple m -> {
                long tagOff = p.layout().fields().offset(m.tagField());
                LLVMValueRef tag = LLVMBuildLoad2(b, cx.memType(m.tag().primitive()), fx.gep(p.ptr(), tagOff), "");
                LLVMSetAlignment(tag, Values.restrict(p.align(), tagOff));
                if (m.tag().primitive().kind() == Primitive.Kind.POINTER) tag = LLVMBuildPtrToInt(b, tag, cx.isize, "");
                yield switch (m.encoding()) {
                    case Variants.Direct d -> intCast(tag, t, m.tag().primitive().signed());
                    case Variants.Niche n -> {
                        if (!isIndexed(discrs)) throw fx.unsupported("niche-encoded enum with explicit discriminants " + p.ty());
                        LLVMTypeRef tt = LLVMTypeOf(tag);
                        LLVMValueRef rel = LLVMBuildSub(b, tag, cx.constInt(tt, n.nicheStart()), "");
                        long span = n.nicheVariantsEnd() - n.nicheVariantsStart();
                        LLVMValueRef isNiche = LLVMBuildICmp(b, LLVMIntULE, rel, cx.constInt(tt, BigInteger.valueOf(span)), "");
                        LLVMValueRef nicheDiscr = LLVMBuildAdd(b, intCast(rel, t, false), cx.constInt(t, BigInteger.valueOf(n.nicheVariantsStart())), "");
                        yield LLVMBuildSelect(b, isNiche, nicheDiscr, cx.constInt(t, BigInteger.valueOf(n.untaggedVariant())), "");
                    }
                };
            }
        };
    }

    private static boolean isIndexed(List<BigInteger> discrs) {
        for (int i = 0; i < discrs.size(); i++) if (!discrs.get(i).equals(BigInteger.valueOf(i))) return false;
        return true;
    }

    void setDiscriminant(PlaceRef p, int variant) {
        if (!(p.layout().variants() instanceof Variants.Multiple m)) return;
        long tagOff = p.layout().fields().offset(m.tagField());
        LLVMTypeRef tt = cx.intType(m.tag().size());
        BigInteger value;
        switch (m.encoding()) {
            case Variants.Direct d -> value = LayoutCx.discriminants(fx.env.adtDef((Ty.Adt) p.ty())).get(variant);
            case Variants.Niche n -> {
                if (variant == n.untaggedVariant()) return;
                value = BigInteger.valueOf(variant - n.nicheVariantsStart()).add(n.nicheStart());
            }
        }
        LLVMValueRef v = cx.constInt(tt, value);
        if (m.tag().primitive().kind() == Primitive.Kind.POINTER) v = LLVMConstIntToPtr(v, cx.ptr);
        LLVMValueRef st = LLVMBuildStore(b, v, fx.gep(p.ptr(), tagOff));
        LLVMSetAlignment(st, Values.restrict(p.align(), tagOff));
    }


    // ---- casts

    private OperandRef cast(Rvalue.Cast c, Ty ty, Layout l) {
        OperandRef src = fx.operand(c.operand());
        return switch (c.kind()) {
            case CastKind.Simple s -> switch (s) {
                case IntToInt -> imm(intCast(fx.immediateOf(src), immType(l), signed(src.ty())), ty, l);
                case FloatToInt -> {
                    LLVMValueRef v = fx.immediateOf(src);
                    LLVMTypeRef to = immType(l);
                    String name = signed(ty) ? "llvm.fptosi.sat" : "llvm.fptoui.sat";
                    yield imm(fx.call(cx.intrinsic(name, to, LLVMTypeOf(v)), cx.intrinsicType(name, to, LLVMTypeOf(v)), v), ty, l);
                }
                case IntToFloat -> {
                    LLVMValueRef v = fx.immediateOf(src);
                    yield imm(signed(src.ty()) ? LLVMBuildSIToFP(b, v, immType(l), "") : LLVMBuildUIToFP(b, v, immType(l), ""), ty, l);
                }
                case FloatToFloat -> {
                    LLVMValueRef v = fx.immediateOf(src);
                    yield imm(src.layout().size() < l.size() ? LLVMBuildFPExt(b, v, immType(l), "") : src.layout().size() > l.size()
                            ? LLVMBuildFPTrunc(b, v, immType(l), "") : v, ty, l);
                }
                case PtrToPtr, FnPtrToPtr -> ptrToPtr(src, ty, l);
                case PointerExposeProvenance -> imm(LLVMBuildPtrToInt(b, thinPtr(src), immType(l), ""), ty, l);
                case PointerWithExposedProvenance -> imm(LLVMBuildIntToPtr(b, fx.immediateOf(src), cx.ptr, ""), ty, l);
                case Transmute -> transmute(src, ty, l);
                case Subtype -> new OperandRef(src.value(), ty, l);
            };
            case CastKind.PointerCoercion pc -> switch (pc.coercion()) {
                case ReifyFnPointer -> imm(cx.fnAddress(fx.fn.reify(c.operand(), fx.funcTy(c.operand()))), ty, l);
                case ClosureFnPointer -> imm(cx.fnAddress(fx.fn.closureFnPointer((Ty.Closure) src.ty())), ty, l);
                case UnsafeFnPointer, MutToConstPointer, ArrayToPointer -> new OperandRef(src.value(), ty, l);
                case Unsize -> unsize(src, ty, l);
            };
        };
    }

    private LLVMTypeRef immType(Layout l) {
        return cx.immType(((Abi.ScalarAbi) l.abi()).scalar());
    }

    private static boolean signed(Ty t) {
        return t instanceof Ty.Int i && i.kind().signed();
    }

    LLVMValueRef intCast(LLVMValueRef v, LLVMTypeRef to, boolean signed) {
        int from = LLVMGetIntTypeWidth(LLVMTypeOf(v)), width = LLVMGetIntTypeWidth(to);
        if (from == width) return v;
        if (from > width) return LLVMBuildTrunc(b, v, to, "");
        // a bool is never sign-extended
        return signed && from > 1 ? LLVMBuildSExt(b, v, to, "") : LLVMBuildZExt(b, v, to, "");
    }

    private LLVMValueRef thinPtr(OperandRef p) {
        return p.value() instanceof OperandValue.Pair pair ? pair.a() : fx.immediateOf(p);
    }

    private OperandRef ptrToPtr(OperandRef src, Ty ty, Layout l) {
        if (l.abi() instanceof Abi.ScalarPair) return new OperandRef(fx.pairOf(src), ty, l);
        return imm(thinPtr(src), ty, l);
    }

    /** A bit-for-bit reinterpretation: in registers when both sides are one scalar, else through memory. */
    private OperandRef transmute(OperandRef src, Ty ty, Layout l) {
        if (l.isZst()) return new OperandRef(new OperandValue.Zst(), ty, l);
        if (src.value() instanceof OperandValue.Immediate i && l.abi() instanceof Abi.ScalarAbi s
                && src.layout().abi() instanceof Abi.ScalarAbi ss && ss.scalar().size() == s.scalar().size()) {
            return imm(bitcastScalar(i.v(), ss.scalar(), s.scalar()), ty, l);
        }
        PlaceRef tmp = fx.alloca(ty, l.align() >= src.layout().align() ? l : src.layout(), "transmute");
        fx.store(src, new PlaceRef(tmp.ptr(), src.ty(), src.layout()));
        return fx.load(new PlaceRef(tmp.ptr(), null, ty, l, Math.max(l.align(), src.layout().align()), -1));
    }

    private LLVMValueRef bitcastScalar(LLVMValueRef v, Scalar from, Scalar to) {
        if (ModuleCx.isBool(from)) v = LLVMBuildZExt(b, v, cx.i8, "");
        Primitive.Kind fk = from.primitive().kind(), tk = to.primitive().kind();
        LLVMTypeRef target = cx.memType(to.primitive());
        LLVMValueRef out;
        if (fk == tk && fk != Primitive.Kind.FLOAT) out = v;
        else if (fk == Primitive.Kind.POINTER) out = tk == Primitive.Kind.INT ? LLVMBuildPtrToInt(b, v, target, "")
                : LLVMBuildBitCast(b, LLVMBuildPtrToInt(b, v, cx.intType(from.size()), ""), target, "");
        else if (tk == Primitive.Kind.POINTER) out = LLVMBuildIntToPtr(b, fk == Primitive.Kind.INT ? v
                : LLVMBuildBitCast(b, v, cx.intType(from.size()), ""), cx.ptr, "");
        else out = LLVMBuildBitCast(b, v, target, "");
        return ModuleCx.isBool(to) ? LLVMBuildTrunc(b, out, cx.i1, "") : out;
    }

    /** Thin pointer to fat (rustc_codegen_ssa/src/base.rs {@code unsize_ptr}): an array's length or a vtable joins it. */
    private OperandRef unsize(OperandRef src, Ty ty, Layout l) {
        Ty[] pointees = lockstepTails(unsizedPointees(src.ty(), ty));
        Ty from = pointees[0], to = pointees[1];
        if (src.value() instanceof OperandValue.Pair p) {
            if (from instanceof Ty.Dynamic && to instanceof Ty.Dynamic) {
                // our vtables list supertrait methods first: an upcast to a prefix keeps the pointer
                if (!fx.env.vtablePrefix((Ty.Dynamic) from, (Ty.Dynamic) to)) throw fx.unsupported("trait upcasting " + from + " to " + to);
                return new OperandRef(p, ty, l);
            }
            return new OperandRef(p, ty, l);
        }
        LLVMValueRef data = fx.immediateOf(src);
        LLVMValueRef meta = switch (to) {
            case Ty.Slice s when from instanceof Ty.Array a -> cx.usize(FunctionCx.arrayLength(a));
            case Ty.Str s when from instanceof Ty.Array a -> cx.usize(FunctionCx.arrayLength(a));
            case Ty.Dynamic d -> cx.global(fx.env.vtable(from, d));
            default -> throw fx.unsupported("unsizing " + from + " to " + to);
        };
        return new OperandRef(new OperandValue.Pair(data, meta), ty, l);
    }

    /** Foo<[T; N]> to Foo<[T]> takes the metadata of the struct tails (rustc: struct_lockstep_tails_for_codegen). */
    private Ty[] lockstepTails(Ty[] pair) {
        Ty from = pair[0], to = pair[1];
        while (from instanceof Ty.Adt fa && to instanceof Ty.Adt ta && sameAdt(fa, ta) && !fx.env.fieldTys(fa).isEmpty()) {
            from = fx.env.fieldTys(fa).getLast();
            to = fx.env.fieldTys(ta).getLast();
        }
        return new Ty[]{from, to};
    }


    /** The pointee types an unsizing coercion changes, found under matching pointers and CoerceUnsized structs. */
    private Ty[] unsizedPointees(Ty source, Ty target) {
        Ty s = source, t = target;
        for (int depth = 0; depth < 8; depth++) {
            if (isPointer(s) && isPointer(t)) {
                Ty sp = pointee(s), tp = pointee(t);
                if (!(sp instanceof Ty.Adt sa && tp instanceof Ty.Adt ta && sameAdt(sa, ta)) || fx.layout(tp).isUnsized()) {
                    return new Ty[]{sp, tp};
                }
                s = sp;
                t = tp;
                continue;
            }
            if (s instanceof Ty.Adt sa && t instanceof Ty.Adt ta && sameAdt(sa, ta)) {
                List<GenericArg> sargs = ((PathSegment.Ident) sa.path().last()).args(), targs = ((PathSegment.Ident) ta.path().last()).args();
                for (int i = 0; i < sargs.size(); i++) {
                    if (!sargs.get(i).equals(targs.get(i)) && sargs.get(i) instanceof GenericArg.Type x && targs.get(i) instanceof GenericArg.Type y) {
                        return new Ty[]{x.ty(), y.ty()};
                    }
                }
            }
            break;
        }
        throw fx.unsupported("unsizing " + source + " to " + target);
    }

    /** Canonical ADT types name their def path in one segment. */
    private static String adtPath(Ty.Adt a) {
        return ((PathSegment.Ident) a.path().last()).name();
    }

    private static boolean sameAdt(Ty.Adt a, Ty.Adt b) {
        return adtPath(a).equals(adtPath(b));
    }

    private static boolean isPointer(Ty t) {
        return t instanceof Ty.Ref || t instanceof Ty.RawPtr || t instanceof Ty.Adt a && isBox(a);
    }

    public static boolean isBox(Ty.Adt a) {
        return adtPath(a).equals("alloc::boxed::Box");
    }

    static Ty pointee(Ty t) {
        return switch (t) {
            case Ty.Ref r -> r.pointee();
            case Ty.RawPtr r -> r.pointee();
            case Ty.Adt a when isBox(a) -> ((GenericArg.Type) ((PathSegment.Ident) a.path().last()).args().get(0)).ty();
            default -> throw new LlvmException("deref of " + t);
        };
    }

    // ---- operators

    OperandRef binary(Rvalue.BinOp op, OperandRef left, OperandRef right, Ty ty, Layout l) {
        if (left.value() instanceof OperandValue.Pair || left.layout().abi() instanceof Abi.ScalarPair) return fatCompare(op, left, right, ty, l);
        LLVMValueRef x = fx.immediateOf(left), y = fx.immediateOf(right);
        Ty lt = left.ty();
        boolean signed = signed(lt);
        if (lt instanceof Ty.Float) return imm(floatOp(op, x, y), ty, l);
        LLVMValueRef v = switch (op) {
            case Add -> LLVMBuildAdd(b, x, y, "");
            case Sub -> LLVMBuildSub(b, x, y, "");
            case Mul -> LLVMBuildMul(b, x, y, "");
            case AddUnchecked -> signed ? LLVMBuildNSWAdd(b, x, y, "") : LLVMBuildNUWAdd(b, x, y, "");
            case SubUnchecked -> signed ? LLVMBuildNSWSub(b, x, y, "") : LLVMBuildNUWSub(b, x, y, "");
            case MulUnchecked -> signed ? LLVMBuildNSWMul(b, x, y, "") : LLVMBuildNUWMul(b, x, y, "");
            case Div -> signed ? LLVMBuildSDiv(b, x, y, "") : LLVMBuildUDiv(b, x, y, "");
            case Rem -> signed ? LLVMBuildSRem(b, x, y, "") : LLVMBuildURem(b, x, y, "");
            case BitXor -> LLVMBuildXor(b, x, y, "");
            case BitAnd -> LLVMBuildAnd(b, x, y, "");
            case BitOr -> LLVMBuildOr(b, x, y, "");
            case Shl, ShlUnchecked, Shr, ShrUnchecked -> shift(op, x, y, signed);
            case Eq, Ne, Lt, Le, Gt, Ge -> LLVMBuildICmp(b, intPredicate(op, signed), x, y, "");
            case Cmp -> {
                String name = signed ? "llvm.scmp" : "llvm.ucmp";
                yield fx.call(cx.intrinsic(name, cx.i8, LLVMTypeOf(x)), cx.intrinsicType(name, cx.i8, LLVMTypeOf(x)), x, y);
            }
            case Offset -> {
                long size = fx.layout(pointee(lt)).size();
                yield LLVMBuildInBoundsGEP2(b, cx.i8, x, ModuleCx.pp(LLVMBuildMul(b, y, cx.usize(size), "")), 1, "");
            }
            case AddWithOverflow, SubWithOverflow, MulWithOverflow -> {
                String name = "llvm." + (signed ? "s" : "u") + switch (op) {
                    case AddWithOverflow -> "add";
                    case SubWithOverflow -> "sub";
                    default -> "mul";
                } + ".with.overflow";
                LLVMValueRef r = fx.call(cx.intrinsic(name, LLVMTypeOf(x)), cx.intrinsicType(name, LLVMTypeOf(x)), x, y);
                yield r;
            }
        };
        if (op == Rvalue.BinOp.AddWithOverflow || op == Rvalue.BinOp.SubWithOverflow || op == Rvalue.BinOp.MulWithOverflow) {
            return new OperandRef(new OperandValue.Pair(LLVMBuildExtractValue(b, v, 0, ""), LLVMBuildExtractValue(b, v, 1, "")), ty, l);
        }
        return imm(v, ty, l);
    }

    /** Rust shifts: the amount is taken modulo the width unless unchecked (rustc_codegen_ssa/src/common.rs {@code build_masked_shift}). */
    private LLVMValueRef shift(Rvalue.BinOp op, LLVMValueRef x, LLVMValueRef y, boolean signed) {
        LLVMTypeRef t = LLVMTypeOf(x);
        y = intCast(y, t, false);
        if (op == Rvalue.BinOp.Shl || op == Rvalue.BinOp.Shr) y = LLVMBuildAnd(b, y, LLVMConstInt(t, LLVMGetIntTypeWidth(t) - 1, 0), "");
        if (op == Rvalue.BinOp.Shl || op == Rvalue.BinOp.ShlUnchecked) return LLVMBuildShl(b, x, y, "");
        return signed ? LLVMBuildAShr(b, x, y, "") : LLVMBuildLShr(b, x, y, "");
    }

    private static int intPredicate(Rvalue.BinOp op, boolean signed) {
        return switch (op) {
            case Eq -> LLVMIntEQ;
            case Ne -> LLVMIntNE;
            case Lt -> signed ? LLVMIntSLT : LLVMIntULT;
            case Le -> signed ? LLVMIntSLE : LLVMIntULE;
            case Gt -> signed ? LLVMIntSGT : LLVMIntUGT;
            default -> signed ? LLVMIntSGE : LLVMIntUGE;
        };
    }

    private LLVMValueRef floatOp(Rvalue.BinOp op, LLVMValueRef x, LLVMValueRef y) {
        return switch (op) {
            case Add -> LLVMBuildFAdd(b, x, y, "");
            case Sub -> LLVMBuildFSub(b, x, y, "");
            case Mul -> LLVMBuildFMul(b, x, y, "");
            case Div -> LLVMBuildFDiv(b, x, y, "");
            case Rem -> LLVMBuildFRem(b, x, y, "");
            case Eq -> LLVMBuildFCmp(b, LLVMRealOEQ, x, y, "");
            case Ne -> LLVMBuildFCmp(b, LLVMRealUNE, x, y, "");
            case Lt -> LLVMBuildFCmp(b, LLVMRealOLT, x, y, "");
            case Le -> LLVMBuildFCmp(b, LLVMRealOLE, x, y, "");
            case Gt -> LLVMBuildFCmp(b, LLVMRealOGT, x, y, "");
            case Ge -> LLVMBuildFCmp(b, LLVMRealOGE, x, y, "");
            default -> throw fx.unsupported("float operator " + op);
        };
    }

    /** Comparison of wide pointers: address first, then metadata (rustc_codegen_ssa/src/mir/rvalue.rs {@code codegen_wide_ptr_binop}). */
    private OperandRef fatCompare(Rvalue.BinOp op, OperandRef left, OperandRef right, Ty ty, Layout l) {
        OperandValue.Pair x = fx.pairOf(left), y = fx.pairOf(right);
        LLVMValueRef v = switch (op) {
            case Eq -> LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntEQ, x.a(), y.a(), ""), LLVMBuildICmp(b, LLVMIntEQ, x.b(), y.b(), ""), "");
            case Ne -> LLVMBuildOr(b, LLVMBuildICmp(b, LLVMIntNE, x.a(), y.a(), ""), LLVMBuildICmp(b, LLVMIntNE, x.b(), y.b(), ""), "");
            case Lt, Le, Gt, Ge -> {
                int strict = intPredicate(op == Rvalue.BinOp.Le ? Rvalue.BinOp.Lt : op == Rvalue.BinOp.Ge ? Rvalue.BinOp.Gt : op, false);
                LLVMValueRef first = LLVMBuildICmp(b, strict, x.a(), y.a(), "");
                LLVMValueRef same = LLVMBuildICmp(b, LLVMIntEQ, x.a(), y.a(), "");
                LLVMValueRef second = LLVMBuildICmp(b, intPredicate(op, false), x.b(), y.b(), "");
                yield LLVMBuildOr(b, first, LLVMBuildAnd(b, same, second, ""), "");
            }
            default -> throw fx.unsupported("operator " + op + " on " + left.ty());
        };
        return imm(v, ty, l);
    }

    private OperandRef unary(Rvalue.UnOp op, OperandRef v, Ty ty, Layout l) {
        return switch (op) {
            case Not -> imm(LLVMBuildNot(b, fx.immediateOf(v), ""), ty, l);
            case Neg -> imm(v.ty() instanceof Ty.Float ? LLVMBuildFNeg(b, fx.immediateOf(v), "") : LLVMBuildNeg(b, fx.immediateOf(v), ""), ty, l);
            case PtrMetadata -> v.value() instanceof OperandValue.Pair || v.layout().abi() instanceof Abi.ScalarPair
                    ? imm(fx.pairOf(v).b(), ty, l) : new OperandRef(new OperandValue.Zst(), ty, l);
        };
    }
}
