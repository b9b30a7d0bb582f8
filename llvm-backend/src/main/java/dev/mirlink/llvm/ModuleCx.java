package dev.mirlink.llvm;

import dev.mirlink.mir.layout.Primitive;
import dev.mirlink.mir.layout.Scalar;
import dev.mirlink.mir.layout.WrappingRange;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMAttributeRef;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.bytedeco.llvm.global.LLVM.*;

/**
 * One codegen unit's LLVM context, module and builder (STYLE 8: disposed builder first, then
 * module, then context), with what every fn of the unit shares: LLVM types of scalars, fn
 * declarations by symbol and constant globals.
 */
final class ModuleCx implements AutoCloseable {
    final CodegenEnv env;
    final CodegenTarget target;
    final LLVMContextRef llcx;
    final LLVMModuleRef module;
    final LLVMBuilderRef builder;
    final LLVMTypeRef i1, i8, i32, i64, ptr, isize, voidTy;
    final int ptrSize = 8;
    private final Map<ConstData, LLVMValueRef> constGlobals = new IdentityHashMap<>();
    private int nextPrivate;
    private boolean closed;

    ModuleCx(CodegenEnv env, CodegenTarget target, String name) {
        this.env = env;
        this.target = target;
        this.llcx = LLVMContextCreate();
        this.module = LLVMModuleCreateWithNameInContext(name, llcx);
        this.builder = LLVMCreateBuilderInContext(llcx);
        i1 = LLVMInt1TypeInContext(llcx);
        i8 = LLVMInt8TypeInContext(llcx);
        i32 = LLVMInt32TypeInContext(llcx);
        i64 = LLVMInt64TypeInContext(llcx);
        ptr = LLVMPointerTypeInContext(llcx, 0);
        isize = i64;
        voidTy = LLVMVoidTypeInContext(llcx);
    }

    /**
     * An array of LLVM refs for the C API. Never {@code new PointerPointer<>(ref)} with one ref: that
     * constructor casts the ref itself instead of wrapping it.
     */
    @SafeVarargs
    static <P extends org.bytedeco.javacpp.Pointer> PointerPointer<P> pp(P... refs) {
        return new PointerPointer<>(refs);
    }

    // ---- types

    LLVMTypeRef intType(int bytes) {
        return LLVMIntTypeInContext(llcx, bytes * 8);
    }

    /** A scalar's type in memory. */
    LLVMTypeRef memType(Primitive p) {
        return switch (p.kind()) {
            case INT -> intType(p.size());
            case POINTER -> ptr;
            case FLOAT -> switch (p.size()) {
                case 2 -> LLVMHalfTypeInContext(llcx);
                case 4 -> LLVMFloatTypeInContext(llcx);
                case 8 -> LLVMDoubleTypeInContext(llcx);
                default -> LLVMFP128TypeInContext(llcx);
            };
        };
    }

    /** A scalar's type as an SSA value: {@code bool} is {@code i1} there, {@code i8} in memory (rustc's {@code immediate_llvm_type}). */
    LLVMTypeRef immType(Scalar s) {
        return isBool(s) ? i1 : memType(s.primitive());
    }

    static boolean isBool(Scalar s) {
        return s instanceof Scalar.Initialized init && init.primitive().kind() == Primitive.Kind.INT && init.primitive().size() == 1
                && init.validRange().equals(WrappingRange.of(0, 1));
    }

    LLVMTypeRef fnType(FnAbi abi) {
        List<LLVMTypeRef> params = new ArrayList<>();
        if (abi.sret()) params.add(ptr);
        for (FnAbi.ArgAbi a : abi.args()) {
            switch (a.mode()) {
                case FnAbi.PassMode.Ignore i -> { }
                case FnAbi.PassMode.Direct d -> params.add(immType(scalar(a, 0)));
                case FnAbi.PassMode.Pair p -> {
                    params.add(immType(scalar(a, 0)));
                    params.add(immType(scalar(a, 1)));
                }
                case FnAbi.PassMode.Cast c -> params.add(c.target().llvmType(this));
                case FnAbi.PassMode.Indirect i -> params.add(ptr);
            }
        }
        LLVMTypeRef ret = switch (abi.ret().mode()) {
            case FnAbi.PassMode.Ignore i -> voidTy;
            case FnAbi.PassMode.Indirect i -> voidTy;
            case FnAbi.PassMode.Direct d -> immType(scalar(abi.ret(), 0));
            case FnAbi.PassMode.Pair p -> struct(immType(scalar(abi.ret(), 0)), immType(scalar(abi.ret(), 1)));
            case FnAbi.PassMode.Cast c -> c.target().llvmType(this);
        };
        return LLVMFunctionType(ret, ModuleCx.pp(params.toArray(new LLVMTypeRef[0])), params.size(), abi.variadic() ? 1 : 0);
    }

