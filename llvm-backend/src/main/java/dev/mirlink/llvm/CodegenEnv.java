package dev.mirlink.llvm;

import dev.mirlink.mir.body.AssertMessage;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.layout.Layout;
import dev.mirlink.mir.ty.Ty;
import java.util.List;

/** What code generation asks about the whole program. Safe to call from the codegen threads. */
public interface CodegenEnv {
    Layout layout(Ty ty);

    /** The definition of an ADT, for its variants and discriminants. */
    Item.Adt adtDef(Ty.Adt adt);

    /** An ADT's field types with its args substituted, every variant's in order. */
    List<Ty> fieldTys(Ty.Adt adt);

    /** The drop glue of {@code ty}, or {@link Callee.NoOp} when it needs none. */
    Callee dropInPlace(Ty ty);

    /** The symbol of the vtable of {@code concrete} as {@code dyn}. */
    String vtable(Ty concrete, Ty.Dynamic dyn);

    /** Whether the vtable of {@code to} is a prefix of that of {@code from}, so that upcasting keeps the pointer. */
    boolean vtablePrefix(Ty.Dynamic from, Ty.Dynamic to);

    /** The lang item fn an assert panics through (rustc's {@code AssertKind::panic_function}). */
    String assertPanic(AssertMessage msg);
}
