package dev.mirlink.llvm;

import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.ConstOperand;
import dev.mirlink.mir.body.Operand;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.Ty;

import java.util.List;

/**
 * One fn instance to define, as the link step hands it over: its MIR (shims included, as MIR the
 * link step built) and the answers that need the whole program. Types in the body are still as
 * printed; {@link #monomorphize} makes them concrete. Implementations must be safe to call from
 * the codegen threads and give the same answer whatever the order of calls.
 */
public interface MonoFn {
    String symbol();

    /** Whether other objects and libraries may see the symbol ({@code #[no_mangle]}, {@code main}). */
    boolean exported();

    CallConv conv();

    Body body();

    /** The instance as rustc would name it, for errors. */
    String describe();

    /** A type of the body under the instance's args, canonical. */
    Ty monomorphize(Ty ty);

    /**
     * What a call's func operand calls: a fn item constant ({@code funcTy} null), or a place of the
     * monomorphic fn item type {@code funcTy}; {@code argTys} are the call's argument types.
     */
    Callee callee(Operand func, Ty funcTy, List<Ty> argTys);

    /** The fn a fn item operand becomes as a fn pointer (a reify shim for {@code #[track_caller]}). */
    String reify(Operand func, Ty funcTy);

    /** The {@code FnOnce::call_once} shim a closure becomes as a fn pointer. */
    String closureFnPointer(Ty.Closure closure);

    /** A constant operand's monomorphic type and value; {@code expected} is the type its use needs, or null. */
    MonoConst constant(ConstOperand constant, Ty expected);

    /** A constant and its type. */
    record MonoConst(Ty ty, ConstData data) {}

    /** Whether the fn takes its caller's location as a hidden last argument ({@code #[track_caller]}). */
    boolean trackCaller();

    /**
     * The {@code core::panic::Location} a panic or a {@code #[track_caller]} call in {@code block}'s
     * terminator reports, or null when that is this fn's own caller location
     * (rustc_codegen_ssa/src/mir/block.rs {@code get_caller_location}).
     */
    ConstData callerLocation(dev.mirlink.mir.body.BasicBlock block);

    /** The symbol of the thread-local static {@code path} names. */
    String threadLocal(Path path);
}
