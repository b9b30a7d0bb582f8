package dev.mirlink.driver.cli;

import dev.mirlink.driver.MirlinkException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mirlink link}: whole-program linking of MIR-only rlibs (monomorphization and codegen come next). */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Link MIR-only rlibs into an executable (not available yet: needs the collector and codegen).")
public final class LinkCommand implements Callable<Integer> {
    @Option(names = "--target", description = "target triple") String target;
    @Option(names = "-o", description = "output executable") Path output;
    @Parameters(paramLabel = "RLIBS", arity = "0..*") List<Path> rlibs;

    @Override
    public Integer call() {
        throw MirlinkException.badInput("linking to an executable is not available yet: "
                + "monomorphization and code generation land in later stages");
    }
}
