package dev.mirlink.mir.body;

/** An operand: {@code copy P}, {@code move P}, a constant, or a runtime-checks flag. */
public sealed interface Operand {
    record Copy(Place place) implements Operand {}
    record Move(Place place) implements Operand {}
    record Constant(ConstOperand constant) implements Operand {}
    /** {@code UbChecks}, {@code ContractChecks}, {@code OverflowChecks}: whether the session enables them. */
    record RuntimeChecks(Kind kind) implements Operand {
        public enum Kind { UbChecks, ContractChecks, OverflowChecks }
    }
}
