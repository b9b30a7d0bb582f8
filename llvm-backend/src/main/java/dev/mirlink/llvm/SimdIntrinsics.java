package dev.mirlink.llvm;

import dev.mirlink.llvm.Values.OperandRef;
import dev.mirlink.llvm.Values.PlaceRef;
import dev.mirlink.mir.body.Operand;
import dev.mirlink.mir.layout.Abi;
import dev.mirlink.mir.layout.Primitive;
import dev.mirlink.mir.ty.Ty;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

import java.util.List;

import static org.bytedeco.llvm.global.LLVM.*;

/**
 * The {@code simd_*} intrinsics that {@code core} reaches from safe code (semantics from
 * core/src/intrinsics/simd/mod.rs and rustc_codegen_llvm/src/intrinsic.rs {@code generic_simd_intrinsic}).
 * A {@code #[repr(simd)]} value ({@link Abi.Vector}) lives in memory like any aggregate, laid out as
 * its array: each intrinsic loads its vector operands as LLVM {@code <N x T>}, computes, and stores
 * the result to its destination. Bitmasks put lane 0 in the least significant bit, which is
 * rustc's order on little-endian targets, as both of ours are.
 */
final class SimdIntrinsics {
    private final FunctionCx fx;
    private final ModuleCx cx;
    private final LLVMBuilderRef b;

    SimdIntrinsics(FunctionCx fx) {
        this.fx = fx;
        this.cx = fx.cx;
        this.b = fx.b;
    }

