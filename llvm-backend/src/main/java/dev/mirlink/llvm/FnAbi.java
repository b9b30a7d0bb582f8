package dev.mirlink.llvm;

import dev.mirlink.mir.layout.Abi;
import dev.mirlink.mir.layout.Layout;
import dev.mirlink.mir.ty.Ty;

import java.util.ArrayList;
import java.util.List;

/**
 * How a fn's args and return value are passed (rustc_target/src/callconv/mod.rs, {@code PassMode}).
 * Caller and callee compute it alike from the monomorphic types, so they agree. The Rust ABI passes
 * ZSTs not at all, scalars and scalar pairs in registers and everything else behind a pointer (the
 * return value through an {@code sret} pointer); the C ABI passes scalars the same way and refuses
 * aggregates until the platform classification is in.
 */
record FnAbi(List<ArgAbi> args, ArgAbi ret, CallConv conv, boolean variadic) {
    enum PassMode { IGNORE, DIRECT, PAIR, INDIRECT }

    record ArgAbi(Ty ty, Layout layout, PassMode mode) {}

    /** The hidden {@code &'static Location} argument, as a thin pointer. */
    static final Ty LOCATION_REF = new Ty.RawPtr(new Ty.Int(Ty.IntTy.U8), Ty.Mutability.NOT);

    /**
     * The ABI of a fn taking {@code inputs} and returning {@code output}; a {@code rust-call} fn's
     * trailing tuple is spread into its fields, as rustc's {@code untuple_args}; a {@code #[track_caller]}
     * fn takes the caller's {@code &Location} last.
     */
    static FnAbi of(CodegenEnv env, CallConv conv, List<Ty> inputs, Ty output, boolean trackCaller, String what) {
        List<Ty> flat = new ArrayList<>(inputs);
        if (conv == CallConv.RUST_CALL && !flat.isEmpty() && flat.getLast() instanceof Ty.Tuple t) {
            flat.removeLast();
            flat.addAll(t.elements());
        }
        if (trackCaller) flat.add(LOCATION_REF);
        List<ArgAbi> args = new ArrayList<>();
        for (Ty t : flat) args.add(arg(env, conv, t, false, what));
        return new FnAbi(args, arg(env, conv, output, true, what), conv, false);
    }

    private static ArgAbi arg(CodegenEnv env, CallConv conv, Ty ty, boolean ret, String what) {
        Layout l = env.layout(ty);
        PassMode mode;
        if (l.isZst()) mode = PassMode.IGNORE;
        else if (l.abi() instanceof Abi.ScalarAbi) mode = PassMode.DIRECT;
        else if (l.abi() instanceof Abi.ScalarPair && conv != CallConv.C) mode = PassMode.PAIR;
        else if (conv == CallConv.C) {
            throw new LlvmException("unsupported: aggregate " + (ret ? "return value" : "argument") + " of type " + ty
                    + " in the C ABI of " + what);
        } else mode = PassMode.INDIRECT;
        return new ArgAbi(ty, l, mode);
    }

    boolean sret() {
        return ret.mode == PassMode.INDIRECT;
    }
}
