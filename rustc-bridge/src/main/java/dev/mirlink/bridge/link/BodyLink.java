package dev.mirlink.bridge.link;

/**
 * The item a MIR body belongs to. {@code bodyPath} is the header's path, crate-qualified, as
 * printed; {@code item} the item's canonical def path; {@code nested} the segments below the
 * item that name the body ({@code {closure#0}}, {@code {constant#1}}), empty for the item's
 * own body.
 */
public record BodyLink(int entry, String bodyPath, String item, String nested, Role role) {
    public enum Role {
        /** The item's own body: a fn, const or static. */
        ITEM,
        /** The {@code // MIR FOR CTFE} copy of a const fn's body. */
        CTFE,
        /** A promoted of the item's body (or of a nested body). */
        PROMOTED,
        /** A closure, coroutine, anon const or inline const inside the item. */
        NESTED,
        /** The constructor of a tuple struct or tuple variant: {@code item} is the ADT. */
        CTOR
    }
}
