package dev.mirlink.mir.body;

import dev.mirlink.mir.alloc.AllocEntry;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.Ty;

import java.util.List;

/** One item of a {@code --emit=mir} file, in file order. */
public sealed interface MirEntry {
    /** A body and the allocations rustc dumped after it, in dump order. */
    record BodyEntry(Body body, List<AllocEntry> allocations) implements MirEntry {
        public BodyEntry { allocations = List.copyOf(allocations); }
    }

    /** {@code const path: T = const V;}: a const whose value rustc prints instead of a body. */
    record TrivialConst(Path path, Ty ty, ConstValue value) implements MirEntry {}
}
