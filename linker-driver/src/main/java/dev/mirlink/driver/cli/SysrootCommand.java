package dev.mirlink.driver.cli;

import dev.mirlink.bridge.rustc.Rustc;
import dev.mirlink.driver.produce.CrateProducer;
import dev.mirlink.driver.sysroot.SysrootBuilder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mirlink sysroot --target T}: build (or reuse) the MIR-only sysroot and print its path. */
@Command(name = "sysroot", mixinStandardHelpOptions = true,
        description = {"Build the MIR-only sysroot (core, alloc, std and their dependencies) from rust-src.",
                "It is cached under ~/.cache/mirlink; the last line printed is its path, usable as rustc --sysroot."})
public final class SysrootCommand implements Callable<Integer> {
    @Option(names = "--target", required = true, description = "x86_64-unknown-linux-gnu or aarch64-unknown-linux-gnu")
    String target;

    @Option(names = "--panic", defaultValue = "abort", description = "panic strategy (only `abort` for now)")
    String panic;

    @Option(names = "--rustc", description = "the rustc 1.96 to use (default: $MIRLINK_RUSTC, PATH, /usr/bin/rustc)")
    String rustcPath;

    @Override
    public Integer call() {
        Rustc rustc = Rustc.locate(rustcPath);
        Path dir = new SysrootBuilder(rustc, target, panic, CrateProducer.formatKey()).build();
        System.out.println(dir);
        return 0;
    }
}
