package dev.mirlink.tests.run;

import dev.mirlink.tests.Tool;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Who builds a program: plain rustc against the reference sysroot, or mirlink's wrapper against the MIR-only one. */
enum Side {
    RUSTC, MIRLINK;

    private static final Map<String, Path> MIR_ONLY_SYSROOTS = new HashMap<>();

    List<String> command() {
        return this == RUSTC ? List.of(Tool.RUSTC) : List.of(Tool.MIRLINK.toString(), Tool.RUSTC);
    }

    Path sysroot(String target) {
        if (this == RUSTC) return ReferenceSysroot.of(target);
        synchronized (MIR_ONLY_SYSROOTS) { // built once per target; may take minutes
            return MIR_ONLY_SYSROOTS.computeIfAbsent(target, Tool::sysroot);
        }
    }

    String executableName() {
        return "main." + name().toLowerCase();
    }
}
