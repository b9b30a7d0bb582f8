package dev.mirlink.bridge.link;

/** Something linking could not account for; a clean crate has none. */
public record LinkProblem(Kind kind, String subject, String detail) {
    public enum Kind {
        /** A MIR body with no item. */
        UNLINKED_BODY,
        /** A path used in MIR that names no item here, nor in a known upstream crate. */
        UNRESOLVED_PATH
    }

    @Override
    public String toString() {
        return kind + ": " + subject + " (" + detail + ")";
    }
}
