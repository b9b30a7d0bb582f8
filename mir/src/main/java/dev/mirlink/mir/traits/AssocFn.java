package dev.mirlink.mir.traits;

/**
 * The fn a trait method resolves to (rustc_ty_utils/src/instance.rs {@code resolve_associated_item}):
 * an impl's fn, or the trait's default body ({@code fromTraitDefault}), or a builtin shim
 * ({@code defPath} is then the trait's method).
 */
public record AssocFn(String defPath, Selection selection, boolean fromTraitDefault) {
    public boolean builtin() {
        return selection instanceof Selection.Builtin;
    }
}
