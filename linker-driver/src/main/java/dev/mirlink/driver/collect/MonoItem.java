package dev.mirlink.driver.collect;

import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Ty;

import java.util.List;

/**
 * What the program needs generated (rustc's {@code MonoItem}, rustc_middle/src/mir/mono.rs). Types
 * and args are canonical (see {@link Types}), so equal instances are equal records.
 */
public sealed interface MonoItem {
    /**
     * A fn instance (rustc's {@code Instance}: {@code InstanceKind} + args). {@code defPath} is the
     * item whose body it runs: a fn, a closure ({@code main::{closure#0}}, args of its parent), a
     * trait's default method (args: Self, the trait's, the method's). Shims name the trait method
     * they implement ({@code FnOnce::call_once}, {@code Clone::clone}) or, for drop glue,
     * {@code core::ptr::drop_in_place}; {@code shimTy} is the type the shim is for.
     */
    record Fn(InstanceKind kind, String defPath, List<GenericArg> args, Ty shimTy) implements MonoItem {
        public Fn { args = List.copyOf(args); }

        public static Fn item(String defPath, List<GenericArg> args) {
            return new Fn(InstanceKind.ITEM, defPath, args, null);
        }
    }

    record Static(String defPath) implements MonoItem {}

    /** rustc's {@code InstanceKind}, for the kinds that are generated. */
    enum InstanceKind {
        ITEM, DROP_GLUE, VTABLE_SHIM, REIFY_SHIM, CLOSURE_ONCE_SHIM, FN_PTR_SHIM, CLONE_SHIM, FN_PTR_ADDR_SHIM
    }
}
