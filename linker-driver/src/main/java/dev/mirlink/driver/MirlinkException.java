package dev.mirlink.driver;

/** A failure with a one-line message and its exit code (see {@link Errors}). */
public class MirlinkException extends RuntimeException {
    private final int exitCode;

    public MirlinkException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public static MirlinkException badInput(String message) {
        return new MirlinkException(Errors.BAD_INPUT, message);
    }

    /** A program that cannot be compiled or linked (exit code 1). */
    public static MirlinkException compileError(String message) {
        return new MirlinkException(Errors.COMPILE_FAILED, message);
    }

    /** The same, keeping what caused it for {@code $MIRLINK_BACKTRACE}. */
    public static MirlinkException compileError(String message, Throwable cause) {
        MirlinkException e = compileError(message);
        e.initCause(cause);
        return e;
    }

    public int exitCode() { return exitCode; }
}
