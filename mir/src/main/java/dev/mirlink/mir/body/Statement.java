package dev.mirlink.mir.body;

/** A statement, as rustc's {@code StatementKind} prints it in optimized MIR. */
public sealed interface Statement {
    record Assign(Place place, Rvalue rvalue) implements Statement {}
    record StorageLive(Local local) implements Statement {}
    record StorageDead(Local local) implements Statement {}
    /** {@code discriminant(P) = N}. */
    record SetDiscriminant(Place place, int variantIndex) implements Statement {}
    record PlaceMention(Place place) implements Statement {}
    /** {@code Retag([fn entry] P)}; kind is null for the default retag. */
    record Retag(RetagKind kind, Place place) implements Statement {}
    /** {@code assume(op)}. */
    record Assume(Operand operand) implements Statement {}
    /** {@code copy_nonoverlapping(dst = op, src = op, count = op)}. */
    record CopyNonOverlapping(Operand src, Operand dst, Operand count) implements Statement {}
    record ConstEvalCounter() implements Statement {}
    /** {@code nop}. */
    record Nop() implements Statement {}
    record BackwardIncompatibleDropHint(Place place) implements Statement {}

    enum RetagKind { FN_ENTRY, TWO_PHASE, RAW }
}
