package dev.mirlink.llvm;

import dev.mirlink.mir.layout.Abi;
import dev.mirlink.mir.layout.Layout;
import dev.mirlink.mir.ty.Ty;
import org.bytedeco.llvm.LLVM.LLVMAttributeRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.bytedeco.llvm.global.LLVM.*;

/**
 * How a fn's args and return value are passed (rustc_target/src/callconv/mod.rs, {@code PassMode}).
 * Caller and callee compute it alike from the monomorphic types, so they agree. The Rust ABI passes
 * ZSTs not at all, scalars and scalar pairs in registers and everything else behind a pointer (the
 * return value through an {@code sret} pointer); the C ABI follows the platform ({@link CAbi}).
 */
record FnAbi(List<ArgAbi> args, ArgAbi ret, CallConv conv, boolean variadic) {
    /** One arg's (or the return value's) passing; the definition and every call site read the same one. */
    sealed interface PassMode {
        /** Not passed: a ZST. */
        record Ignore() implements PassMode {}
        /** One immediate of the scalar's type; {@code ext} ({@code signext}/{@code zeroext}) or null. */
        record Direct(String ext) implements PassMode {}
        /** The two immediates of a scalar pair. */
        record Pair() implements PassMode {}
        /** The value's bytes as one LLVM value of another type: registers of the C ABI. */
        record Cast(CastTarget target) implements PassMode {}
        /**
         * By pointer. An arg points to a copy: the callee's own one on the stack when {@code byval},
         * else the caller's; a return value is written through a leading {@code sret} pointer.
         */
        record Indirect(boolean byval) implements PassMode {}

        PassMode IGNORE = new Ignore();
        PassMode DIRECT = new Direct(null);
        PassMode PAIR = new Pair();
        PassMode INDIRECT = new Indirect(false);
    }

    record ArgAbi(Ty ty, Layout layout, PassMode mode) {
        /** How many LLVM params it takes. */
        int llvmParams() {
            return switch (mode) {
                case PassMode.Ignore i -> 0;
                case PassMode.Pair p -> 2;
                default -> 1;
            };
        }
    }

    /** A register of a cast (rustc_abi/src/callconv/reg.rs): an integer of any byte size, a float, or a vector of bytes. */
    record Reg(Kind kind, int size) {
        enum Kind { INTEGER, FLOAT, VECTOR }

        static final Reg I64 = new Reg(Kind.INTEGER, 8);
        static final Reg I128 = new Reg(Kind.INTEGER, 16);

        LLVMTypeRef llvmType(ModuleCx cx) {
            return switch (kind) {
                case INTEGER -> cx.intType(size);
                case FLOAT -> switch (size) {
                    case 4 -> LLVMFloatTypeInContext(cx.llcx);
                    case 8 -> LLVMDoubleTypeInContext(cx.llcx);
                    case 2 -> LLVMHalfTypeInContext(cx.llcx);
                    default -> LLVMFP128TypeInContext(cx.llcx);
                };
                case VECTOR -> LLVMVectorType(cx.i8, size);
            };
        }

        /** Its LLVM ABI alignment on both targets: natural, scalars up to 16 ({@code i128:128}). */
        int align() {
            int natural = Integer.highestOneBit(size * 2 - 1);
            return kind == Kind.VECTOR ? natural : Math.min(16, natural);
        }
    }

    /**
     * The LLVM type a {@link PassMode.Cast} passes: the {@code prefix} registers, then {@code count}
     * copies of {@code unit} (rustc's {@code CastTarget}; its LLVM type as rustc_codegen_llvm/src/abi.rs
     * builds it: one unit alone, units alone as an array, otherwise a struct).
     */
    record CastTarget(List<Reg> prefix, Reg unit, int count) {
        CastTarget {
            prefix = List.copyOf(prefix);
        }

        static CastTarget of(Reg unit) {
            return new CastTarget(List.of(), unit, 1);
        }

        /** {@code total} bytes in units, the last one possibly partly used (rustc's {@code Uniform}). */
        static CastTarget uniform(Reg unit, long total) {
            return new CastTarget(List.of(), unit, (int) ((total + unit.size() - 1) / unit.size()));
        }

        static CastTarget pair(Reg a, Reg b) {
            return new CastTarget(List.of(a), b, 1);
        }

        LLVMTypeRef llvmType(ModuleCx cx) {
            LLVMTypeRef u = unit.llvmType(cx);
            if (prefix.isEmpty()) return count == 1 ? u : LLVMArrayType2(u, count);
            List<LLVMTypeRef> fields = new ArrayList<>();
            for (Reg r : prefix) fields.add(r.llvmType(cx));
            fields.addAll(Collections.nCopies(count, u));
            return cx.struct(fields.toArray(new LLVMTypeRef[0]));
        }

