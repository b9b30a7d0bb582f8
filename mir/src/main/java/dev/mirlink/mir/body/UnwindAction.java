package dev.mirlink.mir.body;

/** Where unwinding goes from a terminator. */
public sealed interface UnwindAction {
    record Continue() implements UnwindAction {}
    record Unreachable() implements UnwindAction {}
    /** {@code unwind terminate(abi)} or {@code terminate(cleanup)}. */
    record Terminate(TerminateReason reason) implements UnwindAction {}
    /** {@code unwind: bbN}. */
    record Cleanup(BasicBlock block) implements UnwindAction {}

    enum TerminateReason {
        ABI("abi"), IN_CLEANUP("cleanup");

        private final String text;

        TerminateReason(String text) { this.text = text; }

        public String text() { return text; }
    }
}
