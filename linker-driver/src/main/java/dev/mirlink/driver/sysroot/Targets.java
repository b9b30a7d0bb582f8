package dev.mirlink.driver.sysroot;

import dev.mirlink.driver.MirlinkException;
import java.util.List;

/** The targets mirlink generates code for. */
public final class Targets {
    public static final List<String> SUPPORTED = List.of("x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu");

    private Targets() {}

    /** Both supported targets are 64-bit little-endian. */
    public static int pointerBytes(String triple) {
        require(triple);
        return 8;
    }

    public static String require(String triple) {
        if (!SUPPORTED.contains(triple)) {
            throw MirlinkException.badInput("unknown target `" + triple + "`; supported: " + String.join(", ", SUPPORTED));
        }
        return triple;
    }
}