    /** Generates the call into {@code dest}; false when the intrinsic is not one of ours. */
    boolean call(String name, List<OperandRef> ops, List<Operand> args, PlaceRef dest) {
        switch (name) {
            case "simd_splat" -> {
                Abi.Vector out = vectorAbi(dest.layout(), name, dest.ty());
                LLVMTypeRef type = vectorType(out);
                LLVMValueRef x = fx.immediateOf(ops.get(0));
                if (!LLVMTypeOf(x).equals(LLVMGetElementType(type))) throw fx.unsupported("intrinsic `" + name + "` of a " + ops.get(0).ty());
                LLVMValueRef poison = LLVMGetPoison(type);
                LLVMValueRef lane0 = LLVMBuildInsertElement(b, poison, x, LLVMConstInt(cx.i32, 0, 0), "");
                store(LLVMBuildShuffleVector(b, lane0, poison, LLVMConstNull(LLVMVectorType(cx.i32, (int) out.count())), ""), dest, name);
            }
            case "simd_eq", "simd_ne", "simd_lt", "simd_le", "simd_gt", "simd_ge" -> {
                Abi.Vector in = vectorAbi(ops.get(0).layout(), name, ops.get(0).ty());
                LLVMValueRef x = load(ops.get(0), name), y = load(ops.get(1), name);
                Abi.Vector out = vectorAbi(dest.layout(), name, dest.ty());
                Primitive e = in.element().primitive(), m = out.element().primitive();
                if (out.count() != in.count() || m.kind() != Primitive.Kind.INT || m.size() != e.size()) {
                    throw fx.unsupported("intrinsic `" + name + "` returning " + dest.ty());
                }
                LLVMValueRef lanes = switch (e.kind()) {
                    case INT -> LLVMBuildICmp(b, intPredicate(name, e.signed()), x, y, "");
                    case FLOAT -> LLVMBuildFCmp(b, floatPredicate(name), x, y, "");
                    case POINTER -> throw fx.unsupported("intrinsic `" + name + "` of " + ops.get(0).ty());
                };
                // true lanes are all ones
                store(LLVMBuildSExt(b, lanes, vectorType(out), ""), dest, name);
            }
            case "simd_and", "simd_or", "simd_xor" -> {
                Abi.Vector in = vectorAbi(ops.get(0).layout(), name, ops.get(0).ty());
                if (in.element().primitive().kind() != Primitive.Kind.INT) throw fx.unsupported("intrinsic `" + name + "` of " + ops.get(0).ty());
                LLVMValueRef x = load(ops.get(0), name), y = load(ops.get(1), name);
                store(switch (name) {
                    case "simd_and" -> LLVMBuildAnd(b, x, y, "");
                    case "simd_or" -> LLVMBuildOr(b, x, y, "");
                    default -> LLVMBuildXor(b, x, y, "");
                }, dest, name);
            }
            case "simd_reduce_all", "simd_reduce_any" -> {
                Abi.Vector in = vectorAbi(ops.get(0).layout(), name, ops.get(0).ty());
                LLVMValueRef lanes = signBits(load(ops.get(0), name), in);
                String reduce = name.equals("simd_reduce_all") ? "llvm.vector.reduce.and" : "llvm.vector.reduce.or";
                LLVMTypeRef type = LLVMTypeOf(lanes);
                LLVMValueRef r = fx.call(cx.intrinsic(reduce, type), cx.intrinsicType(reduce, type), lanes);
                fx.store(fx.rvalues.imm(r, dest.ty(), dest.layout()), dest);
            }
            case "simd_shuffle" -> shuffle(ops, args, dest);
            case "simd_bitmask" -> bitmask(ops.get(0), dest);
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code simd_shuffle(x, y, idx)}: lane {@code i} of the result is lane {@code idx[i]} of {@code x}
     * followed by {@code y}; {@code idx} is a constant vector of {@code u32}.
     */
    private void shuffle(List<OperandRef> ops, List<Operand> args, PlaceRef dest) {
        String name = "simd_shuffle";
        Abi.Vector in = vectorAbi(ops.get(0).layout(), name, ops.get(0).ty());
        Abi.Vector out = vectorAbi(dest.layout(), name, dest.ty());
        // only the constant's bytes are read, so an index type laid out as its array will do
        OperandRef idx = ops.get(2);
        boolean u32Lanes = idx.layout().abi() instanceof Abi.Vector iv ? iv.element().primitive().kind() == Primitive.Kind.INT
                && iv.element().size() == 4 && iv.count() == out.count() : idx.layout().size() == 4 * out.count();
        if (!u32Lanes) throw fx.unsupported("intrinsic `" + name + "` with indices of type " + idx.ty());
        if (!(args.get(2) instanceof Operand.Constant c)) throw fx.unsupported("intrinsic `" + name + "` with non-constant indices");
        ConstData data = fx.fn.constant(c.constant(), idx.ty()).data();
        LLVMValueRef[] mask = new LLVMValueRef[(int) out.count()];
        for (int i = 0; i < mask.length; i++) {
            long lane = data.uint(4L * i, 4);
            if (lane >= 2 * in.count()) throw fx.unsupported("intrinsic `" + name + "` index " + lane + " out of bounds");
            mask[i] = LLVMConstInt(cx.i32, lane, 0);
        }
        LLVMValueRef x = load(ops.get(0), name), y = load(ops.get(1), name);
        store(LLVMBuildShuffleVector(b, x, y, LLVMConstVector(ModuleCx.pp(mask), mask.length), ""), dest, name);
    }

    /**
     * {@code simd_bitmask(mask)}: bit {@code i} is lane {@code i}'s sign bit, returned as an unsigned
     * integer of {@code max(8, N.next_power_of_two())} bits or as {@code [u8; N.div_ceil(8)]}.
     */
    private void bitmask(OperandRef mask, PlaceRef dest) {
        String name = "simd_bitmask";
        Abi.Vector in = vectorAbi(mask.layout(), name, mask.ty());
        int n = (int) in.count();
        long intBits = Math.max(8, Long.highestOneBit(n) == n ? n : Long.highestOneBit(n) << 1);
        boolean asInt = dest.ty() instanceof Ty.Int(Ty.IntTy k) && !k.signed() && k.fixedBytes() * 8L == intBits;
        boolean asBytes = dest.ty() instanceof Ty.Array a && a.element() instanceof Ty.Int(Ty.IntTy k) && k == Ty.IntTy.U8
                && FunctionCx.arrayLength(a) == (n + 7) / 8;
        if (!asInt && !asBytes) throw fx.unsupported("intrinsic `" + name + "` returning " + dest.ty());
        LLVMValueRef bits = LLVMBuildBitCast(b, signBits(load(mask, name), in), LLVMIntTypeInContext(cx.llcx, n), "");
        bits = LLVMBuildZExt(b, bits, cx.intType((int) dest.layout().size()), "");
        if (asInt) {
            fx.store(fx.rvalues.imm(bits, dest.ty(), dest.layout()), dest);
        } else {
            LLVMSetAlignment(LLVMBuildStore(b, bits, dest.ptr()), dest.align());
        }
    }

    /** A mask vector's lanes as {@code <N x i1>}, from each lane's sign bit, as rustc's {@code vector_mask_to_bitmask}. */
    private LLVMValueRef signBits(LLVMValueRef mask, Abi.Vector in) {
        if (in.element().primitive().kind() != Primitive.Kind.INT) throw fx.unsupported("a mask of " + in.element().primitive() + " lanes");
        int n = (int) in.count();
        LLVMTypeRef lane = cx.intType(in.element().size());
        LLVMValueRef[] shift = new LLVMValueRef[n];
        java.util.Arrays.fill(shift, LLVMConstInt(lane, in.element().size() * 8L - 1, 0));
        LLVMValueRef msb = LLVMBuildLShr(b, mask, LLVMConstVector(ModuleCx.pp(shift), n), "");
        return LLVMBuildTrunc(b, msb, LLVMVectorType(cx.i1, n), "");
    }

    private static int intPredicate(String name, boolean signed) {
        return switch (name) {
            case "simd_eq" -> LLVMIntEQ;
            case "simd_ne" -> LLVMIntNE;
            case "simd_lt" -> signed ? LLVMIntSLT : LLVMIntULT;
            case "simd_le" -> signed ? LLVMIntSLE : LLVMIntULE;
            case "simd_gt" -> signed ? LLVMIntSGT : LLVMIntUGT;
            default -> signed ? LLVMIntSGE : LLVMIntUGE;
        };
    }

    /** Ordered comparisons, except {@code ne}, which a NaN makes true (rustc's {@code bin_op_to_fcmp_predicate}). */
    private static int floatPredicate(String name) {
        return switch (name) {
            case "simd_eq" -> LLVMRealOEQ;
            case "simd_ne" -> LLVMRealUNE;
            case "simd_lt" -> LLVMRealOLT;
            case "simd_le" -> LLVMRealOLE;
            case "simd_gt" -> LLVMRealOGT;
            default -> LLVMRealOGE;
        };
    }

    // ---- vectors in memory

    private Abi.Vector vectorAbi(dev.mirlink.mir.layout.Layout l, String name, Ty t) {
        if (l.abi() instanceof Abi.Vector v) return v;
        throw fx.unsupported("intrinsic `" + name + "` on the non-vector " + t);
    }

    private LLVMTypeRef vectorType(Abi.Vector v) {
        return LLVMVectorType(cx.memType(v.element().primitive()), (int) v.count());
    }

    /** A vector operand as an LLVM vector, loaded from its memory. */
    private LLVMValueRef load(OperandRef o, String name) {
        Abi.Vector v = vectorAbi(o.layout(), name, o.ty());
        PlaceRef p = fx.spill(o);
        LLVMValueRef ld = LLVMBuildLoad2(b, vectorType(v), p.ptr(), "");
        LLVMSetAlignment(ld, p.align());
        return ld;
    }

    /** Stores a vector result; its lane count and type must be the destination's, or the store would miscompile. */
    private void store(LLVMValueRef v, PlaceRef dest, String name) {
        LLVMTypeRef type = vectorType(vectorAbi(dest.layout(), name, dest.ty()));
        if (!LLVMTypeOf(v).equals(type)) throw fx.unsupported("intrinsic `" + name + "` returning " + dest.ty());
        LLVMSetAlignment(LLVMBuildStore(b, v, dest.ptr()), dest.align());
    }
}
