package dev.mirlink.bridge.rustc;

/** Bad input about the rust toolchain: missing, unsupported version, unusable sysroot. */
public class RustcException extends RuntimeException {
    public RustcException(String message) { super(message); }
}
