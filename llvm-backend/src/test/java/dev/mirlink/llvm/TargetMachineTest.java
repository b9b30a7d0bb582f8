package dev.mirlink.llvm;

import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.bytedeco.llvm.global.LLVM.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Objects from {@link TargetMachine}: for each target and opt level, linked by the system's C
 * toolchain with a C caller and run (natively, or under qemu for aarch64); identical bytes from
 * separate contexts on separate threads.
 */
class TargetMachineTest {
    @TempDir Path dir;

    /** {@code i64 mul_add(i64 a, i64 b, i64 c) = a * b + c}, with wrapping ops, in its own context. */
    private static byte[] mulAddObject(CodegenTarget target, int optLevel) {
        LLVMContextRef ctx = LLVMContextCreate();
        try (TargetMachine tm = new TargetMachine(target, optLevel)) {
            LLVMModuleRef m = LLVMModuleCreateWithNameInContext("cgu0", ctx);
            tm.prepare(m);
            LLVMTypeRef i64 = LLVMInt64TypeInContext(ctx);
            LLVMTypeRef fnTy = LLVMFunctionType(i64, new PointerPointer<>(i64, i64, i64), 3, 0);
            LLVMValueRef fn = LLVMAddFunction(m, "mul_add", fnTy);
            LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(ctx, fn, "start");
            LLVMBuilderRef b = LLVMCreateBuilderInContext(ctx);
            LLVMPositionBuilderAtEnd(b, entry);
            LLVMValueRef product = LLVMBuildMul(b, LLVMGetParam(fn, 0), LLVMGetParam(fn, 1), "p");
            LLVMBuildRet(b, LLVMBuildAdd(b, product, LLVMGetParam(fn, 2), "s"));
            LLVMDisposeBuilder(b);
            return tm.emitObject(m);
        } finally {
            LLVMContextDispose(ctx);
        }
    }

    @ParameterizedTest
    @EnumSource(CodegenTarget.class)
    void objectsLinkAndRunOnEachTarget(CodegenTarget target) throws Exception {
        Files.writeString(dir.resolve("main.c"), """
                #include <stdio.h>
                long mul_add(long, long, long);
                int main(void) { printf("%ld %ld\\n", mul_add(6, 7, 0), mul_add(-3, 1L << 62, 5)); return 0; }
                """);
        for (int opt : new int[] {0, 2}) {
            byte[] obj = mulAddObject(target, opt);
            assertEquals(target.elfMachine, (obj[18] & 0xff) | (obj[19] & 0xff) << 8, "ELF e_machine");
            Path o = dir.resolve("mul_add-" + opt + ".o"), exe = dir.resolve("prog-" + opt);
            Files.write(o, obj);
            boolean arm = target == CodegenTarget.AARCH64;
            run(List.of(arm ? "aarch64-linux-gnu-gcc" : "cc", dir.resolve("main.c").toString(), o.toString(), "-o", exe.toString()));
            String out = arm ? run(List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu", exe.toString())) : run(List.of(exe.toString()));
            // -3 * 2^62 + 5 wraps to 2^62 + 5
            assertEquals("42 4611686018427387909\n", out, target + " opt-level=" + opt);
        }
    }

    @Test
    void sameObjectFromSeparateThreadsAndContexts() throws Exception {
        for (CodegenTarget target : CodegenTarget.values()) {
            byte[] first = mulAddObject(target, 2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<byte[]>> more = new ArrayList<>();
                for (int i = 0; i < 4; i++) more.add(pool.submit(() -> mulAddObject(target, 2)));
                for (Future<byte[]> f : more) assertArrayEquals(first, f.get(), target.triple);
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void refusesWhatItCannotDo() {
        assertEquals("unsupported target `riscv64gc-unknown-linux-gnu` (supported: x86_64-unknown-linux-gnu, aarch64-unknown-linux-gnu)",
                assertThrows(LlvmException.class, () -> CodegenTarget.of("riscv64gc-unknown-linux-gnu")).getMessage());
        assertThrows(LlvmException.class, () -> new TargetMachine(CodegenTarget.X86_64, 4));
        LLVMContextRef ctx = LLVMContextCreate();
        try (TargetMachine tm = new TargetMachine(CodegenTarget.X86_64, 0)) {
            LLVMModuleRef m = LLVMModuleCreateWithNameInContext("bad", ctx);
            tm.prepare(m);
            LLVMTypeRef i32 = LLVMInt32TypeInContext(ctx);
            LLVMValueRef fn = LLVMAddFunction(m, "no_terminator", LLVMFunctionType(i32, new PointerPointer<>(), 0, 0));
            LLVMAppendBasicBlockInContext(ctx, fn, "start");
            LlvmException e = assertThrows(LlvmException.class, () -> tm.emitObject(m));
            assertEquals(true, e.getMessage().startsWith("module does not verify"), e.getMessage());
        } finally {
            LLVMContextDispose(ctx);
        }
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), command + ": " + out);
        return out;
    }
}
