package dev.mirlink.llvm;

/** LLVM refused something: a module that does not verify, a target it lacks, an emission error. */
public final class LlvmException extends RuntimeException {
    public LlvmException(String message) {
        super(message);
    }

    public LlvmException(String message, Throwable cause) {
        super(message, cause);
    }
}
