package dev.mirlink.driver.collect;

/** Something the collector cannot resolve or does not support; the collector adds the chain that reached it. */
public final class CollectException extends RuntimeException {
    public CollectException(String message) {
        super(message);
    }

    public CollectException(String message, Throwable cause) {
        super(message, cause);
    }
}
