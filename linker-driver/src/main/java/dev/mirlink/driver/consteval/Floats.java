package dev.mirlink.driver.consteval;

import dev.mirlink.mir.body.Rvalue;
import dev.mirlink.mir.ty.Ty;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * f16/f32/f64 arithmetic for the interpreter (IEEE 754 round-to-nearest-even, as rustc_apfloat); f128 is
 * unsupported. f16 operations run in f32 and round once to f16, exact for + - * / % since f32 has
 * more than 2*11+2 bits; conversions to f16 round the exact value.
 */
final class Floats {
    private Floats() {}

    private static void check(Ty.FloatTy t) {
        if (t == Ty.FloatTy.F128) throw new ConstEvalException("float", t.rustName() + " arithmetic");
    }

    /** The bits of a float as rustc prints it ({@code 1.5}, {@code 2.2204460492503131E-16}, {@code +Inf}, {@code NaN}). */
    static BigInteger parse(String text, Ty.FloatTy t) {
        check(t);
        String s = text.replace("_", "");
        double d;
        if (s.contains("Inf")) d = s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        else if (s.contains("NaN")) d = Double.NaN;
        else d = Double.parseDouble(s);
        if (t == Ty.FloatTy.F16) return s.contains("Inf") || s.contains("NaN") ? bits(d, t) : BigInteger.valueOf(f16(new BigDecimal(s)));
        if (t == Ty.FloatTy.F32) {
            float fl = s.contains("Inf") || s.contains("NaN") ? (float) d : Float.parseFloat(s);
            return BigInteger.valueOf(Float.floatToRawIntBits(fl) & 0xffffffffL);
        }
        return unsigned64(Double.doubleToRawLongBits(d));
    }

    static BigInteger unsigned64(long bits) {
        BigInteger b = BigInteger.valueOf(bits);
        return bits < 0 ? b.add(BigInteger.ONE.shiftLeft(64)) : b;
    }

    static double toDouble(BigInteger bits, Ty.FloatTy t) {
        check(t);
        return switch (t) {
            case F16 -> Float.float16ToFloat(bits.shortValue());
            case F32 -> Float.intBitsToFloat(bits.intValue());
            default -> Double.longBitsToDouble(bits.longValue());
        };
    }

    /**
     * The bits of an arithmetic result; a NaN result is the preferred quiet NaN with a positive sign
     * (interpret/operator.rs {@code adjust_nan}, interpret/machine.rs default {@code generate_nan}).
     */
    static BigInteger bits(double d, Ty.FloatTy t) {
        if (Double.isNaN(d)) {
            return switch (t) {
                case F16 -> BigInteger.valueOf(0x7e00);
                case F32 -> BigInteger.valueOf(0x7fc00000L);
                default -> BigInteger.valueOf(0x7ff8000000000000L);
            };
        }
        if (t == Ty.FloatTy.F16) {
            if (Double.isInfinite(d)) return BigInteger.valueOf(d > 0 ? 0x7c00 : 0xfc00);
            if (d == 0) return BigInteger.valueOf(1 / d < 0 ? 0x8000 : 0);
            return BigInteger.valueOf(f16(new BigDecimal(d)));
        }
        return t == Ty.FloatTy.F32 ? BigInteger.valueOf(Float.floatToRawIntBits((float) d) & 0xffffffffL)
                : unsigned64(Double.doubleToRawLongBits(d));
    }

