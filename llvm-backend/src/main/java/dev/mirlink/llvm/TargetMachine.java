package dev.mirlink.llvm;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.llvm.LLVM.LLVMErrorRef;
import org.bytedeco.llvm.LLVM.LLVMMemoryBufferRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMPassBuilderOptionsRef;
import org.bytedeco.llvm.LLVM.LLVMTargetDataRef;
import org.bytedeco.llvm.LLVM.LLVMTargetMachineRef;
import org.bytedeco.llvm.LLVM.LLVMTargetRef;

import static org.bytedeco.llvm.global.LLVM.*;

/**
 * One LLVM TargetMachine, owned by one codegen unit's thread: LLVM's TargetMachine is not safe to
 * share, so each CGU makes its own (DESIGN.md, parallel codegen). It prepares modules for its
 * target, runs the new pass manager's pipeline for an opt level and emits objects to memory.
 */
public final class TargetMachine implements AutoCloseable {
    private static boolean initialized;

    private final CodegenTarget target;
    private final int optLevel;
    private final LLVMTargetMachineRef machine;
    private final LLVMTargetDataRef dataLayout;

    /** {@code optLevel}: rustc's {@code -C opt-level}, 0 to 3. */
    public TargetMachine(CodegenTarget target, int optLevel) {
        if (optLevel < 0 || optLevel > 3) throw new LlvmException("opt-level must be 0 to 3, not " + optLevel);
        initializeTargets();
        this.target = target;
        this.optLevel = optLevel;
        LLVMTargetRef t = new LLVMTargetRef();
        BytePointer error = new BytePointer();
        if (LLVMGetTargetFromTriple(new BytePointer(target.triple), t, error) != 0) throw new LlvmException(message("target " + target.triple, error));
        // rustc_codegen_llvm/src/back/write.rs: PIC, default code model; codegen level follows -C opt-level
        int level = switch (optLevel) {
            case 0 -> LLVMCodeGenLevelNone;
            case 1 -> LLVMCodeGenLevelLess;
            case 2 -> LLVMCodeGenLevelDefault;
            default -> LLVMCodeGenLevelAggressive;
        };
        this.machine = LLVMCreateTargetMachine(t, target.triple, target.cpu, target.features, level, LLVMRelocPIC, LLVMCodeModelDefault);
        if (machine == null || machine.isNull()) throw new LlvmException("LLVM cannot make a target machine for " + target.triple);
        this.dataLayout = LLVMCreateTargetDataLayout(machine);
    }

    /** The targets are registered with LLVM once per process, before any thread makes a machine. */
    private static synchronized void initializeTargets() {
        if (initialized) return;
        LLVMInitializeX86TargetInfo();
        LLVMInitializeX86Target();
        LLVMInitializeX86TargetMC();
        LLVMInitializeX86AsmPrinter();
        LLVMInitializeAArch64TargetInfo();
        LLVMInitializeAArch64Target();
        LLVMInitializeAArch64TargetMC();
        LLVMInitializeAArch64AsmPrinter();
        initialized = true;
    }

    public CodegenTarget target() {
        return target;
    }

    /** Sets the module's triple and data layout to this machine's, as every module needs before passes run. */
    public void prepare(LLVMModuleRef module) {
        LLVMSetTarget(module, target.triple);
        LLVMSetModuleDataLayout(module, dataLayout);
    }

    /** Verifies the module and emits it as an object file after the opt level's pipeline. */
    public byte[] emitObject(LLVMModuleRef module) {
        optimize(module);
        return emit(module);
    }

    /** Verifies the module, then runs the pipeline for the opt level ({@code default<O2>}, as rustc's new pass manager does). */
    public void optimize(LLVMModuleRef module) {
        BytePointer error = new BytePointer();
        if (LLVMVerifyModule(module, LLVMReturnStatusAction, error) != 0) throw new LlvmException(message("module does not verify", error));
        LLVMDisposeMessage(error);
        LLVMPassBuilderOptionsRef options = LLVMCreatePassBuilderOptions();
        try {
            LLVMErrorRef failed = LLVMRunPasses(module, "default<O" + optLevel + ">", machine, options);
            if (failed != null && !failed.isNull()) {
                BytePointer m = LLVMGetErrorMessage(failed);
                String text = m.getString();
                LLVMDisposeErrorMessage(m);
                throw new LlvmException("LLVM passes failed: " + text);
            }
        } finally {
            LLVMDisposePassBuilderOptions(options);
        }
    }

    /** The module as an object file, in memory. */
    public byte[] emit(LLVMModuleRef module) {
        BytePointer error = new BytePointer();
        LLVMMemoryBufferRef buffer = new LLVMMemoryBufferRef();
        if (LLVMTargetMachineEmitToMemoryBuffer(machine, module, LLVMObjectFile, error, buffer) != 0) {
            throw new LlvmException(message("object emission", error));
        }
        try {
            byte[] out = new byte[Math.toIntExact(LLVMGetBufferSize(buffer))];
            LLVMGetBufferStart(buffer).capacity(out.length).get(out);
            return out;
        } finally {
            LLVMDisposeMemoryBuffer(buffer);
        }
    }

    private static String message(String what, BytePointer error) {
        String text = error.isNull() ? "" : error.getString().strip();
        if (!error.isNull()) LLVMDisposeMessage(error);
        return what + (text.isEmpty() ? " failed" : ": " + text);
    }

    @Override
    public void close() {
        LLVMDisposeTargetData(dataLayout);
        LLVMDisposeTargetMachine(machine);
    }
}