        private List<Reg> regs() {
            List<Reg> out = new ArrayList<>(prefix);
            out.addAll(Collections.nCopies(count, unit));
            return out;
        }

        int align() {
            int a = 1;
            for (Reg r : regs()) a = Math.max(a, r.align());
            return a;
        }

        /** Its LLVM alloc size: the registers laid out as a struct's fields. */
        long size() {
            long off = 0;
            for (Reg r : regs()) off = alignTo(off, r.align()) + r.size();
            return alignTo(off, align());
        }

        private static long alignTo(long v, int a) {
            return (v + a - 1) / a * a;
        }
    }

    /** The hidden {@code &'static Location} argument, as a thin pointer. */
    static final Ty LOCATION_REF = new Ty.RawPtr(new Ty.Int(Ty.IntTy.U8), Ty.Mutability.NOT);

    /**
     * The ABI of a fn taking {@code inputs} and returning {@code output}; a {@code rust-call} fn's
     * trailing tuple is spread into its fields, as rustc's {@code untuple_args}; a {@code #[track_caller]}
     * fn takes the caller's {@code &Location} last. {@code what} names the fn for errors.
     */
    static FnAbi of(ModuleCx cx, CallConv conv, List<Ty> inputs, Ty output, boolean trackCaller, String what) {
        List<Ty> flat = new ArrayList<>(inputs);
        if (conv == CallConv.RUST_CALL && !flat.isEmpty() && flat.getLast() instanceof Ty.Tuple t) {
            flat.removeLast();
            flat.addAll(t.elements());
        }
        if (trackCaller) flat.add(LOCATION_REF);
        if (conv == CallConv.C) return CAbi.of(cx.env, cx.target, flat, output, what);
        List<ArgAbi> args = new ArrayList<>();
        for (Ty t : flat) args.add(rustArg(cx.env, t));
        return new FnAbi(args, rustArg(cx.env, output), conv, false);
    }

    private static ArgAbi rustArg(CodegenEnv env, Ty ty) {
        Layout l = env.layout(ty);
        PassMode mode;
        if (l.isZst()) mode = PassMode.IGNORE;
        else if (l.abi() instanceof Abi.ScalarAbi) mode = PassMode.DIRECT;
        else if (l.abi() instanceof Abi.ScalarPair) mode = PassMode.PAIR;
        else mode = PassMode.INDIRECT;
        return new ArgAbi(ty, l, mode);
    }

    boolean sret() {
        return ret.mode instanceof PassMode.Indirect;
    }

    /**
     * The C ABI's attributes, on a definition or, for a call through a pointer, on the call site:
     * integer extension, {@code byval} and {@code sret} with the type's size and alignment
     * (rustc_codegen_llvm/src/abi.rs {@code apply_attrs_llfn}). The Rust ABI is ours and takes none.
     */
    void applyAttributes(ModuleCx cx, LLVMValueRef fnOrCall, boolean callSite) {
        if (conv != CallConv.C) return;
        int param = 0;
        if (sret()) {
            param++;
            attr(cx, fnOrCall, callSite, 1, cx.typeAttribute("sret", LLVMArrayType2(cx.i8, ret.layout.size())));
            attr(cx, fnOrCall, callSite, 1, cx.intAttribute("align", ret.layout.align()));
        }
        if (ret.mode instanceof PassMode.Direct d && d.ext() != null) {
            attr(cx, fnOrCall, callSite, LLVMAttributeReturnIndex, cx.intAttribute(d.ext(), 0));
        }
        for (ArgAbi a : args) {
            int index = param + 1;
            switch (a.mode) {
                case PassMode.Direct d when d.ext() != null -> attr(cx, fnOrCall, callSite, index, cx.intAttribute(d.ext(), 0));
                case PassMode.Indirect ind -> {
                    if (ind.byval()) attr(cx, fnOrCall, callSite, index, cx.typeAttribute("byval", LLVMArrayType2(cx.i8, a.layout.size())));
                    attr(cx, fnOrCall, callSite, index, cx.intAttribute("align", a.layout.align()));
                }
                default -> { }
            }
            param += a.llvmParams();
        }
    }

    private static void attr(ModuleCx cx, LLVMValueRef fnOrCall, boolean callSite, int index, LLVMAttributeRef a) {
        if (callSite) LLVMAddCallSiteAttribute(fnOrCall, index, a);
        else LLVMAddAttributeAtIndex(fnOrCall, index, a);
    }
}
