package dev.mirlink.mir.item;

/** The outcome of resolving a visible path with {@link PathResolver}. */
public sealed interface Resolution {
    /**
     * The path names {@code item}, or a {@code member} of it that is not an item of its own: a
     * variant of an ADT, an associated type of a trait or impl ({@code member} null otherwise).
     */
    record Local(Item item, String member) implements Resolution {}
    /** The path leads into another crate; {@code path} is crate-qualified, to resolve in that crate's table. */
    record Upstream(String crate, String path) implements Resolution {}
    record Unresolved(String path, String reason) implements Resolution {}
}
