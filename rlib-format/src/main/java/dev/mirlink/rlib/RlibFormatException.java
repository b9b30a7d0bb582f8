package dev.mirlink.rlib;

import com.esotericsoftware.kryo.KryoException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

/** Bad or unreadable rlib input (or a failed write); the message is one line ending with the file. */
public final class RlibFormatException extends RuntimeException {
    private final transient Path file;

    public RlibFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public RlibFormatException(Path file, String problem, Throwable cause) {
        super(oneLine(problem) + " (" + file + ")", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * "Type: first line of message" of the innermost meaningful cause; Kryo wraps causes and
     * appends multi-line serialization traces.
     */
    static String describe(Throwable t) {
        while (t.getCause() != null && (t instanceof KryoException || t instanceof InvocationTargetException
                || t instanceof UncheckedIOException || t instanceof ExecutionException)) {
            t = t.getCause();
        }
        String msg = t.getMessage();
        String kind = t.getClass().getSimpleName();
        if (msg == null || msg.isBlank()) {
            return kind;
        }
        int nl = msg.indexOf('\n');
        return kind + ": " + (nl < 0 ? msg : msg.substring(0, nl)).strip();
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