    static Scalar scalar(FnAbi.ArgAbi a, int i) {
        return switch (a.layout().abi()) {
            case dev.mirlink.mir.layout.Abi.ScalarAbi s -> s.scalar();
            case dev.mirlink.mir.layout.Abi.ScalarPair p -> i == 0 ? p.a() : p.b();
            default -> throw new IllegalStateException("not a scalar: " + a.ty());
        };
    }

    LLVMTypeRef struct(LLVMTypeRef... fields) {
        return LLVMStructTypeInContext(llcx, ModuleCx.pp(fields), fields.length, 0);
    }

    // ---- values

    LLVMValueRef constInt(LLVMTypeRef t, long v) {
        return LLVMConstInt(t, v, 0);
    }

    /** An integer constant of any width from its two's-complement value. */
    LLVMValueRef constInt(LLVMTypeRef t, BigInteger v) {
        int bits = LLVMGetIntTypeWidth(t);
        BigInteger u = v.and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
        if (bits <= 64) return LLVMConstInt(t, u.longValue(), 0);
        long[] words = new long[(bits + 63) / 64];
        for (int i = 0; i < words.length; i++) words[i] = u.shiftRight(64 * i).longValue();
        return LLVMConstIntOfArbitraryPrecision(t, words.length, words);
    }

    LLVMValueRef usize(long v) {
        return LLVMConstInt(isize, v, 0);
    }

    // ---- symbols

    /** The fn of {@code symbol} in this module, declared with {@code type} if it is not there yet. */
    LLVMValueRef function(String symbol, LLVMTypeRef type) {
        LLVMValueRef f = LLVMGetNamedFunction(module, symbol);
        if (f != null && !f.isNull()) return f;
        f = LLVMAddFunction(module, symbol, type);
        return f;
    }

    /** A static or vtable by symbol: declared as an external byte if not defined here. */
    LLVMValueRef global(String symbol) {
        LLVMValueRef g = LLVMGetNamedGlobal(module, symbol);
        if (g != null && !g.isNull()) return g;
        return LLVMAddGlobal(module, i8, symbol);
    }

    /** A fn used as data (a pointer in a constant or a fn pointer value). */
    LLVMValueRef fnAddress(String symbol) {
        return function(symbol, LLVMFunctionType(voidTy, new PointerPointer<>(0L), 0, 0));
    }

    // ---- constants

    /** The packed struct type of constant memory: byte runs and pointers. */
    LLVMTypeRef constType(ConstData d) {
        List<LLVMTypeRef> parts = new ArrayList<>();
        long at = 0;
        for (long off : d.relocations().keySet()) {
            if (off > at) parts.add(LLVMArrayType2(i8, off - at));
            parts.add(ptr);
            at = off + ptrSize;
        }
        if (at < d.bytes().length) parts.add(LLVMArrayType2(i8, d.bytes().length - at));
        return LLVMStructTypeInContext(llcx, ModuleCx.pp(parts.toArray(new LLVMTypeRef[0])), parts.size(), 1);
    }

    LLVMValueRef constValue(ConstData d) {
        List<LLVMValueRef> parts = new ArrayList<>();
        long at = 0;
        byte[] b = d.bytes();
        for (Map.Entry<Long, ConstData.Reloc> e : d.relocations().entrySet()) {
            long off = e.getKey();
            if (off > at) parts.add(bytes(b, at, off));
            parts.add(pointer(e.getValue(), d.uint(off, ptrSize)));
            at = off + ptrSize;
        }
        if (at < b.length) parts.add(bytes(b, at, b.length));
        return LLVMConstStructInContext(llcx, ModuleCx.pp(parts.toArray(new LLVMValueRef[0])), parts.size(), 1);
    }

