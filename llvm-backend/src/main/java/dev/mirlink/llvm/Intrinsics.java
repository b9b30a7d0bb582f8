package dev.mirlink.llvm;

import dev.mirlink.llvm.Values.OperandRef;
import dev.mirlink.llvm.Values.OperandValue;
import dev.mirlink.llvm.Values.PlaceRef;
import dev.mirlink.mir.body.Operand;
import dev.mirlink.mir.body.Rvalue;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.layout.Abi;
import dev.mirlink.mir.layout.Layout;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

import java.util.List;

import static org.bytedeco.llvm.global.LLVM.*;

/**
 * Calls of intrinsics (rustc_codegen_ssa/src/mir/intrinsic.rs, rustc_codegen_llvm/src/intrinsic.rs); the
 * {@code simd_*} ones are in {@link SimdIntrinsics}.
 * One that is not here falls back to its MIR body when it has one, and is otherwise an error naming it.
 * Atomics use sequential consistency whatever ordering was asked: never weaker than asked.
 */
final class Intrinsics {
    private final FunctionCx fx;
    private final ModuleCx cx;
    private final LLVMBuilderRef b;
    private final SimdIntrinsics simd;

    Intrinsics(FunctionCx fx) {
        this.fx = fx;
        this.cx = fx.cx;
        this.b = fx.b;
        this.simd = new SimdIntrinsics(fx);
    }

