package dev.mirlink.mir.body;

/** A basic block index, printed {@code bbN}. */
public record BasicBlock(int index) {
    @Override public String toString() { return "bb" + index; }
}
