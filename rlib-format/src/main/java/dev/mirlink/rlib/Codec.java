package dev.mirlink.rlib;

/**
 * A compression codec. Its id is stored in the index so the reader needs no configuration;
 * a reader only knows the codecs listed in {@link Codecs}. compress must be deterministic.
 */
public interface Codec {
    byte id();

    String name();

    byte[] compress(byte[] raw);

    /** Throws any RuntimeException on corrupt input; the reader wraps it with the file name. */
    byte[] decompress(byte[] data, int rawLength);
}
