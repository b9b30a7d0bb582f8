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

    public int exitCode() { return exitCode; }
}
