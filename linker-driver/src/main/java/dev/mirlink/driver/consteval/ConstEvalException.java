package dev.mirlink.driver.consteval;


/** A constant could not be evaluated: {@code reason} is a short category (for reports), the message names the construct. */
public final class ConstEvalException extends RuntimeException {
    private final String reason;

    public ConstEvalException(String reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public String reason() { return reason; }
}