    /** Generates the call into {@code dest}; false when the intrinsic is not one of ours. */
    boolean call(Callee.Intrinsic in, List<OperandRef> ops, List<Operand> args, PlaceRef dest) {
        String name = in.name();
        if (name.startsWith("simd_")) return simd.call(name, ops, args, dest);
        Ty t = typeArg(in, 0);
        switch (name) {
            case "abort" -> {
                fx.abort();
                return true;
            }
            case "unreachable" -> {
                LLVMBuildUnreachable(b);
                return true;
            }
            case "cold_path", "forget", "assert_inhabited", "assert_zero_valid", "assert_mem_uninitialized_valid" -> {
                return true;
            }
            default -> { }
        }
        LLVMValueRef v = switch (name) {
            case "size_of" -> cx.usize(fx.layout(t).size());
            case "align_of", "min_align_of", "pref_align_of" -> cx.usize(fx.layout(t).align());
            case "size_of_val" -> sizeOfVal(t, ops.get(0), false);
            case "align_of_val", "min_align_of_val" -> sizeOfVal(t, ops.get(0), true);
            case "needs_drop" -> LLVMConstInt(cx.i1, fx.env.dropInPlace(t) instanceof Callee.NoOp ? 0 : 1, 0);
            case "variant_count" -> cx.usize(fx.env.adtDef((Ty.Adt) t).variants().size());
            case "assume" -> {
                fx.call(cx.intrinsic("llvm.assume"), cx.intrinsicType("llvm.assume"), imm(ops, 0));
                yield null;
            }
            case "likely", "unlikely" -> imm(ops, 0);
            case "ub_checks", "overflow_checks", "contract_checks", "is_val_statically_known" -> LLVMConstInt(cx.i1, 0, 0);
            case "black_box" -> {
                blackBox(ops.get(0), dest);
                yield null;
            }
            case "ctpop" -> bitCount(llvm("llvm.ctpop", imm(ops, 0)), dest);
            case "bswap" -> fx.layout(t).size() == 1 ? imm(ops, 0) : llvm("llvm.bswap", imm(ops, 0));
            case "bitreverse" -> llvm("llvm.bitreverse", imm(ops, 0));
            case "ctlz", "ctlz_nonzero" -> bitCount(llvm("llvm.ctlz", imm(ops, 0), LLVMConstInt(cx.i1, name.endsWith("nonzero") ? 1 : 0, 0)), dest);
            case "cttz", "cttz_nonzero" -> bitCount(llvm("llvm.cttz", imm(ops, 0), LLVMConstInt(cx.i1, name.endsWith("nonzero") ? 1 : 0, 0)), dest);
            case "unchecked_funnel_shl", "unchecked_funnel_shr" -> {
                LLVMValueRef x = imm(ops, 0);
                LLVMValueRef n = fx.rvalues.intCast(imm(ops, 2), LLVMTypeOf(x), false);
                yield llvm(name.endsWith("shl") ? "llvm.fshl" : "llvm.fshr", x, imm(ops, 1), n);
            }
            case "rotate_left", "rotate_right" -> {
                LLVMValueRef x = imm(ops, 0);
                LLVMValueRef n = fx.rvalues.intCast(imm(ops, 1), LLVMTypeOf(x), false);
                yield llvm(name.equals("rotate_left") ? "llvm.fshl" : "llvm.fshr", x, x, n);
            }
            case "add_with_overflow" -> binop(Rvalue.BinOp.AddWithOverflow, ops, dest);
            case "sub_with_overflow" -> binop(Rvalue.BinOp.SubWithOverflow, ops, dest);
            case "mul_with_overflow" -> binop(Rvalue.BinOp.MulWithOverflow, ops, dest);
            case "wrapping_add" -> binop(Rvalue.BinOp.Add, ops, dest);
            case "wrapping_sub" -> binop(Rvalue.BinOp.Sub, ops, dest);
            case "wrapping_mul" -> binop(Rvalue.BinOp.Mul, ops, dest);
            case "unchecked_add" -> binop(Rvalue.BinOp.AddUnchecked, ops, dest);
            case "unchecked_sub" -> binop(Rvalue.BinOp.SubUnchecked, ops, dest);
            case "unchecked_mul" -> binop(Rvalue.BinOp.MulUnchecked, ops, dest);
            case "unchecked_div" -> binop(Rvalue.BinOp.Div, ops, dest);
            case "unchecked_rem" -> binop(Rvalue.BinOp.Rem, ops, dest);
            case "unchecked_shl" -> binop(Rvalue.BinOp.ShlUnchecked, ops, dest);
            case "unchecked_shr" -> binop(Rvalue.BinOp.ShrUnchecked, ops, dest);
            case "three_way_compare" -> binop(Rvalue.BinOp.Cmp, ops, dest);
            case "disjoint_bitor" -> binop(Rvalue.BinOp.BitOr, ops, dest);
            case "exact_div" -> signed(t) ? LLVMBuildExactSDiv(b, imm(ops, 0), imm(ops, 1), "") : LLVMBuildExactUDiv(b, imm(ops, 0), imm(ops, 1), "");
            case "saturating_add" -> llvm(signed(t) ? "llvm.sadd.sat" : "llvm.uadd.sat", imm(ops, 0), imm(ops, 1));
            case "saturating_sub" -> llvm(signed(t) ? "llvm.ssub.sat" : "llvm.usub.sat", imm(ops, 0), imm(ops, 1));
            case "ptr_offset_from", "ptr_offset_from_unsigned" -> {
                LLVMValueRef x = LLVMBuildPtrToInt(b, thin(ops.get(0)), cx.isize, ""), y = LLVMBuildPtrToInt(b, thin(ops.get(1)), cx.isize, "");
                LLVMValueRef diff = LLVMBuildSub(b, x, y, "");
                LLVMValueRef size = cx.usize(Math.max(1, fx.layout(t).size()));
                yield name.endsWith("unsigned") ? LLVMBuildExactUDiv(b, diff, size, "") : LLVMBuildExactSDiv(b, diff, size, "");
            }
            case "offset", "arith_offset" -> {
                Ty pointee = Rvalues.pointee(ops.get(0).ty());
                LLVMValueRef bytes = LLVMBuildMul(b, imm(ops, 1), cx.usize(fx.layout(pointee).size()), "");
                yield name.equals("offset") ? LLVMBuildInBoundsGEP2(b, cx.i8, thin(ops.get(0)), ModuleCx.pp(bytes), 1, "")
                        : LLVMBuildGEP2(b, cx.i8, thin(ops.get(0)), ModuleCx.pp(bytes), 1, "");
            }
            case "ptr_mask" -> llvmTyped("llvm.ptrmask", new LLVMTypeRef[]{cx.ptr, cx.isize}, thin(ops.get(0)), imm(ops, 1));
            case "ptr_guaranteed_cmp" -> LLVMBuildZExt(b, LLVMBuildICmp(b, LLVMIntEQ, thin(ops.get(0)), thin(ops.get(1)), ""), cx.i8, "");
            case "raw_eq" -> {
                LLVMValueRef r = memcmp(imm(ops, 0), imm(ops, 1), cx.usize(fx.layout(t).size()));
                yield LLVMBuildICmp(b, LLVMIntEQ, r, LLVMConstInt(cx.i32, 0, 0), "");
            }
            case "compare_bytes" -> memcmp(imm(ops, 0), imm(ops, 1), imm(ops, 2));
            case "write_bytes", "volatile_set_memory" -> {
                LLVMValueRef n = LLVMBuildMul(b, imm(ops, 2), cx.usize(fx.layout(t).size()), "");
                LLVMValueRef m = LLVMBuildMemSet(b, imm(ops, 0), imm(ops, 1), n, fx.layout(t).align());
                if (name.startsWith("volatile")) LLVMSetVolatile(m, 1);
                yield null;
            }
            case "copy", "copy_nonoverlapping", "volatile_copy_memory", "volatile_copy_nonoverlapping_memory" -> {
                Layout el = fx.layout(t);
                boolean volatileCopy = name.startsWith("volatile");
                LLVMValueRef src = imm(ops, volatileCopy ? 1 : 0), dst = imm(ops, volatileCopy ? 0 : 1);
                LLVMValueRef n = LLVMBuildMul(b, imm(ops, 2), cx.usize(el.size()), "");
                LLVMValueRef m = name.contains("nonoverlapping") ? LLVMBuildMemCpy(b, dst, el.align(), src, el.align(), n)
                        : LLVMBuildMemMove(b, dst, el.align(), src, el.align(), n);
                if (volatileCopy) LLVMSetVolatile(m, 1);
                yield null;
            }
            case "volatile_load", "unaligned_volatile_load", "read_via_copy" -> {
                Layout l = fx.layout(t);
                PlaceRef src = new PlaceRef(imm(ops, 0), null, t, l, name.startsWith("unaligned") ? 1 : l.align(), -1);
                if (name.contains("volatile") && l.abi() instanceof Abi.ScalarAbi sc) {
                    LLVMValueRef ld = LLVMBuildLoad2(b, cx.memType(sc.scalar().primitive()), src.ptr(), "");
                    LLVMSetAlignment(ld, src.align());
                    LLVMSetVolatile(ld, 1);
                    yield ModuleCx.isBool(sc.scalar()) ? LLVMBuildTrunc(b, ld, cx.i1, "") : ld;
                }
                fx.store(fx.load(src), dest);
                yield null;
            }
            case "volatile_store", "unaligned_volatile_store", "write_via_move" -> {
                OperandRef val = ops.get(1);
                Layout l = val.layout();
                PlaceRef dst = new PlaceRef(imm(ops, 0), null, val.ty(), l, name.startsWith("unaligned") ? 1 : l.align(), -1);
                storeMaybeVolatile(val, dst, name.contains("volatile"));
                yield null;
            }
            case "discriminant_value" -> fx.rvalues.discriminant(fx.deref(ops.get(0)), dest.ty());
            case "transmute", "transmute_unchecked" -> {
                fx.store(fx.rvalues.operand(new Rvalue.Cast(dev.mirlink.mir.body.CastKind.Simple.Transmute, args.get(0), dest.ty()),
                        dest.ty(), dest.layout()), dest);
                yield null;
            }
            case "caller_location" -> {
                fx.store(fx.location(), dest);
                yield null;
            }
            case "catch_unwind" -> {
                // panic=abort: a panic never comes back here, so try_fn(data) returns normally or not at all
                // (rustc_codegen_llvm/src/intrinsic.rs, catch_unwind without an unwinding panic strategy)
                fx.callPointer(ops.get(0), List.of(ops.get(1)), FunctionCx.UNIT, null);
                yield LLVMConstInt(cx.i32, 0, 0);
            }
            case "const_eval_select" -> {
                fx.callSpread(args.get(2), ops.get(0), dest);
                yield null;
            }
            case "select_unpredictable" -> {
                OperandRef x = ops.get(1), y = ops.get(2);
                if (x.value() instanceof OperandValue.Immediate) yield LLVMBuildSelect(b, imm(ops, 0), imm(ops, 1), imm(ops, 2), "");
                PlaceRef px = fx.spill(x), py = fx.spill(y);
                LLVMValueRef p = LLVMBuildSelect(b, imm(ops, 0), px.ptr(), py.ptr(), "");
                fx.store(fx.load(new PlaceRef(p, null, x.ty(), x.layout(), x.layout().align(), -1)), dest);
                yield null;
            }
            case "float_to_int_unchecked" -> signed(typeArg(in, 1)) ? LLVMBuildFPToSI(b, imm(ops, 0), immType(dest), "")
                    : LLVMBuildFPToUI(b, imm(ops, 0), immType(dest), "");
            case "carrying_mul_add" -> {
                // a * b + c + d in twice the width, as (low, high) (rustc_codegen_llvm/src/intrinsic.rs)
                LLVMValueRef a = imm(ops, 0);
                LLVMTypeRef narrow = LLVMTypeOf(a), wide = LLVMIntTypeInContext(cx.llcx, 2 * LLVMGetIntTypeWidth(narrow));
                boolean sg = signed(t);
                LLVMValueRef r = LLVMBuildMul(b, fx.rvalues.intCast(a, wide, sg), fx.rvalues.intCast(imm(ops, 1), wide, sg), "");
                r = LLVMBuildAdd(b, r, fx.rvalues.intCast(imm(ops, 2), wide, sg), "");
                r = LLVMBuildAdd(b, r, fx.rvalues.intCast(imm(ops, 3), wide, sg), "");
                LLVMValueRef lo = LLVMBuildTrunc(b, r, narrow, "");
                LLVMValueRef hi = LLVMBuildTrunc(b, LLVMBuildLShr(b, r, LLVMConstInt(wide, LLVMGetIntTypeWidth(narrow), 0), ""), narrow, "");
                fx.store(new OperandRef(new OperandValue.Pair(lo, hi), dest.ty(), dest.layout()), dest);
                yield null;
            }
            case "fadd_fast", "fadd_algebraic" -> LLVMBuildFAdd(b, imm(ops, 0), imm(ops, 1), "");
            case "fsub_fast", "fsub_algebraic" -> LLVMBuildFSub(b, imm(ops, 0), imm(ops, 1), "");
            case "fmul_fast", "fmul_algebraic" -> LLVMBuildFMul(b, imm(ops, 0), imm(ops, 1), "");
            case "fdiv_fast", "fdiv_algebraic" -> LLVMBuildFDiv(b, imm(ops, 0), imm(ops, 1), "");
            case "frem_fast", "frem_algebraic" -> LLVMBuildFRem(b, imm(ops, 0), imm(ops, 1), "");
            case "atomic_fence", "atomic_singlethreadfence", "compiler_fence" -> {
                LLVMBuildFence(b, LLVMAtomicOrderingSequentiallyConsistent, name.equals("atomic_fence") ? 0 : 1, "");
                yield null;
            }
            default -> {
                LLVMValueRef f = floatMath(name, ops);
                if (f == null) f = atomic(name, ops, dest);
                if (f == null && !name.startsWith("atomic_")) yield NOT_OURS;
                yield f;
            }
        };
        if (v == NOT_OURS) return false;
        if (v != null) fx.store(fx.rvalues.imm(v, dest.ty(), dest.layout()), dest);
        return true;
    }

