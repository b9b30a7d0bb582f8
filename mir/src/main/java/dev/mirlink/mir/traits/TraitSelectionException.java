package dev.mirlink.mir.traits;

/** Selection could not decide, or met a case it does not support; never a guess. */
public final class TraitSelectionException extends RuntimeException {
    private final String reason;

    public TraitSelectionException(String reason, Object traitRef, String detail) {
        super("cannot select " + (traitRef instanceof dev.mirlink.mir.ty.Ty t ? new dev.mirlink.mir.print.MirPrinter().print(t) : traitRef)
                + ": " + reason + (detail == null ? "" : " (" + detail + ")"));
        this.reason = reason;
    }

    /** A short category, for counting unsupported cases. */
    public String reason() {
        return reason;
    }
}
