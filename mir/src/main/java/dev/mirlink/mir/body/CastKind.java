package dev.mirlink.mir.body;

/** The kind printed after a cast, {@code (IntToInt)} or {@code (PointerCoercion(Unsize, Implicit))}. */
public sealed interface CastKind {
    enum Simple implements CastKind {
        PointerExposeProvenance, PointerWithExposedProvenance, IntToInt, FloatToInt, FloatToFloat,
        IntToFloat, PtrToPtr, FnPtrToPtr, Transmute, Subtype
    }

    /**
     * {@code PointerCoercion(ReifyFnPointer(Safe), Implicit)}: {@code unsafe} is the safety of
     * {@code ReifyFnPointer}/{@code ClosureFnPointer} and false for the others.
     */
    record PointerCoercion(Coercion coercion, boolean unsafe, Source source) implements CastKind {
        public enum Coercion { ReifyFnPointer, UnsafeFnPointer, ClosureFnPointer, MutToConstPointer, ArrayToPointer, Unsize }
        public enum Source { AsCast, Implicit }

        public boolean hasSafety() {
            return coercion == Coercion.ReifyFnPointer || coercion == Coercion.ClosureFnPointer;
        }
    }
}
