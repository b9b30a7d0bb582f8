package dev.mirlink.driver;

import dev.mirlink.bridge.mirtext.MirParseException;
import dev.mirlink.bridge.rustc.RustcException;
import dev.mirlink.bridge.rustdoc.RustdocFormatException;
import dev.mirlink.rlib.RlibFormatException;
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
        String message = e.getMessage();
        if (e instanceof UncheckedIOException io && !message.contains(String.valueOf(io.getCause().getMessage()))) {
            message += ": " + io.getCause().getMessage();
        }
        if (message == null || !(e instanceof MirlinkException || isBadInput(e))) {
            message = e + (e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : "");
            code = COMPILE_FAILED;
        }
        System.err.println("mirlink: error: " + message.replace('\n', ' '));
        if (System.getenv("MIRLINK_BACKTRACE") != null) e.printStackTrace();
        return code;
    }

    /** The exceptions other modules throw for bad input. */
    private static boolean isBadInput(Throwable e) {
        return e instanceof RustcException || e instanceof RlibFormatException || e instanceof MirParseException
                || e instanceof RustdocFormatException || e instanceof UncheckedIOException;
    }
}
