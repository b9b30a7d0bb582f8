package dev.mirlink.driver.cli;

import dev.mirlink.bridge.rustc.Rustc;
import dev.mirlink.driver.MirlinkException;
import dev.mirlink.driver.collect.LinkSession;
import dev.mirlink.driver.produce.CrateProducer;
import dev.mirlink.driver.sysroot.SysrootBuilder;
import dev.mirlink.driver.sysroot.Targets;
import dev.mirlink.mir.CrateRecord;
import dev.mirlink.rlib.RlibReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mirlink link}: the whole-program link step over MIR-only rlibs. */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"Collect every instance of a program from its MIR-only rlibs and, with -o, generate and link it.",
                "The first RLIB is the crate with the roots (main, #[no_mangle] items); its dependencies are found",
                "among the other RLIBS, in -L directories and in the MIR-only sysroot for --target."})
public final class LinkCommand implements Callable<Integer> {
    @Option(names = "--target", required = true, description = "x86_64-unknown-linux-gnu or aarch64-unknown-linux-gnu")
    String target;
    @Option(names = "--sysroot", description = "a MIR-only sysroot (default: the cached one for --target, built on first use)")
    Path sysroot;
    @Option(names = "-L", description = "a directory to search for dependencies") List<Path> searchDirs = new ArrayList<>();
    @Option(names = "--print-mono-items", description = "print every instance as `MONO_ITEM …`, like rustc -Zprint-mono-items")
    boolean printMonoItems;
    @Option(names = "--print-type-sizes", description = "print the layout of each ADT and closure, like rustc -Zprint-type-sizes")
    boolean printTypeSizes;
    @Option(names = "--report", description = "write the collection report (JSON, schema mirlink-collect/1) to FILE")
    Path report;
    @Option(names = "-o", description = "the executable to write") Path output;
    @Option(names = "-C", paramLabel = "opt-level=N", description = "LLVM optimization level, 0 to 3 (default 0)") List<String> codegenOptions = new ArrayList<>();
    @Option(names = "--jobs", description = "codegen threads (default: the number of cores); the output does not depend on it")
    int jobs = Runtime.getRuntime().availableProcessors();
    @Option(names = "-l", paramLabel = "LIB", description = "a native library to link (c is always linked)") List<String> libs = new ArrayList<>();
    @Parameters(paramLabel = "RLIBS", arity = "1..*") List<Path> rlibs;

    @Override
    public Integer call() {
        Targets.require(target);
        int optLevel = optLevel(codegenOptions);
        if (jobs < 1) throw MirlinkException.badInput("--jobs must be at least 1, not " + jobs);
        for (Path r : rlibs) {
            if (!Files.isRegularFile(r)) throw MirlinkException.badInput("no such rlib (" + r + ")");
        }
        String crate = RlibReader.open(rlibs.get(0), CrateProducer.SCHEMA).load(CrateRecord.KEY, CrateRecord.class).crateName();
        List<Path> dirs = new ArrayList<>(searchDirs);
        dirs.add(sysrootLibDir(sysroot, target));
        LinkSession.run(crate, rlibs, Map.of(), dirs, new LinkSession.Options(target, printMonoItems, printTypeSizes, report,
                output == null ? null : output.toAbsolutePath(), optLevel, jobs, libs), System.out);
        return 0;
    }

    /** The opt level of {@code -C opt-level=N} options (the last wins; others are refused). */
    public static int optLevel(List<String> codegenOptions) {
        int level = 0;
        for (String o : codegenOptions) {
            if (!o.startsWith("opt-level=")) throw MirlinkException.badInput("unknown -C option `" + o + "` (mirlink link takes opt-level=N)");
            String v = o.substring("opt-level=".length());
            if (!v.matches("[0-3]")) throw MirlinkException.badInput("-C opt-level must be 0 to 3, not `" + v + "`");
            level = Integer.parseInt(v);
        }
        return level;
    }

    /** The lib directory of {@code sysroot}, or of the cached MIR-only sysroot for {@code target}. */
    public static Path sysrootLibDir(Path sysroot, String target) {
        Path root = sysroot != null ? sysroot
                : new SysrootBuilder(Rustc.locate(null), target, "abort", CrateProducer.formatKey()).build();
        Path lib = root.resolve("lib/rustlib/" + target + "/lib");
        if (!Files.isDirectory(lib)) throw MirlinkException.badInput("not a sysroot for " + target + " (" + root + ")");
        return lib;
    }
}
