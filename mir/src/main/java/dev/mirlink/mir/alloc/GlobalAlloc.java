package dev.mirlink.mir.alloc;

import dev.mirlink.mir.ty.Instance;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.Ty;

/** What an allocation id stands for, as rustc's {@code write_allocations} prints it. */
public sealed interface GlobalAlloc {
    /** {@code allocN (size: S, align: A) { … }}. */
    record Memory(Allocation allocation) implements GlobalAlloc {}
    /**
     * {@code allocN (static: path, size: S, align: A) { … }}; {@code contents} is null when rustc
     * printed only {@code (static: path)} or, with {@code evaluationError}, the initializer failed.
     */
    record Static(Path path, Allocation contents, boolean evaluationError) implements GlobalAlloc {}
    /** {@code allocN (extern static: path)}. */
    record ExternStatic(Path path) implements GlobalAlloc {}
    /** {@code allocN (fn: instance)}. */
    record Function(Instance instance) implements GlobalAlloc {}
    /** {@code allocN (vtable: impl dynTy for ty)}. */
    record VTable(Ty ty, Ty dynTy) implements GlobalAlloc {}
    /** {@code allocN (typeid for ty)}. */
    record TypeId(Ty ty) implements GlobalAlloc {}
    /** {@code allocN (deallocated)}. */
    record Deallocated() implements GlobalAlloc {}
}
