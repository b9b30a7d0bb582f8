package dev.mirlink.driver;

import java.io.UncheckedIOException;

/** Turns failures into one {@code mirlink: error: …} line and the documented exit code. */
public final class Errors {
    /** Exit code for compile or link failures. */
    public static final int COMPILE_FAILED = 1;
    /** Exit code for bad input or bad usage. */
    public static final int BAD_INPUT = 2;

    private Errors() {}

    public static int report(Throwable e) {
        int code = e instanceof MirlinkException m ? m.exitCode() : BAD_INPUT;
        String message = e instanceof UncheckedIOException io ? io.getCause().toString() : e.getMessage();
        if (message == null || !(e instanceof MirlinkException || isBadInput(e))) {
            message = e + (e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : "");
            code = COMPILE_FAILED;
        }
        System.err.println("mirlink: error: " + message.replace('\n', ' '));
        if (System.getenv("MIRLINK_BACKTRACE") != null) e.printStackTrace();
        return code;
    }

    /** Exceptions that other modules throw for bad input, recognised by their type names. */
    private static boolean isBadInput(Throwable e) {
        String name = e.getClass().getSimpleName();
        return name.equals("RustcException") || name.equals("RlibFormatException")
                || name.equals("MirParseException") || e instanceof UncheckedIOException;
    }
}
