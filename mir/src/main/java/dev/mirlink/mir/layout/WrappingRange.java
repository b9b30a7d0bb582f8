package dev.mirlink.mir.layout;

import java.math.BigInteger;

/** rustc's {@code WrappingRange}: valid values {@code start..=end}, wrapping around when {@code end < start}. */
public record WrappingRange(BigInteger start, BigInteger end) {
    public static WrappingRange full(Primitive p) {
        return new WrappingRange(BigInteger.ZERO, p.unsignedMax());
    }

    public static WrappingRange of(long start, long end) {
        return new WrappingRange(BigInteger.valueOf(start), BigInteger.valueOf(end));
    }

    public WrappingRange withStart(BigInteger s) { return new WrappingRange(s, end); }

    public WrappingRange withEnd(BigInteger e) { return new WrappingRange(start, e); }

    public boolean isFull(Primitive p) {
        return end.add(BigInteger.ONE).and(p.unsignedMax()).equals(start);
    }

    @Override
    public String toString() { return start + "..=" + end; }
}