    private static final LLVMValueRef NOT_OURS = new LLVMValueRef();

    private static Ty typeArg(Callee.Intrinsic in, int i) {
        int k = 0;
        for (GenericArg a : in.args()) {
            if (a instanceof GenericArg.Type t) {
                if (k++ == i) return t.ty();
            }
        }
        return null;
    }

    private static boolean signed(Ty t) {
        return t instanceof Ty.Int i && i.kind().signed();
    }

    private LLVMValueRef imm(List<OperandRef> ops, int i) {
        return fx.immediateOf(ops.get(i));
    }

    private LLVMValueRef thin(OperandRef p) {
        return p.value() instanceof OperandValue.Pair pair ? pair.a() : fx.immediateOf(p);
    }

    private LLVMTypeRef immType(PlaceRef dest) {
        return cx.immType(((Abi.ScalarAbi) dest.layout().abi()).scalar());
    }

    /** An LLVM intrinsic overloaded on its first argument's type. */
    /** The bit counts return u32 in Rust whatever the operand's width; LLVM's have the operand's width. */
    private LLVMValueRef bitCount(LLVMValueRef v, PlaceRef dest) {
        return fx.rvalues.intCast(v, cx.intType((int) dest.layout().size()), false);
    }

    private LLVMValueRef llvm(String name, LLVMValueRef... args) {
        return llvmTyped(name, new LLVMTypeRef[]{LLVMTypeOf(args[0])}, args);
    }

