package dev.mirlink.mir.ty;

import java.util.List;

/** {@code for<'a> unsafe extern "C" fn(A, ...) -> R}; {@code abi} is null for the Rust ABI. */
public record FnSig(List<Region> boundRegions, boolean unsafe, String abi, List<Ty> inputs,
                    boolean cVariadic, Ty output) {
    public FnSig {
        boundRegions = List.copyOf(boundRegions);
        inputs = List.copyOf(inputs);
    }
}
