package dev.mirlink.llvm;

/**
 * How a fn is called. The Rust ABI is ours to choose, as long as every side agrees ({@link FnAbi});
 * {@code RUST_CALL} spreads the trailing tuple of a closure call; {@code C} follows the platform.
 */
public enum CallConv {
    RUST, RUST_CALL, C;

    /** The convention of a fn declared with {@code abi} (null for the Rust ABI, as MIR and rustdoc print it). */
    public static CallConv of(String abi) {
        if (abi == null || abi.equals("Rust")) return RUST;
        if (abi.equals("rust-call")) return RUST_CALL;
        if (abi.equals("C") || abi.equals("C-unwind") || abi.equals("system") || abi.equals("system-unwind")) return C;
        throw new LlvmException("unsupported ABI \"" + abi + "\"");
    }
}
