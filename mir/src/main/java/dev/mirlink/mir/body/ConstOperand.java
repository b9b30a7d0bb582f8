package dev.mirlink.mir.body;

/**
 * A MIR constant operand. rustc prints {@code const V}, except for fn items ({@link
 * ConstValue.FnItem}), which print as a bare value path. The constant's type is printed only
 * when its value form carries it (for instance {@code {alloc3: &T}}).
 */
public record ConstOperand(ConstValue value) {}
