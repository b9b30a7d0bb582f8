package dev.mirlink.rlib;

/** Stores bytes as they are. */
final class NoneCodec implements Codec {
    @Override
    public byte id() {
        return 0;
    }

    @Override
    public String name() {
        return "none";
    }

    @Override
    public byte[] compress(byte[] raw) {
        return raw.clone();
    }

    @Override
    public byte[] decompress(byte[] data, int rawLength) {
        if (data.length != rawLength) {
            throw new IllegalArgumentException("stored length " + data.length + " != raw length " + rawLength);
        }
        return data;
    }
}
