package dev.mirlink.mir.item;

/** An item's declared visibility, as rustc's {@code ty::Visibility} after resolution. */
public sealed interface Visibility {
    record Public() implements Visibility {}
    /** No modifier: private to the parent module (or inherited, for trait items and variants). */
    record Inherited() implements Visibility {}
    record Crate() implements Visibility {}
    /** {@code pub(in path)}; {@code path} is the crate-qualified module path. */
    record Restricted(String path) implements Visibility {}

    Visibility PUBLIC = new Public();
    Visibility INHERITED = new Inherited();
    Visibility CRATE = new Crate();
}
