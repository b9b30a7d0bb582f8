package dev.mirlink.mir.item;

/** Qualifiers of a fn: {@code const}, {@code unsafe}, {@code async} and the ABI (null for Rust). */
public record FnHeader(boolean isConst, boolean isUnsafe, boolean isAsync, String abi) {
    public static final FnHeader PLAIN = new FnHeader(false, false, false, null);
}
