package dev.mirlink.rlib;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** zlib-wrapped deflate from java.util.zip; the Adler-32 trailer catches corruption. */
public final class DeflateCodec implements Codec {
    private final int level;

    public DeflateCodec(int level) {
        this.level = level;
    }

    @Override
    public byte id() {
        return 2;
    }

    @Override
    public String name() {
        return "deflate";
    }

    @Override
    public byte[] compress(byte[] raw) {
        Deflater d = new Deflater(level);
        try {
            d.setInput(raw);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
            byte[] buf = new byte[16384];
            while (!d.finished()) {
                int n = d.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    @Override
    public byte[] decompress(byte[] data, int rawLength) {
        // deflate cannot expand more than ~1032:1; refuse a corrupt length before allocating it
        if (rawLength > 1032L * data.length + 64) {
            throw new IllegalArgumentException("raw length " + rawLength + " impossible for " + data.length + " deflate bytes");
        }
        Inflater inf = new Inflater();
        try {
            inf.setInput(data);
            // one spare byte so that a stream longer than declared is detected
            byte[] out = new byte[rawLength + 1];
            int n = 0;
            while (!inf.finished()) {
                int k = inf.inflate(out, n, out.length - n);
                if (k == 0 && (inf.needsInput() || inf.needsDictionary() || n == out.length)) {
                    break;
                }
                n += k;
            }
            if (n != rawLength || !inf.finished() || inf.getRemaining() != 0) {
                throw new IllegalArgumentException("deflate stream does not decode to " + rawLength + " bytes");
            }
            return Arrays.copyOf(out, rawLength);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("deflate: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }
}