    private LLVMValueRef llvmTyped(String name, LLVMTypeRef[] overloads, LLVMValueRef... args) {
        return fx.call(cx.intrinsic(name, overloads), cx.intrinsicType(name, overloads), args);
    }

    private LLVMValueRef binop(Rvalue.BinOp op, List<OperandRef> ops, PlaceRef dest) {
        fx.store(fx.rvalues.binary(op, ops.get(0), ops.get(1), dest.ty(), dest.layout()), dest);
        return null;
    }

    private LLVMValueRef memcmp(LLVMValueRef x, LLVMValueRef y, LLVMValueRef n) {
        LLVMTypeRef type = LLVMFunctionType(cx.i32, ModuleCx.pp(cx.ptr, cx.ptr, cx.isize), 3, 0);
        return fx.call(cx.function("memcmp", type), type, x, y, n);
    }

    /** {@code size_of_val} or {@code align_of_val} (rustc_codegen_ssa/src/size_of_val.rs) for sized types, slices, str and dyn. */
    private LLVMValueRef sizeOfVal(Ty t, OperandRef ptr, boolean align) {
        Layout l = fx.layout(t);
        if (!l.isUnsized()) return cx.usize(align ? l.align() : l.size());
        LLVMValueRef meta = fx.pairOf(ptr).b();
        return switch (t) {
            case Ty.Slice s -> align ? cx.usize(fx.layout(s.element()).align())
                    : LLVMBuildMul(b, meta, cx.usize(fx.layout(s.element()).size()), "");
            case Ty.Str s -> align ? cx.usize(1) : meta;
            case Ty.Dynamic d -> fx.vtableEntry(meta, align ? 2 : 1);
            default -> throw fx.unsupported("size_of_val of " + t);
        };
    }

