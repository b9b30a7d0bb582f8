package dev.mirlink.driver.consteval;

import dev.mirlink.driver.collect.Resolver;
import dev.mirlink.mir.body.Rvalue;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.layout.Layout;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Ty;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The intrinsics const code calls (rustc_const_eval/src/interpret/intrinsics.rs and
 * const_eval/machine.rs {@code call_intrinsic}). {@link #FALLBACK} means "not handled here".
 */
final class Intrinsics {
    static final Mem FALLBACK = new Mem(0, null);

    private Intrinsics() {}

    static Mem call(Interp in, Interp.Frame f, String name, List<GenericArg> tyArgs, List<Mem> args, List<Ty> argTys, Ty retTy) {
        Ty t0 = !tyArgs.isEmpty() && tyArgs.get(0) instanceof GenericArg.Type t ? t.ty() : null;
        int ps = in.ptrSize();
        Mem unit = new Mem(0, retTy);
        switch (name) {
            case "size_of": return in.usize(sized(in, t0, name).size());
            case "align_of", "min_align_of", "pref_align_of": return in.usize(sized(in, t0, name).align());
            case "size_of_val", "align_of_val", "min_align_of_val": {
                Layout l = in.layout(t0);
                boolean size = name.equals("size_of_val");
                if (!in.isUnsized(t0)) return in.usize(size ? l.size() : l.align());
                Mem.Ptr meta = args.get(0).size() > ps ? args.get(0).readPtr(ps, ps) : null;
                Ty tail = in.tail(t0);
                if (tail instanceof Ty.Dynamic && meta != null && meta.prov() instanceof Mem.Prov.VTable vt) {
                    Layout cl = in.layout(vt.ty());
                    if (tail.equals(t0)) return in.usize(size ? cl.size() : cl.align());
                }
                if ((tail instanceof Ty.Slice || tail instanceof Ty.Str) && tail.equals(t0) && meta != null) {
                    Layout el = in.layout(Interp.element(t0));
                    return in.usize(size ? el.size() * meta.offset() : el.align());
                }
                throw new ConstEvalException("intrinsic", name + " of " + t0);
            }
            case "offset_of": {
                // layout.for_variant(variant).fields.offset(field)
                int variant = Interp.uint(args.get(0)).intValueExact(), field = Interp.uint(args.get(1)).intValueExact();
                Layout l = in.layout(t0);
                if (l.variants() instanceof dev.mirlink.mir.layout.Variants.Multiple m) l = m.variants().get(variant);
                return in.usize(l.fields().offset(field));
            }
            case "needs_drop": return Interp.boolMem(in.needsDrop(t0));
            case "variant_count": {
                Item.Adt def = t0 instanceof Ty.Adt ? in.adtDef(t0) : null;
                return in.usize(def != null && def.kind() == Item.Adt.Kind.ENUM ? def.variants().size() : 0);
            }
            case "type_id": {
                // rustc writes the type's hash as the offsets of pointers with type-id provenance; ours hashes the canonical type
                Mem m = new Mem((int) in.layout(retTy).size(), retTy);
                byte[] hash = typeHash(t0);
                for (int off = 0; off + ps <= m.size(); off += ps) {
                    long chunk = 0;
                    for (int i = 0; i < ps; i++) chunk |= (hash[off + i] & 0xffL) << (8 * i);
                    m.writePtr(off, ps, new Mem.Ptr(new Mem.Prov.TypeId(t0), chunk));
                }
                return m;
            }
            case "type_id_eq": {
                Object a = args.get(0).prov.get(0L), b = args.get(1).prov.get(0L);
                if (a == null || b == null) throw new ConstEvalException("intrinsic", "type_id_eq of ids without provenance");
                return Interp.boolMem(a.equals(b));
            }
            case "discriminant_value": {
                Mem.Ptr p = in.ptrOf(args.get(0));
                Mem m = in.memOf(p);
                Item.Adt def = t0 instanceof Ty.Adt ? in.adtDef(t0) : null;
                BigInteger d = def == null || def.kind() != Item.Adt.Kind.ENUM ? BigInteger.ZERO
                        : dev.mirlink.mir.layout.LayoutCx.discriminants(def).get(in.readDiscriminant(m, p.offset(), t0));
                return Interp.intMem(d, (int) in.layout(retTy).size(), retTy);
            }
            case "transmute", "transmute_unchecked": {
                Mem m = new Mem((int) in.layout(retTy).size(), retTy);
                if (m.size() != args.get(0).size()) throw new ConstEvalException("UB", "transmute between sizes " + args.get(0).size() + " and " + m.size());
                m.copyFrom(args.get(0), 0, 0, m.size());
                return m;
            }
            case "black_box", "identity": return args.get(0);
            case "assume": {
                if (Interp.uint(args.get(0)).signum() == 0) throw new ConstEvalException("UB", "assume(false)");
                return unit;
            }
            case "likely", "unlikely": return args.get(0);
            case "cold_path", "forget", "assert_zero_valid", "assert_mem_uninitialized_valid": return unit;
            case "assert_inhabited": {
                if (in.layout(t0).uninhabited()) throw new ConstEvalException("panic", "uninhabited type " + t0);
                return unit;
            }
            case "ub_checks", "contract_checks", "overflow_checks": return Interp.boolMem(true);
            case "is_val_statically_known": return Interp.boolMem(false);
            case "abort": throw new ConstEvalException("panic", "abort");
            case "const_eval_select": return constEvalSelect(in, f, args, argTys, retTy);
            case "ctpop", "ctlz", "cttz", "ctlz_nonzero", "cttz_nonzero": {
                Mem v = args.get(0);
                int bits = v.size() * 8;
                BigInteger x = v.readUint(0, v.size());
                long r = switch (name) {
                    case "ctpop" -> x.bitCount();
                    case "ctlz", "ctlz_nonzero" -> bits - x.bitLength();
                    default -> x.signum() == 0 ? bits : x.getLowestSetBit();
                };
                if (name.endsWith("_nonzero") && x.signum() == 0) throw new ConstEvalException("UB", name + " of 0");
                return Interp.intMem(BigInteger.valueOf(r), (int) in.layout(retTy).size(), retTy);
            }
            case "bswap", "bitreverse": {
                Mem v = args.get(0);
                int n = v.size();
                Mem m = new Mem(n, t0);
                for (int i = 0; i < n; i++) {
                    byte b = v.bytes[i];
                    if (name.equals("bswap")) m.bytes[n - 1 - i] = b;
                    else m.bytes[n - 1 - i] = (byte) (Integer.reverse(b & 0xff) >>> 24);
                }
                return m;
            }
            case "rotate_left", "rotate_right": {
                Mem v = args.get(0);
                int bits = v.size() * 8;
                BigInteger x = v.readUint(0, v.size());
                int s = Interp.uint(args.get(1)).mod(BigInteger.valueOf(bits)).intValue();
                if (name.equals("rotate_right")) s = (bits - s) % bits;
                BigInteger r = x.shiftLeft(s).or(x.shiftRight(bits - s));
                return Interp.intMem(Interp.wrap(r, v.size(), false), v.size(), t0);
            }
            case "unchecked_add": return in.binop(Rvalue.BinOp.AddUnchecked, args.get(0), t0, args.get(1), t0, retTy);
            case "unchecked_sub": return in.binop(Rvalue.BinOp.SubUnchecked, args.get(0), t0, args.get(1), t0, retTy);
            case "unchecked_mul": return in.binop(Rvalue.BinOp.MulUnchecked, args.get(0), t0, args.get(1), t0, retTy);
            case "unchecked_div": return in.binop(Rvalue.BinOp.Div, args.get(0), t0, args.get(1), t0, retTy);
            case "unchecked_rem": return in.binop(Rvalue.BinOp.Rem, args.get(0), t0, args.get(1), t0, retTy);
            case "unchecked_shl": return in.binop(Rvalue.BinOp.ShlUnchecked, args.get(0), t0, args.get(1), argTys.get(1), retTy);
            case "unchecked_shr": return in.binop(Rvalue.BinOp.ShrUnchecked, args.get(0), t0, args.get(1), argTys.get(1), retTy);
            case "wrapping_add": return in.binop(Rvalue.BinOp.Add, args.get(0), t0, args.get(1), t0, retTy);
            case "wrapping_sub": return in.binop(Rvalue.BinOp.Sub, args.get(0), t0, args.get(1), t0, retTy);
            case "wrapping_mul": return in.binop(Rvalue.BinOp.Mul, args.get(0), t0, args.get(1), t0, retTy);
            case "add_with_overflow": return in.binop(Rvalue.BinOp.AddWithOverflow, args.get(0), t0, args.get(1), t0, retTy);
            case "sub_with_overflow": return in.binop(Rvalue.BinOp.SubWithOverflow, args.get(0), t0, args.get(1), t0, retTy);
            case "mul_with_overflow": return in.binop(Rvalue.BinOp.MulWithOverflow, args.get(0), t0, args.get(1), t0, retTy);
            case "three_way_compare": return in.binop(Rvalue.BinOp.Cmp, args.get(0), t0, args.get(1), t0, retTy);
            case "saturating_add", "saturating_sub": {
                boolean signed = Interp.signed(t0);
                int n = args.get(0).size();
                BigInteger a = args.get(0).readInt(0, n, signed), b = args.get(1).readInt(0, n, signed);
                BigInteger r = name.equals("saturating_add") ? a.add(b) : a.subtract(b);
                BigInteger min = signed ? BigInteger.ONE.shiftLeft(n * 8 - 1).negate() : BigInteger.ZERO;
                BigInteger max = signed ? BigInteger.ONE.shiftLeft(n * 8 - 1).subtract(BigInteger.ONE) : BigInteger.ONE.shiftLeft(n * 8).subtract(BigInteger.ONE);
                r = r.compareTo(min) < 0 ? min : r.compareTo(max) > 0 ? max : r;
                return Interp.intMem(r, n, t0);
            }
            case "exact_div": {
                boolean signed = Interp.signed(t0);
                int n = args.get(0).size();
                BigInteger a = args.get(0).readInt(0, n, signed), b = args.get(1).readInt(0, n, signed);
                if (b.signum() == 0 || a.remainder(b).signum() != 0) throw new ConstEvalException("UB", "exact_div of " + a + " by " + b);
                return in.binop(Rvalue.BinOp.Div, args.get(0), t0, args.get(1), t0, retTy);
            }
            case "ptr_offset_from", "ptr_offset_from_unsigned": {
                Mem.Ptr a = in.ptrOf(args.get(0)), b = in.ptrOf(args.get(1));
                if (a.prov() == null ? b.prov() != null : !a.prov().equals(b.prov())) {
                    throw new ConstEvalException("UB", name + " of pointers into different allocations");
                }
                long size = in.layout(t0).size();
                long d = a.offset() - b.offset();
                if (size == 0 || d % size != 0) throw new ConstEvalException("UB", name + " distance " + d + " not a multiple of " + size);
                if (name.endsWith("unsigned") && d < 0) throw new ConstEvalException("UB", name + " with negative distance");
                return Interp.intMem(BigInteger.valueOf(d / size), ps, retTy);
            }
            case "offset", "arith_offset": {
                Mem.Ptr p = in.ptrOf(args.get(0));
                Ty pointee = Interp.pointee(argTys.get(0));
                long n = args.get(1).readInt(0, args.get(1).size(), name.equals("arith_offset") || Interp.signed(argTys.get(1))).longValueExact();
                Mem m = new Mem(args.get(0).size(), argTys.get(0));
                m.copyFrom(args.get(0), 0, 0, m.size());
                m.writePtr(0, ps, new Mem.Ptr(p.prov(), p.offset() + n * in.layout(pointee).size()));
                return m;
            }
            case "ptr_guaranteed_cmp": {
                Mem.Ptr a = in.ptrOf(args.get(0)), b = in.ptrOf(args.get(1));
                int r = a.prov() == null && b.prov() == null || a.prov() != null && a.prov().equals(b.prov())
                        ? (a.offset() == b.offset() ? 1 : 0) : 2;
                return Interp.intMem(BigInteger.valueOf(r), 1, retTy);
            }
            case "read_via_copy": {
                Mem.Ptr p = in.ptrOf(args.get(0));
                Mem m = new Mem((int) in.layout(retTy).size(), retTy);
                if (m.size() > 0) m.copyFrom(in.memOf(p), p.offset(), 0, m.size());
                return m;
            }
            case "write_via_move": {
                Mem.Ptr p = in.ptrOf(args.get(0));
                if (args.get(1).size() > 0) in.memOf(p).copyFrom(args.get(1), 0, p.offset(), args.get(1).size());
                return unit;
            }
            case "copy_nonoverlapping", "copy": {
                long n = Interp.uint(args.get(2)).longValueExact() * in.layout(t0).size();
                in.copyPtr(in.ptrOf(args.get(0)), in.ptrOf(args.get(1)), n);
                return unit;
            }
            case "write_bytes": {
                long n = Interp.uint(args.get(2)).longValueExact() * in.layout(t0).size();
                if (n == 0) return unit;
                Mem.Ptr p = in.ptrOf(args.get(0));
                Mem m = in.memOf(p);
                m.check(p.offset(), n);
                m.clearProv(p.offset(), n);
                for (long i = 0; i < n; i++) m.bytes[(int) (p.offset() + i)] = args.get(1).bytes[0];
                return unit;
            }
            case "raw_eq": {
                long n = in.layout(t0).size();
                Mem.Ptr a = in.ptrOf(args.get(0)), b = in.ptrOf(args.get(1));
                Mem ma = in.memOf(a), mb = in.memOf(b);
                for (long i = 0; i < n; i++) if (ma.bytes[(int) (a.offset() + i)] != mb.bytes[(int) (b.offset() + i)]) return Interp.boolMem(false);
                return Interp.boolMem(true);
            }
            case "compare_bytes": {
                long n = Interp.uint(args.get(2)).longValueExact();
                Mem.Ptr a = in.ptrOf(args.get(0)), b = in.ptrOf(args.get(1));
                int r = 0;
                if (n > 0) {
                    Mem ma = in.memOf(a), mb = in.memOf(b);
                    for (long i = 0; i < n && r == 0; i++) r = Integer.compare(ma.bytes[(int) (a.offset() + i)] & 0xff, mb.bytes[(int) (b.offset() + i)] & 0xff);
                }
                return Interp.intMem(BigInteger.valueOf(r), 4, retTy);
            }
            case "select_unpredictable": return Interp.uint(args.get(0)).signum() != 0 ? args.get(1) : args.get(2);
            case "vtable_size", "vtable_align": {
                Mem.Ptr p = in.ptrOf(args.get(0));
                if (!(p.prov() instanceof Mem.Prov.VTable vt)) throw new ConstEvalException("intrinsic", name + " of a non-vtable pointer");
                Layout l = in.layout(vt.ty());
                return in.usize(name.equals("vtable_size") ? l.size() : l.align());
            }
            default: {
                Mem fl = Floats.intrinsic(name, args, t0);
                return fl != null ? fl : FALLBACK;
            }
        }
    }

    private static Layout sized(Interp in, Ty t, String name) {
        if (t == null) throw new ConstEvalException("intrinsic", name + " without a type argument");
        Layout l = in.layout(t);
        if (l.isUnsized()) throw new ConstEvalException("intrinsic", name + " of unsized " + t);
        return l;
    }

    /** {@code const_eval_select(args, called_in_const, called_at_rt)}: CTFE calls the first fn on the untupled args. */
    private static Mem constEvalSelect(Interp in, Interp.Frame f, List<Mem> args, List<Ty> argTys, Ty retTy) {
        Ty fnTy = argTys.get(1);
        Mem tuple = args.get(0);
        List<Mem> untupled = new ArrayList<>();
        List<Ty> tys = new ArrayList<>();
        if (argTys.get(0) instanceof Ty.Tuple t) {
            Layout l = in.layout(t);
            for (int i = 0; i < t.elements().size(); i++) {
                Ty et = t.elements().get(i);
                Mem e = new Mem((int) in.layout(et).size(), et);
                e.copyFrom(tuple, l.fields().offset(i), 0, e.size());
                untupled.add(e);
                tys.add(et);
            }
        }
        Resolver.Callee callee = switch (fnTy) {
            case Ty.FnDef fd -> in.resolver().callee(f.crate, fd.path(), tys);
            case Ty.Closure c -> {
                untupled.add(0, args.get(1));
                yield new Resolver.Callee.Instance(dev.mirlink.driver.collect.MonoItem.Fn.item(Resolver.closureDefPath(c), Resolver.closureArgs(c)));
            }
            default -> throw new ConstEvalException("intrinsic", "const_eval_select of " + fnTy);
        };
        Mem r = in.invoke(f, callee, untupled, tys, retTy);
        return r == null ? new Mem(0, retTy) : r;
    }

    private static byte[] typeHash(Ty t) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(dev.mirlink.driver.collect.MonoItemPrinter.CANONICAL.ty(t).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