    /** The f16 nearest to a finite value (ties to even), by search over the f16 values, which convert to BigDecimal exactly. */
    static int f16(BigDecimal v) {
        int sign = v.signum() < 0 ? 0x8000 : 0;
        BigDecimal a = v.abs();
        BigDecimal max = f16Value(0x7bff), overflow = new BigDecimal(65520);
        if (a.compareTo(max) >= 0) return sign | (a.compareTo(overflow) >= 0 ? 0x7c00 : 0x7bff);
        int lo = 0, hi = 0x7bff; // largest h with value(h) <= a
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (f16Value(mid).compareTo(a) <= 0) lo = mid;
            else hi = mid - 1;
        }
        int c = a.subtract(f16Value(lo)).compareTo(f16Value(lo + 1).subtract(a));
        int h = c < 0 ? lo : c > 0 ? lo + 1 : (lo & 1) == 0 ? lo : lo + 1;
        return sign | h;
    }

    private static BigDecimal f16Value(int h) {
        return new BigDecimal(Float.float16ToFloat((short) h));
    }

    static Mem binop(Rvalue.BinOp op, Mem l, Mem r, Ty.FloatTy t, Interp in) {
        check(t);
        int size = l.size();
        if (t == Ty.FloatTy.F32 || t == Ty.FloatTy.F16) {
            float a = (float) toDouble(l.readUint(0, size), t), b = (float) toDouble(r.readUint(0, size), t);
            Float res = switch (op) {
                case Add -> a + b;
                case Sub -> a - b;
                case Mul -> a * b;
                case Div -> a / b;
                case Rem -> a % b;
                default -> null;
            };
            if (res != null) return Interp.intMem(bits(res, t), size, new Ty.Float(t));
            return compare(op, a, b, t);
        }
        double a = Double.longBitsToDouble(l.readUint(0, 8).longValue()), b = Double.longBitsToDouble(r.readUint(0, 8).longValue());
        Double res = switch (op) {
            case Add -> a + b;
            case Sub -> a - b;
            case Mul -> a * b;
            case Div -> a / b;
            case Rem -> a % b;
            default -> null;
        };
        if (res != null) return Interp.intMem(bits(res, t), size, new Ty.Float(t));
        return compare(op, a, b, t);
    }

    private static Mem compare(Rvalue.BinOp op, double a, double b, Ty.FloatTy t) {
        return switch (op) {
            case Eq -> Interp.boolMem(a == b);
            case Ne -> Interp.boolMem(a != b);
            case Lt -> Interp.boolMem(a < b);
            case Le -> Interp.boolMem(a <= b);
            case Gt -> Interp.boolMem(a > b);
            case Ge -> Interp.boolMem(a >= b);
            default -> throw new ConstEvalException("operator", op + " on " + t.rustName());
        };
    }

    static BigInteger fromInt(BigInteger v, Ty.FloatTy t) {
        check(t);
        if (t == Ty.FloatTy.F16) return BigInteger.valueOf(f16(new BigDecimal(v)));
        return t == Ty.FloatTy.F32 ? BigInteger.valueOf(Float.floatToRawIntBits(v.floatValue()) & 0xffffffffL)
                : unsigned64(Double.doubleToRawLongBits(v.doubleValue()));
    }

    /** {@code as} from float to int: truncation, saturating at the bounds, NaN to 0. */
    static BigInteger toInt(BigInteger bits, Ty.FloatTy t, int size, boolean signed) {
        double d = toDouble(bits, t);
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(size * 8 - 1).negate() : BigInteger.ZERO;
        BigInteger max = signed ? BigInteger.ONE.shiftLeft(size * 8 - 1).subtract(BigInteger.ONE) : BigInteger.ONE.shiftLeft(size * 8).subtract(BigInteger.ONE);
        if (Double.isNaN(d)) return BigInteger.ZERO;
        if (Double.isInfinite(d)) return d > 0 ? max : min;
        BigInteger v = new BigDecimal(d).toBigInteger();
        return v.compareTo(min) < 0 ? min : v.compareTo(max) > 0 ? max : v;
    }

    /** The float intrinsics ({@code fabs}, {@code copysignf64}, {@code floorf32}, …); null when {@code name} is none of them. */
    static Mem intrinsic(String name, List<Mem> args, Ty t0) {
        String base = name.replaceAll("_?f(32|64|16|128)$", "");
        Ty.FloatTy t = name.endsWith("f16") ? Ty.FloatTy.F16 : name.endsWith("f32") ? Ty.FloatTy.F32 : name.endsWith("f64") ? Ty.FloatTy.F64
                : t0 instanceof Ty.Float f ? f.kind() : null;
        if (t == null || !List.of("fabs", "copysign", "floor", "ceil", "trunc", "round", "round_ties_even", "minimum_number_nsz",
                "maximum_number_nsz", "minimum", "maximum", "minnum", "maxnum").contains(base)) return null;
        check(t);
        int size = switch (t) {
            case F16 -> 2;
            case F32 -> 4;
            default -> 8;
        };
        BigInteger signBit = BigInteger.ONE.shiftLeft(size * 8 - 1);
        BigInteger a = args.get(0).readUint(0, size);
        double x = toDouble(a, t);
        BigInteger r = switch (base) {
            case "fabs" -> a.andNot(signBit);
            case "copysign" -> a.andNot(signBit).or(args.get(1).readUint(0, size).and(signBit));
            case "floor" -> bits(Math.floor(x), t);
            case "ceil" -> bits(Math.ceil(x), t);
            case "trunc" -> bits(x < 0 ? Math.ceil(x) : Math.floor(x), t);
            case "round_ties_even" -> bits(Math.rint(x), t);
            case "round" -> {
                double tr = x < 0 ? Math.ceil(x) : Math.floor(x);
                yield bits(Math.abs(x - tr) >= 0.5 ? tr + Math.signum(x) : tr, t);
            }
            default -> {
                double y = toDouble(args.get(1).readUint(0, size), t);
                boolean min = base.startsWith("min");
                if (base.endsWith("_nsz") || base.endsWith("num")) {
                    // IEEE minNum/maxNum: a NaN operand yields the other one
                    if (Double.isNaN(x)) yield bits(y, t);
                    if (Double.isNaN(y)) yield bits(x, t);
                }
                yield bits(min ? Math.min(x, y) : Math.max(x, y), t);
            }
        };
        return Interp.intMem(r, size, new Ty.Float(t));
    }

    static BigInteger convert(BigInteger bits, Ty.FloatTy from, Ty.FloatTy to) {
        return bits(toDouble(bits, from), to);
    }
}
