package dev.mirlink.mir.alloc;

import java.util.Arrays;

/** An immutable byte array with value equality (records compare arrays by identity). */
public final class Bytes {
    private static final Bytes EMPTY = new Bytes(new byte[0]);
    private final byte[] data;

    private Bytes(byte[] data) { this.data = data; }

    public static Bytes of(byte[] data) { return data.length == 0 ? EMPTY : new Bytes(data.clone()); }

    /** Takes ownership of {@code data}; the caller must not change it afterwards. */
    public static Bytes wrap(byte[] data) { return new Bytes(data); }

    public int length() { return data.length; }

    public int get(int i) { return data[i] & 0xff; }

    public byte[] toArray() { return data.clone(); }

    @Override public boolean equals(Object o) { return o instanceof Bytes b && Arrays.equals(data, b.data); }

    @Override public int hashCode() { return Arrays.hashCode(data); }

    @Override public String toString() { return "Bytes[" + data.length + "]"; }
}
