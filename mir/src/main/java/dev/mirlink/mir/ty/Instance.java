package dev.mirlink.mir.ty;

/**
 * An instance as rustc prints it (ty/instance.rs): the item's value path with its generic
 * args, followed by the shim suffix of its {@link InstanceKind}. Seen in inlined scopes and
 * {@code (fn: …)} allocations.
 */
public record Instance(Path path, InstanceKind kind) {
    public Instance(Path path) { this(path, new InstanceKind.Item()); }

    /** rustc's {@code InstanceKind}, reduced to what its printed suffix tells apart. */
    public sealed interface InstanceKind {
        record Item() implements InstanceKind {}
        /** {@code - shim(vtable)}. */
        record VTableShim() implements InstanceKind {}
        /** {@code - shim(reify)}, {@code - shim(reify-fnptr)}, {@code - shim(reify-vtable)}; reason null, "fnptr" or "vtable". */
        record ReifyShim(String reason) implements InstanceKind {}
        /** {@code - shim(tls)}. */
        record ThreadLocalShim() implements InstanceKind {}
        /** {@code - intrinsic}. */
        record Intrinsic() implements InstanceKind {}
        /** {@code - virtual#N}. */
        record Virtual(int index) implements InstanceKind {}
        /** {@code - shim}: closure-once and coroutine-in-closure shims. */
        record Shim() implements InstanceKind {}
        /** {@code - shim(T)}: fn-pointer, clone, fn-addr and async-drop-glue shims print alike. */
        record ShimWithTy(Ty ty) implements InstanceKind {}
        /** {@code - shim(None)} or {@code - shim(Some(T))}: drop glue; {@code ty} null for None. */
        record DropGlue(Ty ty) implements InstanceKind {}
    }
}