    /** {@code black_box}: the value goes through memory the optimizer must assume an opaque asm reads and writes. */
    private void blackBox(OperandRef v, PlaceRef dest) {
        PlaceRef tmp = fx.spillCopy(v);
        LLVMTypeRef type = LLVMFunctionType(cx.voidTy, ModuleCx.pp(cx.ptr), 1, 0);
        String constraints = "r,~{memory}";
        LLVMValueRef asm = LLVMGetInlineAsm(type, new org.bytedeco.javacpp.BytePointer(""), 0,
                new org.bytedeco.javacpp.BytePointer(constraints), constraints.length(), 1, 0, LLVMInlineAsmDialectATT, 0);
        fx.call(asm, type, tmp.ptr());
        fx.store(fx.load(tmp), dest);
    }

    private void storeMaybeVolatile(OperandRef v, PlaceRef dst, boolean isVolatile) {
        if (!isVolatile || !(v.value() instanceof OperandValue.Immediate i)) {
            fx.store(v, dst);
            return;
        }
        LLVMValueRef x = i.v();
        if (LLVMTypeOf(x).equals(cx.i1)) x = LLVMBuildZExt(b, x, cx.i8, "");
        LLVMValueRef st = LLVMBuildStore(b, x, dst.ptr());
        LLVMSetAlignment(st, dst.align());
        LLVMSetVolatile(st, 1);
    }

