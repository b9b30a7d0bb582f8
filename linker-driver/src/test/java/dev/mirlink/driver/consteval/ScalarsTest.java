package dev.mirlink.driver.consteval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirlink.mir.ty.Ty;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The interpreter's scalar rules that need no program: wrapping, float bits and casts, memory with provenance. */
class ScalarsTest {
    @Test
    void wrapTruncatesAndSignExtends() {
        assertEquals(BigInteger.valueOf(-1), Interp.wrap(BigInteger.valueOf(255), 1, true));
        assertEquals(BigInteger.valueOf(255), Interp.wrap(BigInteger.valueOf(-1), 1, false));
        assertEquals(BigInteger.ZERO, Interp.wrap(BigInteger.ONE.shiftLeft(64), 8, false));
        assertEquals(BigInteger.valueOf(Long.MIN_VALUE), Interp.wrap(BigInteger.ONE.shiftLeft(63), 8, true));
    }

    @Test
    void floatsParseAsRustcPrintsThem() {
        assertEquals(BigInteger.valueOf(0x3ff8000000000000L), Floats.parse("1.5", Ty.FloatTy.F64));
        assertEquals(BigInteger.valueOf(0x7ff0000000000000L), Floats.parse("+Inf", Ty.FloatTy.F64));
        assertEquals(Floats.unsigned64(0xfff0000000000000L), Floats.parse("-Inf", Ty.FloatTy.F64));
        assertEquals(BigInteger.valueOf(0x7fc00000L), Floats.parse("NaN", Ty.FloatTy.F32));
        assertEquals(BigInteger.valueOf(0x3c23d70aL), Floats.parse("0.01", Ty.FloatTy.F32));
    }

    @Test
    void halfFloatsRoundExactly() {
        assertEquals(BigInteger.valueOf(0x3c00), Floats.parse("1.0", Ty.FloatTy.F16));
        assertEquals(BigInteger.valueOf(0x7bff), Floats.parse("65504", Ty.FloatTy.F16));
        assertEquals(BigInteger.valueOf(0x2e66), Floats.parse("0.1", Ty.FloatTy.F16));
        assertEquals(BigInteger.valueOf(0x0400), Floats.parse("6.1035156E-5", Ty.FloatTy.F16));
        assertEquals(BigInteger.valueOf(0x7c00), Floats.fromInt(BigInteger.valueOf(65520), Ty.FloatTy.F16));
        assertEquals(BigInteger.valueOf(0x7bff), Floats.fromInt(BigInteger.valueOf(65519), Ty.FloatTy.F16));
        // 2049 lies halfway between 2048 and 2050: ties to even
        assertEquals(BigInteger.valueOf(0x6800), Floats.fromInt(BigInteger.valueOf(2049), Ty.FloatTy.F16));
    }

    @Test
    void floatToIntSaturates() {
        BigInteger nan = Floats.parse("NaN", Ty.FloatTy.F64), big = Floats.parse("1e300", Ty.FloatTy.F64);
        assertEquals(BigInteger.ZERO, Floats.toInt(nan, Ty.FloatTy.F64, 4, true));
        assertEquals(BigInteger.valueOf(255), Floats.toInt(big, Ty.FloatTy.F64, 1, false));
        assertEquals(BigInteger.ZERO, Floats.toInt(Floats.parse("-1.5", Ty.FloatTy.F64), Ty.FloatTy.F64, 4, false));
        assertEquals(BigInteger.valueOf(-1), Floats.toInt(Floats.parse("-1.5", Ty.FloatTy.F64), Ty.FloatTy.F64, 4, true));
    }

    @Test
    void nanResultsArePositiveQuiet() {
        Mem zero = Interp.intMem(BigInteger.ZERO, 8, new Ty.Float(Ty.FloatTy.F64));
        Mem r = Floats.binop(dev.mirlink.mir.body.Rvalue.BinOp.Div, zero, zero, Ty.FloatTy.F64, null);
        assertEquals(BigInteger.valueOf(0x7ff8000000000000L), r.readUint(0, 8));
    }

    @Test
    void floatIntrinsics() {
        Ty f64 = new Ty.Float(Ty.FloatTy.F64);
        Mem m = Interp.intMem(Floats.parse("-2.5", Ty.FloatTy.F64), 8, f64);
        assertEquals(Floats.parse("2.5", Ty.FloatTy.F64), Floats.intrinsic("fabs", List.of(m), f64).readUint(0, 8));
        assertEquals(Floats.parse("-3.0", Ty.FloatTy.F64), Floats.intrinsic("roundf64", List.of(m), f64).readUint(0, 8));
        assertEquals(Floats.parse("-2.0", Ty.FloatTy.F64), Floats.intrinsic("round_ties_even_f64", List.of(m), f64).readUint(0, 8));
        assertNull(Floats.intrinsic("sqrtf64", List.of(m), f64));
    }

    @Test
    void copyKeepsProvenance() {
        Mem target = new Mem(4, null);
        Mem a = new Mem(16, null);
        a.writePtr(8, 8, new Mem.Ptr(new Mem.Prov.Alloc(target), 2));
        Mem b = new Mem(16, null);
        b.copyFrom(a, 8, 0, 8);
        Mem.Ptr p = b.readPtr(0, 8);
        assertEquals(2, p.offset());
        assertTrue(p.prov() instanceof Mem.Prov.Alloc al && al.mem() == target);
        b.writeLong(4, 4, 7); // overwriting part of a pointer drops its provenance
        assertNull(b.readPtr(0, 8).prov());
    }
}
