package dev.mirlink.mir.layout;

/** A type whose layout mirlink cannot compute (yet), named in the message; never a guess. */
public final class LayoutException extends RuntimeException {
    public LayoutException(String message) {
        super(message);
    }
}
