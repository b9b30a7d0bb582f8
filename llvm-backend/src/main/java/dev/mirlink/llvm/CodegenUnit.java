package dev.mirlink.llvm;

import java.util.List;

/** One LLVM module's worth of the program: its fns and globals, in a fixed order (rustc's {@code CodegenUnit}). */
public record CodegenUnit(String name, List<MonoFn> fns, List<DataItem> data) {
    public CodegenUnit {
        fns = List.copyOf(fns);
        data = List.copyOf(data);
    }
}
