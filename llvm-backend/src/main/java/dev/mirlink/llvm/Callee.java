package dev.mirlink.llvm;

import dev.mirlink.mir.ty.GenericArg;

import java.util.List;

/** What a call's func operand resolved to, under the calling instance's args (rustc's {@code Instance::resolve}). */
public sealed interface Callee {
    /**
     * A fn in the program or outside it (libc), called with the ABI of {@code conv}; a
     * {@code #[track_caller]} fn also takes the caller's location.
     */
    record Fn(String symbol, CallConv conv, boolean trackCaller) implements Callee {}
    /**
     * A trait method called through the vtable: entry {@code index}, counting drop, size and align;
     * {@code conv} is the trait method's ({@code rust-call} for the {@code Fn*} traits).
     */
    record Virtual(int index, CallConv conv) implements Callee {}
    /** An intrinsic; {@code fallback} is the symbol of its fallback body, or null. */
    record Intrinsic(String name, List<GenericArg> args, String fallback) implements Callee {
        public Intrinsic { args = List.copyOf(args); }
    }
    /** A call that does nothing: the drop of a type without drop glue. */
    record NoOp() implements Callee {}
}
