package dev.mirlink.mir.body;

/** An operand of {@code asm!}; {@code reg} is a register class ({@code reg}) or a quoted register ({@code "ax"}). */
public sealed interface InlineAsmOperand {
    record In(String reg, Operand value) implements InlineAsmOperand {}
    /** {@code place} is null for {@code out(reg) _}. */
    record Out(String reg, boolean late, Place place) implements InlineAsmOperand {}
    record InOut(String reg, boolean late, Operand in, Place out) implements InlineAsmOperand {}
    record Const(ConstOperand value) implements InlineAsmOperand {}
    record SymFn(ConstOperand value) implements InlineAsmOperand {}
    /** {@code sym_static DefId(…)}, kept as printed. */
    record SymStatic(String defId) implements InlineAsmOperand {}
    record Label(int targetIndex) implements InlineAsmOperand {}
}
