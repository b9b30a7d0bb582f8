package dev.mirlink.rlib;

import com.github.luben.zstd.Zstd;

/** zstd through zstd-jni; single-threaded compression, so output depends only on input and level. */
public final class ZstdCodec implements Codec {
    private final int level;

    public ZstdCodec(int level) {
        this.level = level;
    }

    @Override
    public byte id() {
        return 1;
    }

    @Override
    public String name() {
        return "zstd";
    }

    @Override
    public byte[] compress(byte[] raw) {
        return Zstd.compress(raw, level);
    }

    @Override
    public byte[] decompress(byte[] data, int rawLength) {
        long frameSize = Zstd.getFrameContentSize(data);
        if (frameSize != rawLength) {
            throw new IllegalArgumentException("zstd frame size " + frameSize + " != raw length " + rawLength);
        }
        byte[] out = new byte[rawLength];
        long n = Zstd.decompressByteArray(out, 0, rawLength, data, 0, data.length);
        if (Zstd.isError(n) || n != rawLength) {
            throw new IllegalArgumentException("zstd: " + (Zstd.isError(n) ? Zstd.getErrorName(n) : "short output " + n));
        }
        return out;
    }
}
