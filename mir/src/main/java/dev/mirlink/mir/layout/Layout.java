package dev.mirlink.mir.layout;

/** The layout of a type, field for field as rustc's {@code LayoutData} (rustc_abi/src/lib.rs). */
public record Layout(long size, int align, FieldsShape fields, Variants variants, Abi abi, Niche largestNiche,
                     boolean uninhabited, int unadjustedAbiAlign) {
    public boolean isZst() {
        return size == 0 && !abi.isUnsized() && !(abi instanceof Abi.ScalarAbi) && !(abi instanceof Abi.ScalarPair)
                && !(abi instanceof Abi.Vector);
    }

    public boolean is1Zst() { return isZst() && align == 1; }

    public boolean isUnsized() { return abi.isUnsized(); }

    Layout withVariants(Variants v) {
        return new Layout(size, align, fields, v, abi, largestNiche, uninhabited, unadjustedAbiAlign);
    }

    Layout withAbi(Abi a) {
        return new Layout(size, align, fields, variants, a, largestNiche, uninhabited, unadjustedAbiAlign);
    }

    Layout withNiche(Niche n) {
        return new Layout(size, align, fields, variants, abi, n, uninhabited, unadjustedAbiAlign);
    }
}
