package dev.mirlink.driver.codegen;

import dev.mirlink.driver.collect.MonoItem;
import dev.mirlink.driver.collect.MonoItemPrinter;
import dev.mirlink.llvm.CallConv;
import dev.mirlink.llvm.LlvmException;
import dev.mirlink.llvm.MonoFn;

/** MIR for the instances rustc builds shims for (rustc_mir_transform/src/shim.rs). */
final class Shims {
    private final ProgramCodegen pc;

    Shims(ProgramCodegen pc) {
        this.pc = pc;
    }

    MonoFn of(MonoItem.Fn fn) {
        throw new LlvmException("unsupported: " + fn.kind() + " " + MonoItemPrinter.CANONICAL.print(fn));
    }

    CallConv callConv(MonoItem.Fn fn) {
        return switch (fn.kind()) {
            case CLOSURE_ONCE_SHIM, FN_PTR_SHIM -> CallConv.RUST_CALL;
            default -> CallConv.RUST;
        };
    }
}
