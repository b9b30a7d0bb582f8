package dev.mirlink.bridge.mirtext;

import java.math.BigInteger;

/** The extreme values rustc prints by name ({@code i32::MIN}, {@code u8::MAX}). */
final class IntBounds {
    private IntBounds() {}

    static BigInteger bound(int bytes, boolean signed, boolean min) {
        int bits = bytes * 8;
        if (signed) {
            BigInteger half = BigInteger.ONE.shiftLeft(bits - 1);
            return min ? half.negate() : half.subtract(BigInteger.ONE);
        }
        return min ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    }
}
