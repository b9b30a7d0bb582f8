package dev.mirlink.mir.body;

import java.math.BigInteger;
import java.util.List;

/** The last instruction of a basic block, as rustc's {@code TerminatorKind}. */
public sealed interface Terminator {
    record Goto(BasicBlock target) implements Terminator {}
    /** {@code switchInt(op) -> [v: bbN, …, otherwise: bbM]}; values are the u128 bit patterns rustc prints. */
    record SwitchInt(Operand discr, List<BigInteger> values, List<BasicBlock> targets, BasicBlock otherwise)
            implements Terminator {
        public SwitchInt { values = List.copyOf(values); targets = List.copyOf(targets); }
    }
    record Return() implements Terminator {}
    record Unreachable() implements Terminator {}
    /** {@code resume}. */
    record UnwindResume() implements Terminator {}
    /** {@code terminate(abi)} / {@code terminate(cleanup)}. */
    record UnwindTerminate(UnwindAction.TerminateReason reason) implements Terminator {}
    /** {@code coroutine_drop}. */
    record CoroutineDrop() implements Terminator {}
    /** {@code drop(P)} or {@code async drop(P; poll=op)}; {@code drop} and {@code asyncFut} may be null. */
    record Drop(Place place, BasicBlock target, UnwindAction unwind, BasicBlock drop, Operand asyncFut)
            implements Terminator {}
    /** {@code dest = func(args)}; {@code target} is null for a call that does not return. */
    record Call(Place destination, Operand func, List<Operand> args, BasicBlock target, UnwindAction unwind)
            implements Terminator {
        public Call { args = List.copyOf(args); }
    }
    record TailCall(Operand func, List<Operand> args) implements Terminator {
        public TailCall { args = List.copyOf(args); }
    }
    /** {@code assert(!cond, msg…)} when {@code expected} is false. */
    record Assert(Operand cond, boolean expected, AssertMessage msg, BasicBlock target, UnwindAction unwind)
            implements Terminator {}
    /** {@code resumeArg = yield(value)}; {@code drop} may be null. */
    record Yield(Operand value, Place resumeArg, BasicBlock resume, BasicBlock drop) implements Terminator {}
    record FalseEdge(BasicBlock real, BasicBlock imaginary) implements Terminator {}
    record FalseUnwind(BasicBlock real, UnwindAction unwind) implements Terminator {}
    /**
     * {@code asm!("template", operands…, options(…))}. {@code template} is rustc's rebuilt template
     * text (braces doubled); {@code options} are the printed flag names. {@code destination} is
     * null when the asm diverges; {@code labels} are the {@code label} targets.
     */
    record InlineAsm(String template, List<InlineAsmOperand> operands, List<String> options,
                     BasicBlock destination, List<BasicBlock> labels, UnwindAction unwind) implements Terminator {
        public InlineAsm {
            operands = List.copyOf(operands);
            options = List.copyOf(options);
            labels = List.copyOf(labels);
        }
    }
}
