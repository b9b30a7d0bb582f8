package dev.mirlink.driver;

import dev.mirlink.driver.cli.InspectCommand;
import dev.mirlink.driver.cli.LinkCommand;
import dev.mirlink.driver.cli.SysrootCommand;
import dev.mirlink.driver.wrapper.RustcWrapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: a subcommand, or wrapper mode when the first argument is a rustc. */
@Command(name = "mirlink", mixinStandardHelpOptions = true, version = "mirlink " + Main.VERSION,
        description = {"MIR-only rlibs and whole-program linking for Rust.",
                "",
                "Wrapper mode: RUSTC_WRAPPER=bin/mirlink cargo build, or bin/mirlink /usr/bin/rustc ARGS..."},
        subcommands = {InspectCommand.class, SysrootCommand.class, LinkCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static final String VERSION = "0.1.0";

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        try {
            if (args.length > 0 && isRustc(args[0])) {
                return RustcWrapper.run(Path.of(args[0]), List.of(Arrays.copyOfRange(args, 1, args.length)));
            }
            CommandLine cli = new CommandLine(new Main());
            cli.setExecutionExceptionHandler((e, cmd, parsed) -> Errors.report(e));
            return cli.execute(args);
        } catch (RuntimeException e) {
            return Errors.report(e);
        }
    }

    /** cargo runs {@code $RUSTC_WRAPPER $RUSTC ARGS}; $RUSTC is a path or a bare name like "rustc". */
    private static boolean isRustc(String arg) {
        String name = Path.of(arg).getFileName().toString();
        return name.startsWith("rustc") && !name.endsWith(".rs")
                && (arg.indexOf('/') < 0 || Files.isExecutable(Path.of(arg)));
    }
}
