package dev.mirlink.bridge.rustdoc;

/** Rustdoc JSON that is not format 57 or not shaped as format 57 says; the message is one line. */
public final class RustdocFormatException extends RuntimeException {
    public RustdocFormatException(String message) {
        super(message);
    }
}
