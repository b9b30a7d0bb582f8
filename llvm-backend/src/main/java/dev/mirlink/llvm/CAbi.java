package dev.mirlink.llvm;

import dev.mirlink.llvm.FnAbi.ArgAbi;
import dev.mirlink.llvm.FnAbi.CastTarget;
import dev.mirlink.llvm.FnAbi.PassMode;
import dev.mirlink.llvm.FnAbi.Reg;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.layout.Abi;
import dev.mirlink.mir.layout.FieldsShape;
import dev.mirlink.mir.layout.Layout;
import dev.mirlink.mir.layout.Primitive;
import dev.mirlink.mir.layout.Scalar;
import dev.mirlink.mir.layout.Variants;
import dev.mirlink.mir.print.MirPrinter;
import dev.mirlink.mir.ty.Ty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The platform C ABI of {@code extern "C"} fns: which args and return values go in registers, as
 * which LLVM types, and which in memory. ZSTs are not passed (rustc_ty_utils/src/abi.rs, on both
 * targets). x86_64 classifies a value's eightbytes as SysV says (rustc_target/src/callconv/x86_64.rs);
 * AArch64 follows AAPCS64 (callconv/aarch64.rs, with the homogeneous aggregates of
 * rustc_abi/src/callconv.rs). Both walk a value's leaf scalars through {@link #fields} and
 * {@link #variants}.
 */
final class CAbi {
    private final CodegenEnv env;
    private final String what;
    /** The arg or return value being classified, and which of the two it is, for errors. */
    private Ty top;
    private boolean topIsRet;

    private CAbi(CodegenEnv env, String what) {
        this.env = env;
        this.what = what;
    }

    static FnAbi of(CodegenEnv env, CodegenTarget target, List<Ty> args, Ty ret, String what) {
        CAbi c = new CAbi(env, what);
        return switch (target) {
            case X86_64 -> c.x86_64(args, ret);
            case AARCH64 -> c.aarch64(args, ret);
        };
    }

    // ---- x86_64 SysV

    /** An eightbyte's class; the order is from general to specific, so that merging two keeps the smaller. */
    private enum Class { INT, SSE, SSE_UP }

    private static final int MAX_EIGHTBYTES = 8;

    private FnAbi x86_64(List<Ty> argTys, Ty retTy) {
        int intRegs = 6, sseRegs = 8;
        ArgAbi ret = arg(retTy, true);
        if (!(ret.mode() instanceof PassMode.Ignore)) {
            Class[] cls = eightbytes(ret);
            if (cls == null) {
                ret = with(ret, PassMode.INDIRECT);
                intRegs--; // the sret pointer
            } else if (isAggregate(ret.layout())) {
                ret = with(ret, new PassMode.Cast(castTarget(cls, ret.layout().size())));
            }
        }
        List<ArgAbi> args = new ArrayList<>();
        for (Ty t : argTys) {
            ArgAbi a = arg(t, false);
            if (a.mode() instanceof PassMode.Ignore) {
                args.add(a);
                continue;
            }
            Class[] cls = eightbytes(a);
            if (cls != null) {
                int needInt = 0, needSse = 0;
                for (Class c : cls) {
                    if (c == Class.INT) needInt++;
                    else if (c == Class.SSE) needSse++;
                }
                if (needInt <= intRegs && needSse <= sseRegs) {
                    intRegs -= needInt;
                    sseRegs -= needSse;
                } else if (isAggregate(a.layout())) {
                    // out of registers: an aggregate goes on the stack as a whole; LLVM does that itself for a scalar
                    cls = null;
                }
            }
            if (cls == null) a = with(a, new PassMode.Indirect(true));
            else if (isAggregate(a.layout())) a = with(a, new PassMode.Cast(castTarget(cls, a.layout().size())));
            else a = with(a, new PassMode.Direct(extension(a.layout())));
            args.add(a);
        }
        return new FnAbi(args, ret, CallConv.C, false);
    }

    /** The classes of a value's eightbytes (null in the unused ones), or null for MEMORY. */
    private Class[] eightbytes(ArgAbi a) {
        long n = (a.layout().size() + 7) / 8;
        if (n > MAX_EIGHTBYTES) return null;
        Class[] cls = new Class[MAX_EIGHTBYTES];
        if (!classify(a.ty(), a.layout(), cls, 0)) return null;
        if (n > 2) {
            // only a vector's eightbytes after the first SSE one go in one register
            if (cls[0] != Class.SSE) return null;
            for (int i = 1; i < n; i++) if (cls[i] != Class.SSE_UP) return null;
        } else {
            for (int i = 0; i < n; i++) {
                if (cls[i] == Class.SSE_UP && (i == 0 || cls[i - 1] != Class.SSE && cls[i - 1] != Class.SSE_UP)) cls[i] = Class.SSE;
            }
        }
        return cls;
    }

    /** Merges the classes of a value at {@code off} into {@code cls}; false for MEMORY (a misaligned field). */
    private boolean classify(Ty ty, Layout l, Class[] cls, long off) {
        if (off % l.align() != 0) return l.isZst();
        if (l.isZst()) return true;
        Class c;
        switch (l.abi()) {
            case Abi.ScalarAbi s -> c = s.scalar().primitive().kind() == Primitive.Kind.FLOAT ? Class.SSE : Class.INT;
            case Abi.Vector v -> c = Class.SSE;
            default -> {
                for (Part f : fields(ty, l)) if (!classify(f.ty(), f.layout(), cls, off + f.offset())) return false;
                // an enum's variants overlap like a union's fields
                for (Layout variant : variants(l)) if (!classify(ty, variant, cls, off)) return false;
                return true;
            }
        }
        int first = (int) (off / 8), last = (int) ((off + l.size() - 1) / 8);
        for (int i = first; i <= last; i++) {
            cls[i] = cls[i] == null || c.compareTo(cls[i]) < 0 ? c : cls[i];
            if (c == Class.SSE) c = Class.SSE_UP; // the rest of a vector is the upper half of its register
        }
        return true;
    }

    /** The registers of classified eightbytes: one or two, as an LLVM struct of those (x86_64.rs {@code cast_target}). */
    private static CastTarget castTarget(Class[] cls, long size) {
        int[] i = {0};
        Reg lo = register(cls, i, size);
        long offset = 8L * i[0];
        Reg hi = size > offset ? register(cls, i, size - offset) : null;
        return hi == null ? CastTarget.of(lo) : CastTarget.pair(lo, hi);
    }

    /** The register of the eightbyte at {@code i[0]} (and the SSEUP ones after it), advancing {@code i[0]}; null if unused. */
    private static Reg register(Class[] cls, int[] i, long size) {
        if (i[0] >= cls.length || cls[i[0]] == null) return null;
        if (cls[i[0]] == Class.INT) {
            i[0]++;
            return size < 8 ? new Reg(Reg.Kind.INTEGER, (int) size) : Reg.I64;
        }
        int len = 1;
        while (i[0] + len < cls.length && cls[i[0] + len] == Class.SSE_UP) len++;
        i[0] += len;
        if (len > 1) return new Reg(Reg.Kind.VECTOR, 8 * len);
        return new Reg(Reg.Kind.FLOAT, size == 4 ? 4 : 8);
    }

    /** Integers narrower than 32 bits are extended by the caller (x86_64.rs {@code extend_integer_width_to(32)}, args only). */
    private static String extension(Layout l) {
        if (!(l.abi() instanceof Abi.ScalarAbi s) || s.scalar().primitive().kind() != Primitive.Kind.INT || s.scalar().size() >= 4) return null;
        if (ModuleCx.isBool(s.scalar())) return "zeroext";
        return s.scalar().primitive().signed() ? "signext" : "zeroext";
    }

    // ---- AArch64 AAPCS64

    private FnAbi aarch64(List<Ty> argTys, Ty retTy) {
        List<ArgAbi> args = new ArrayList<>();
        for (Ty t : argTys) args.add(aarch64Arg(arg(t, false), false));
        return new FnAbi(args, aarch64Arg(arg(retTy, true), true), CallConv.C, false);
    }

    private ArgAbi aarch64Arg(ArgAbi a, boolean ret) {
        if (a.mode() instanceof PassMode.Ignore || !isAggregate(a.layout())) return a;
        long size = a.layout().size();
        Reg unit = homogeneousUnit(a.ty(), a.layout());
        if (unit != null && size <= 4L * unit.size()
                && (unit.kind() == Reg.Kind.FLOAT || unit.kind() == Reg.Kind.VECTOR && (size == 8 || size == 16))) {
            // a homogeneous floating-point (or short-vector) aggregate of up to four members: in FP/SIMD registers
            return with(a, new PassMode.Cast(CastTarget.uniform(unit, size)));
        }
        if (size <= 16) {
            // an arg aligned to 16 (its alignment without repr(align)) starts at an even register
            Reg r = !ret && a.layout().unadjustedAbiAlign() == 16 ? Reg.I128 : Reg.I64;
            return with(a, new PassMode.Cast(CastTarget.uniform(r, size)));
        }
        // larger: a return value through x8 (sret), an arg as a pointer to the caller's copy, not byval
        return with(a, PassMode.INDIRECT);
    }

    /** A value's homogeneous unit (rustc_abi/src/callconv.rs {@code homogeneous_aggregate}); null when there is none. */
    private Reg homogeneousUnit(Ty ty, Layout l) {
        Homogeneous h = homogeneous(ty, l);
        return h == null ? null : h.unit;
    }

    /** The register every leaf of a value is passed as, or {@link #NO_DATA}; null when they differ or leave gaps. */
    private record Homogeneous(Reg unit) {}

    private static final Homogeneous NO_DATA = new Homogeneous(null);

    private static Homogeneous merge(Homogeneous a, Homogeneous b) {
        if (a == null || b == null) return null;
        if (b == NO_DATA) return a;
        if (a == NO_DATA) return b;
        return a.unit.equals(b.unit) ? a : null;
    }

    private Homogeneous homogeneous(Ty ty, Layout l) {
        switch (l.abi()) {
            case Abi.ScalarAbi s -> {
                return new Homogeneous(new Reg(s.scalar().primitive().kind() == Primitive.Kind.FLOAT ? Reg.Kind.FLOAT : Reg.Kind.INTEGER,
                        (int) l.size()));
            }
            case Abi.Vector v -> {
                return new Homogeneous(new Reg(Reg.Kind.VECTOR, (int) l.size()));
            }
            case Abi.Aggregate agg when !agg.sized() -> {
                return null;
            }
            default -> { }
        }
        if (l.isZst()) return NO_DATA;
        if (l.fields() instanceof FieldsShape.Array) {
            if (!(ty instanceof Ty.Array a)) throw unsupported("aggregate", ty);
            return homogeneous(a.element(), env.layout(a.element()));
        }
        long[] total = {0};
        Homogeneous result = fromFields(fields(ty, l), l.fields() instanceof FieldsShape.Union, 0, total);
        List<Layout> variants = variants(l);
        if (!variants.isEmpty()) {
            // the tag counts as the start of every variant, as if it were `struct { tag, union { variants } }`
            long start = total[0];
            for (Layout v : variants) {
                long[] vt = {0};
                result = merge(result, fromFields(fields(ty, v), false, start, vt));
                total[0] = Math.max(total[0], vt[0]);
            }
        }
        // no padding anywhere
        return result == null || total[0] != l.size() ? null : result;
    }

    /** The fields' merged unit, if each (1-ZSTs aside) follows the previous one without a gap; {@code total[0]} gets their end. */
    private Homogeneous fromFields(List<Part> fields, boolean union, long start, long[] total) {
        Homogeneous result = NO_DATA;
        long end = start;
        for (Part f : fields) {
            if (f.layout().is1Zst()) continue;
            if (!union && end != f.offset()) return null;
            result = merge(result, homogeneous(f.ty(), f.layout()));
            if (result == null) return null;
            end = union ? Math.max(end, f.layout().size()) : end + f.layout().size();
        }
        total[0] = end;
        return result;
    }

    // ---- shared

    /**
     * An arg or return value before the platform's rules: ignored if a ZST, else direct, a {@code bool}
     * zero-extended (rustc_ty_utils/src/abi.rs {@code arg_attrs_for_rust_scalar}).
     */
    private ArgAbi arg(Ty ty, boolean ret) {
        top = ty;
        topIsRet = ret;
        Layout l = env.layout(ty);
        if (l.isZst()) return new ArgAbi(ty, l, PassMode.IGNORE);
        if (l.isUnsized()) throw unsupported("unsized", ty);
        if (l.abi() instanceof Abi.Vector) throw unsupported("SIMD vector", ty);
        boolean bool = l.abi() instanceof Abi.ScalarAbi s && ModuleCx.isBool(s.scalar());
        return new ArgAbi(ty, l, bool ? new PassMode.Direct("zeroext") : PassMode.DIRECT);
    }

    private static ArgAbi with(ArgAbi a, PassMode mode) {
        return new ArgAbi(a.ty(), a.layout(), mode);
    }

    /** rustc's {@code is_aggregate}: a scalar pair or memory, not a scalar or vector. */
    private static boolean isAggregate(Layout l) {
        return l.abi() instanceof Abi.ScalarPair || l.abi() instanceof Abi.Aggregate;
    }

    /** A field at {@code offset} from its parent; {@code ty} is null for a bare scalar (a tag, a half of a wide pointer). */
    private record Part(Ty ty, Layout layout, long offset) {}

    /**
     * The fields of an aggregate value (or variant), in field order: an enum with several variants has
     * only its tag here (its variants are in {@link #variants}); the halves of a scalar pair whose fields have
     * no types here (a wide pointer) are bare scalars.
     */
    private List<Part> fields(Ty ty, Layout l) {
        if (l.variants() instanceof Variants.Multiple m) {
            return List.of(new Part(null, scalarLayout(m.tag()), l.fields().offset(m.tagField())));
        }
        int variant = l.variants() instanceof Variants.Single s ? s.index() : 0;
        List<Ty> tys = fieldTys(ty, l, variant);
        if (tys == null && l.abi() instanceof Abi.ScalarPair p) {
            return List.of(new Part(null, scalarLayout(p.a()), 0), new Part(null, scalarLayout(p.b()), FunctionCx.pairOffset(p)));
        }
        if (tys == null) throw unsupported("aggregate", ty);
        return parts(tys, l);
    }

    /** The layouts of the variants of an enum with several (their fields are {@link #fields} of each); none for another value. */
    private static List<Layout> variants(Layout l) {
        return l.variants() instanceof Variants.Multiple m ? m.variants() : List.of();
    }

    private List<Part> parts(List<Ty> tys, Layout l) {
        List<Part> out = new ArrayList<>();
        for (int i = 0; i < tys.size(); i++) out.add(new Part(tys.get(i), env.layout(tys.get(i)), l.fields().offset(i)));
        return out;
    }

    /** The types of the fields {@code l} (of {@code ty}, or of its variant {@code variant}) lays out; null when unknown. */
    private List<Ty> fieldTys(Ty ty, Layout l, int variant) {
        List<Ty> tys = switch (ty) {
            case null -> null;
            case Ty.Tuple t -> t.elements();
            case Ty.Array a -> l.fields() instanceof FieldsShape.Array arr && arr.length() <= MAX_EIGHTBYTES * 8
                    ? Collections.nCopies((int) arr.length(), a.element()) : null;
            case Ty.Adt a -> adtVariantFieldTys(a, variant);
            default -> null;
        };
        // a count that disagrees with the layout would misplace fields: refuse rather than guess
        return tys != null && tys.size() == l.fields().count() ? tys : null;
    }

    private List<Ty> adtVariantFieldTys(Ty.Adt a, int variant) {
        Item.Adt def = env.adtDef(a);
        if (def == null || variant >= def.variants().size()) return null;
        List<Ty> all = env.fieldTys(a);
        int from = 0;
        for (int v = 0; v < variant; v++) from += def.variants().get(v).fields().size();
        int to = from + def.variants().get(variant).fields().size();
        return to <= all.size() ? all.subList(from, to) : null;
    }

    private static Layout scalarLayout(Scalar s) {
        return new Layout(s.size(), s.align(), new FieldsShape.Primitive(), new Variants.Single(0), new Abi.ScalarAbi(s), null, false,
                s.align());
    }

    /** A value whose passing we cannot work out: {@code inner} is the value itself or the field whose fields are unknown. */
    private LlvmException unsupported(String kind, Ty inner) {
        MirPrinter p = new MirPrinter();
        String field = inner == null || inner.equals(top) ? "" : " (a field of type " + p.print(inner) + ")";
        return new LlvmException("unsupported: " + kind + " " + (topIsRet ? "return value" : "argument") + " of type " + p.print(top) + field
                + " in the C ABI of " + what);
    }
}
