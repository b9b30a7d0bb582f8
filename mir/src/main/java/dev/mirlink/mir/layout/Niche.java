package dev.mirlink.mir.layout;

import java.math.BigInteger;

/**
 * Invalid values of a scalar at {@code offset} that enums can use for their discriminant
 * (rustc_abi/src/lib.rs {@code Niche}).
 */
public record Niche(long offset, Primitive value, WrappingRange validRange) {
    public static Niche fromScalar(long offset, Scalar scalar) {
        if (!(scalar instanceof Scalar.Initialized init)) return null;
        Niche n = new Niche(offset, init.primitive(), init.validRange());
        return n.available().signum() > 0 ? n : null;
    }

    public Niche withOffset(long o) { return new Niche(o, value, validRange); }

    /** How many invalid values there are. */
    public BigInteger available() {
        BigInteger max = value.unsignedMax();
        BigInteger nicheStart = validRange.end().add(BigInteger.ONE).and(max);
        return validRange.start().subtract(nicheStart).and(max);
    }

    /** Reserves {@code count} invalid values: the first of them and the widened scalar, or null. */
    public Reserved reserve(BigInteger count) {
        BigInteger max = value.unsignedMax();
        BigInteger s = validRange.start(), e = validRange.end();
        if (count.compareTo(available()) > 0) return null;
        boolean moveStart;
        BigInteger distanceEndZero = max.subtract(e);
        if (s.compareTo(e) > 0) {
            moveStart = false;
        } else if (s.compareTo(distanceEndZero) <= 0) {
            moveStart = count.compareTo(s) <= 0;
        } else {
            BigInteger end = e.add(count).and(max);
            moveStart = end.signum() > 0 && end.compareTo(e) <= 0;
        }
        if (moveStart) {
            BigInteger start = s.subtract(count).and(max);
            return new Reserved(start, new Scalar.Initialized(value, validRange.withStart(start)));
        }
        BigInteger start = e.add(BigInteger.ONE).and(max);
        BigInteger end = e.add(count).and(max);
        return new Reserved(start, new Scalar.Initialized(value, validRange.withEnd(end)));
    }

    public record Reserved(BigInteger nicheStart, Scalar scalar) {}
}
