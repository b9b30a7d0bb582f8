package dev.mirlink.mir.layout;

/**
 * The parts of a target's data layout that layout needs (rustc_abi/src/lib.rs {@code TargetDataLayout});
 * aggregates are byte-aligned, integers and floats are naturally aligned on both supported targets.
 */
public record TargetDataLayout(String target, int pointerSize, int i128Align, int f128Align, int cEnumMinSize) {
    public static final TargetDataLayout X86_64 = new TargetDataLayout("x86_64-unknown-linux-gnu", 8, 16, 16, 4);
    public static final TargetDataLayout AARCH64 = new TargetDataLayout("aarch64-unknown-linux-gnu", 8, 16, 16, 4);

    public static TargetDataLayout forTarget(String target) {
        if (target.startsWith("x86_64")) return X86_64;
        if (target.startsWith("aarch64")) return AARCH64;
        throw new IllegalArgumentException("no data layout for target " + target);
    }

    /** Alignment of an integer of {@code size} bytes. */
    public int intAlign(int size) {
        return size == 16 ? i128Align : size;
    }

    /** rustc's {@code obj_size_bound}: 2^47 on 64-bit targets. */
    public long objSizeBound() {
        return 1L << 47;
    }
}
