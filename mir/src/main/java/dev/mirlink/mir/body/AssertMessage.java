package dev.mirlink.mir.body;

/** rustc's {@code AssertKind}, printed as a format string and its operands (mir/terminator.rs). */
public sealed interface AssertMessage {
    record BoundsCheck(Operand len, Operand index) implements AssertMessage {}
    /** {@code left} is null for shifts, whose message names only the shift amount. */
    record Overflow(Rvalue.BinOp op, Operand left, Operand right) implements AssertMessage {}
    record OverflowNeg(Operand operand) implements AssertMessage {}
    record DivisionByZero(Operand operand) implements AssertMessage {}
    record RemainderByZero(Operand operand) implements AssertMessage {}
    record MisalignedPointerDereference(Operand required, Operand found) implements AssertMessage {}
    record NullPointerDereference() implements AssertMessage {}
    record InvalidEnumConstruction(Operand source) implements AssertMessage {}
    /** The coroutine messages, which carry no operand; {@code text} is the quoted message without quotes. */
    record Coroutine(String text) implements AssertMessage {}
}
