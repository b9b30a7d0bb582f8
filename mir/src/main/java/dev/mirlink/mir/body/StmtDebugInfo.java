package dev.mirlink.mir.body;

/**
 * A {@code // DBG: …} line: debuginfo of a statement rustc removed, kept before the statement
 * at {@code statementIndex} (or after the last one when it equals the statement count).
 */
public record StmtDebugInfo(int statementIndex, Kind kind) {
    public sealed interface Kind {
        /** {@code _N = &P}. */
        record AssignRef(Local local, Place place) implements Kind {}
        /** {@code _N = &?}. */
        record InvalidAssign(Local local) implements Kind {}
    }
}
