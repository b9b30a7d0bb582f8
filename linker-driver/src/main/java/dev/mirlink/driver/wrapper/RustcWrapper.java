package dev.mirlink.driver.wrapper;

import dev.mirlink.bridge.rustc.Rustc;
import dev.mirlink.bridge.rustc.RustcInvocation;
import dev.mirlink.driver.MirlinkException;
import dev.mirlink.driver.produce.CrateProducer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Wrapper mode ({@code RUSTC_WRAPPER}): library crates become MIR-only rlibs; host code
 * (proc macros, build scripts) and everything that isn't a library build pass through to rustc.
 */
public final class RustcWrapper {
    private RustcWrapper() {}

    public static int run(Path rustcArg, List<String> args) {
        Rustc rustc = chooseRustc(rustcArg);
        RustcInvocation inv = RustcInvocation.parse(args);
        if (inv.isLibraryLink()) {
            return CrateProducer.produce(rustc, inv);
        }
        if (BinaryCrate.wanted(inv)) return BinaryCrate.run(rustc, inv);
        if (!inv.isHostCode() && inv.sourceFile() != null && inv.emit().contains("link")) {
            throw MirlinkException.badInput("crate `" + inv.crateName() + "` (" + inv.sourceFile()
                    + "): test harnesses are not supported yet");
        }
        return passThrough(rustc.executable(), args);
    }

    /** cargo's $RUSTC if it is a supported one, otherwise the one {@link Rustc#locate} finds. */
    private static Rustc chooseRustc(Path rustcArg) {
        if (System.getenv("MIRLINK_RUSTC") == null && rustcArg.toString().contains("/")) {
            Rustc given = Rustc.probe(rustcArg);
            if (given != null && given.version().startsWith(Rustc.SUPPORTED_SERIES)) return given;
        }
        return Rustc.locate(null);
    }

    /** Runs rustc with the original arguments; its output and exit code are passed on unchanged. */
    public static int passThrough(Path rustc, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(rustc.toString());
        command.addAll(args);
        return Processes.runInheritingIo(command);
    }
}
