package dev.mirlink.llvm;

import java.util.Arrays;

/**
 * A target mirlink generates code for, with the LLVM triple, CPU and features rustc gives it
 * (rustc_target/src/spec/targets/x86_64_unknown_linux_gnu.rs, aarch64_unknown_linux_gnu.rs), so
 * that the code behaves as rustc's does.
 */
public enum CodegenTarget {
    X86_64("x86_64-unknown-linux-gnu", "x86-64", "", 62),
    AARCH64("aarch64-unknown-linux-gnu", "generic", "+v8a,+outline-atomics", 183);

    public final String triple;
    final String cpu;
    final String features;
    /** The ELF {@code e_machine} of its objects. */
    public final int elfMachine;

    CodegenTarget(String triple, String cpu, String features, int elfMachine) {
        this.triple = triple;
        this.cpu = cpu;
        this.features = features;
        this.elfMachine = elfMachine;
    }

    /** The target for a rustc target name; an unknown one is a {@link LlvmException}. */
    public static CodegenTarget of(String triple) {
        for (CodegenTarget t : values()) if (t.triple.equals(triple)) return t;
        throw new LlvmException("unsupported target `" + triple + "` (supported: "
                + String.join(", ", Arrays.stream(values()).map(t -> t.triple).toList()) + ")");
    }
}
