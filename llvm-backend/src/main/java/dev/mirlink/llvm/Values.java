package dev.mirlink.llvm;

import dev.mirlink.mir.layout.Layout;
import dev.mirlink.mir.ty.Ty;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** The values a fn's codegen passes around (rustc_codegen_ssa/src/mir/operand.rs and place.rs). */
final class Values {
    private Values() {}

    /** How an operand's value is held: in SSA registers, or in memory it must not write to. */
    sealed interface OperandValue {
        record Immediate(LLVMValueRef v) implements OperandValue {}
        record Pair(LLVMValueRef a, LLVMValueRef b) implements OperandValue {}
        record Ref(LLVMValueRef ptr, int align) implements OperandValue {}
        record Zst() implements OperandValue {}
    }

    record OperandRef(OperandValue value, Ty ty, Layout layout) {
        LLVMValueRef immediate() {
            if (value instanceof OperandValue.Immediate i) return i.v();
            throw new LlvmException("not an immediate: " + ty);
        }
    }

    /**
     * Memory holding a value of {@code ty}: its address, the metadata of an unsized place (slice
     * length or vtable), the alignment known for the address, and the variant a downcast selected (-1 for none).
     */
    record PlaceRef(LLVMValueRef ptr, LLVMValueRef meta, Ty ty, Layout layout, int align, int variant) {
        PlaceRef(LLVMValueRef ptr, Ty ty, Layout layout) {
            this(ptr, null, ty, layout, layout.align(), -1);
        }
    }

    /** rustc's {@code Align::restrict_for_offset}: the alignment an address has {@code offset} bytes past one aligned to {@code align}. */
    static int restrict(int align, long offset) {
        if (offset == 0) return align;
        return (int) Math.min(align, Long.lowestOneBit(offset));
    }
}