    private LLVMValueRef floatMath(String name, List<OperandRef> ops) {
        // rustc 1.96 names most float intrinsics generically (fabs::<f64>), a few still by width (sqrtf64)
        String base = name.replaceAll("f(16|32|64|128)$", "");
        String llvm = switch (base) {
            case "fabs" -> "llvm.fabs";
            case "copysign" -> "llvm.copysign";
            case "minnum" -> "llvm.minnum";
            case "maxnum" -> "llvm.maxnum";
            case "minimum" -> "llvm.minimum";
            case "maximum" -> "llvm.maximum";
            case "sqrt" -> "llvm.sqrt";
            case "floor" -> "llvm.floor";
            case "ceil" -> "llvm.ceil";
            case "trunc" -> "llvm.trunc";
            case "round" -> "llvm.round";
            case "rint", "nearbyint" -> "llvm.rint";
            case "roundeven" -> "llvm.roundeven";
            case "fma", "fmuladd" -> "llvm.fma";
            case "powi" -> "llvm.powi";
            default -> null;
        };
        if (llvm == null) return null;
        LLVMValueRef[] args = ops.stream().map(fx::immediateOf).toArray(LLVMValueRef[]::new);
        if (base.equals("powi")) return llvmTyped(llvm, new LLVMTypeRef[]{LLVMTypeOf(args[0]), LLVMTypeOf(args[1])}, args);
        return llvm(llvm, args);
    }

    /** Atomic intrinsics ({@code atomic_load}, {@code atomic_xadd}, {@code atomic_cxchg}, …), all sequentially consistent. */
    private LLVMValueRef atomic(String name, List<OperandRef> ops, PlaceRef dest) {
        if (!name.startsWith("atomic_")) return null;
        String op = name.substring("atomic_".length());
        int seq = LLVMAtomicOrderingSequentiallyConsistent;
        switch (op) {
            case "load" -> {
                LLVMTypeRef t = cx.memType(((Abi.ScalarAbi) dest.layout().abi()).scalar().primitive());
                LLVMValueRef v = LLVMBuildLoad2(b, t, imm(ops, 0), "");
                LLVMSetOrdering(v, seq);
                LLVMSetAlignment(v, dest.layout().size() == 0 ? 1 : (int) dest.layout().size());
                return v;
            }
            case "store" -> {
                LLVMValueRef v = fx.immediateOf(ops.get(1));
                if (LLVMTypeOf(v).equals(cx.i1)) v = LLVMBuildZExt(b, v, cx.i8, "");
                LLVMValueRef st = LLVMBuildStore(b, v, imm(ops, 0));
                LLVMSetOrdering(st, seq);
                LLVMSetAlignment(st, (int) ops.get(1).layout().size());
                return null;
            }
            case "cxchg", "cxchgweak" -> {
                LLVMValueRef r = LLVMBuildAtomicCmpXchg(b, imm(ops, 0), imm(ops, 1), imm(ops, 2), seq, seq, 0);
                if (op.equals("cxchgweak")) LLVMSetWeak(r, 1);
                fx.store(new OperandRef(new OperandValue.Pair(LLVMBuildExtractValue(b, r, 0, ""), LLVMBuildExtractValue(b, r, 1, "")),
                        dest.ty(), dest.layout()), dest);
                return null;
            }
            default -> { }
        }
        int rmw = switch (op) {
            case "xchg" -> LLVMAtomicRMWBinOpXchg;
            case "xadd" -> LLVMAtomicRMWBinOpAdd;
            case "xsub" -> LLVMAtomicRMWBinOpSub;
            case "and" -> LLVMAtomicRMWBinOpAnd;
            case "nand" -> LLVMAtomicRMWBinOpNand;
            case "or" -> LLVMAtomicRMWBinOpOr;
            case "xor" -> LLVMAtomicRMWBinOpXor;
            case "max" -> LLVMAtomicRMWBinOpMax;
            case "min" -> LLVMAtomicRMWBinOpMin;
            case "umax" -> LLVMAtomicRMWBinOpUMax;
            case "umin" -> LLVMAtomicRMWBinOpUMin;
            default -> throw fx.unsupported("intrinsic `" + name + "`");
        };
        LLVMValueRef v = fx.immediateOf(ops.get(1));
        boolean bool = LLVMTypeOf(v).equals(cx.i1);
        if (bool) v = LLVMBuildZExt(b, v, cx.i8, "");
        LLVMValueRef r = LLVMBuildAtomicRMW(b, rmw, imm(ops, 0), v, seq, 0);
        return bool ? LLVMBuildTrunc(b, r, cx.i1, "") : r;
    }
}
