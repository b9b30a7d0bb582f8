package dev.mirlink.rlib;

import java.util.List;
import java.util.Locale;

/** The built-in codecs, looked up by id (reader) or name (command line). */
public final class Codecs {
    public static final Codec NONE = new NoneCodec();
    public static final Codec ZSTD = new ZstdCodec(3);
    public static final Codec DEFLATE = new DeflateCodec(6);
    private static final List<Codec> ALL = List.of(NONE, ZSTD, DEFLATE);

    private Codecs() {
    }

    public static List<Codec> all() {
        return ALL;
    }

    /** Returns null for an unknown id. */
    public static Codec byId(int id) {
        for (Codec c : ALL) {
            if (c.id() == id) {
                return c;
            }
        }
        return null;
    }

    public static Codec byName(String name) {
        for (Codec c : ALL) {
            if (c.name().equals(name.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown codec '" + name + "', expected one of none, zstd, deflate");
    }
}
