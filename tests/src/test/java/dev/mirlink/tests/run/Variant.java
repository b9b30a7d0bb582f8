package dev.mirlink.tests.run;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One column of the run suite: a target and an opt level. x86_64 runs natively, aarch64 under qemu. */
record Variant(String target, int opt) {
    static final List<String> TARGETS = List.of("x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu");
    static final List<Integer> OPTS = List.of(0, 2);

    /** Every target × opt level whose names contain one of the comma-separated filters (null: all). */
    static List<Variant> select(String targets, String opts) {
        List<Variant> out = new ArrayList<>();
        for (String t : TARGETS) {
            if (!matches(targets, t)) continue;
            for (int o : OPTS) if (matches(opts, Integer.toString(o))) out.add(new Variant(t, o));
        }
        return out;
    }

    private static boolean matches(String filter, String name) {
        return filter == null || filter.isBlank() || Stream.of(filter.split(",")).map(String::strip).anyMatch(name::contains);
    }

    String arch() {
        return target.substring(0, target.indexOf('-'));
    }

    String label() {
        return arch() + " O" + opt;
    }

    /** rustc drives the cross linker only when told; passed to both sides alike. */
    List<String> linkerArgs() {
        return arch().equals("aarch64") ? List.of("-C", "linker=aarch64-linux-gnu-gcc") : List.of();
    }

    List<String> runPrefix() {
        return arch().equals("aarch64") ? List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu") : List.of();
    }
}