    /** A pointer stored in constant memory: its target plus the offset its bytes hold. */
    LLVMValueRef pointer(ConstData.Reloc r, long offset) {
        LLVMValueRef target = switch (r) {
            case ConstData.Reloc.Memory m -> constGlobal(m.data());
            case ConstData.Reloc.Fn f -> fnAddress(f.symbol());
            case ConstData.Reloc.Data s -> global(s.symbol());
            case ConstData.Reloc.ExternWeak w -> externWeak(w.symbol());
        };
        return offset == 0 ? target : LLVMConstGEP2(i8, target, ModuleCx.pp(usize(offset)), 1);
    }

    private LLVMValueRef externWeak(String symbol) {
        String name = "_rust_extern_with_linkage_" + symbol;
        LLVMValueRef g = LLVMGetNamedGlobal(module, name);
        if (g != null && !g.isNull()) return g;
        LLVMValueRef weak = global(symbol);
        LLVMSetLinkage(weak, LLVMExternalWeakLinkage);
        g = LLVMAddGlobal(module, ptr, name);
        LLVMSetInitializer(g, weak);
        LLVMSetLinkage(g, LLVMInternalLinkage);
        LLVMSetAlignment(g, ptrSize);
        return g;
    }

    private LLVMValueRef bytes(byte[] b, long from, long to) {
        byte[] run = java.util.Arrays.copyOfRange(b, (int) from, (int) to);
        return LLVMConstStringInContext(llcx, new BytePointer(run), run.length, 1);
    }

    /** A private global holding constant memory, one per allocation. */
    LLVMValueRef constGlobal(ConstData d) {
        LLVMValueRef g = constGlobals.get(d);
        if (g != null) return g;
        g = LLVMAddGlobal(module, constType(d), "alloc." + nextPrivate++);
        constGlobals.put(d, g);
        LLVMSetInitializer(g, constValue(d));
        LLVMSetLinkage(g, LLVMPrivateLinkage);
        LLVMSetGlobalConstant(g, d.mutable() ? 0 : 1);
        if (!d.mutable()) LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
        LLVMSetAlignment(g, Math.max(1, d.align()));
        return g;
    }

    // ---- attributes

    void addAttribute(LLVMValueRef fn, int index, String name) {
        int kind = LLVMGetEnumAttributeKindForName(name, name.length());
        LLVMAttributeRef a = LLVMCreateEnumAttribute(llcx, kind, 0);
        LLVMAddAttributeAtIndex(fn, index, a);
    }

    LLVMAttributeRef intAttribute(String name, long value) {
        return LLVMCreateEnumAttribute(llcx, LLVMGetEnumAttributeKindForName(name, name.length()), value);
    }

    LLVMAttributeRef typeAttribute(String name, LLVMTypeRef type) {
        return LLVMCreateTypeAttribute(llcx, LLVMGetEnumAttributeKindForName(name, name.length()), type);
    }

    void addTypeAttribute(LLVMValueRef fn, int index, String name, LLVMTypeRef type) {
        int kind = LLVMGetEnumAttributeKindForName(name, name.length());
        LLVMAddAttributeAtIndex(fn, index, LLVMCreateTypeAttribute(llcx, kind, type));
    }

    // ---- intrinsics

    /** An overloaded LLVM intrinsic such as {@code llvm.ctpop} for the given types. */
    LLVMValueRef intrinsic(String name, LLVMTypeRef... overloads) {
        int id = LLVMLookupIntrinsicID(name, name.length());
        if (id == 0) throw new LlvmException("unknown LLVM intrinsic " + name);
        return LLVMGetIntrinsicDeclaration(module, id, ModuleCx.pp(overloads), overloads.length);
    }

    LLVMTypeRef intrinsicType(String name, LLVMTypeRef... overloads) {
        int id = LLVMLookupIntrinsicID(name, name.length());
        return LLVMIntrinsicGetType(llcx, id, ModuleCx.pp(overloads), overloads.length);
    }

    String uniqueName(String prefix) {
        return prefix + "." + nextPrivate++;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        LLVMDisposeBuilder(builder);
        LLVMDisposeModule(module);
        LLVMContextDispose(llcx);
    }
}
