package dev.mirlink.bridge.rustc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs rustc's frontend for one library crate: rustc writes the metadata (where cargo expects it)
 * and the MIR text, and rustdoc, at the same time, writes the item JSON. rustc's diagnostics go straight to our
 * stderr; rustdoc's are kept back because they would repeat rustc's.
 */
public final class CrateFrontend {
    /** Flags that make rustc's MIR text unambiguous; see docs/ARCHITECTURE.md. */
    public static final List<String> MIR_FLAGS = List.of("-Ztrim-diagnostic-paths=no", "-Zspan-free-formats");

    public record Output(int exitCode, Path rmeta, Path mirText, Path rustdocJson) {}

    private CrateFrontend() {}

    /** Runs rustc and rustdoc side by side; rustdoc is stopped if rustc fails. */
    public static Output run(Rustc rustc, RustcInvocation inv, Path workDir) {
        Path outDir = inv.outDir() != null ? inv.outDir()
                : inv.output() != null && inv.output().toAbsolutePath().getParent() != null
                ? inv.output().toAbsolutePath().getParent() : Path.of(".");
        Path mir = workDir.resolve(inv.crateName() + ".mir");
        List<String> emit = new ArrayList<>();
        if (inv.emit().contains("dep-info")) emit.add("dep-info");
        emit.add("metadata");
        emit.add("mir=" + mir);

        List<String> rustcCommand = new ArrayList<>();
        rustcCommand.add(rustc.executable().toString());
        rustcCommand.addAll(libraryArgs(inv.withEmit(String.join(",", emit))));
        if (inv.outDir() == null) rustcCommand.addAll(List.of("--out-dir", outDir.toString()));
        rustcCommand.addAll(MIR_FLAGS);

        Path docDir = workDir.resolve("doc");
        List<String> rustdocCommand = new ArrayList<>();
        rustdocCommand.add(rustc.rustdoc().toString());
        rustdocCommand.addAll(rustdocArgs(inv.args()));
        rustdocCommand.addAll(List.of("-Zunstable-options", "--output-format", "json", "--document-private-items",
                "--document-hidden-items", "--cap-lints", "allow", "-o", docDir.toString()));
        Path log = workDir.resolve("rustdoc.log");

        Process rustdoc = start(rustdocCommand, log);
        int exit = waitFor(start(rustcCommand, null), rustcCommand);
        Path rmeta = outDir.resolve("lib" + inv.crateName() + inv.extraFilename() + ".rmeta");
        if (exit != 0) {
            rustdoc.destroyForcibly();
            return new Output(exit, rmeta, mir, null);
        }
        if (waitFor(rustdoc, rustdocCommand) != 0) {
            throw new RustcException("rustdoc failed on crate `" + inv.crateName() + "` (" + inv.sourceFile() + "): "
                    + firstErrorLine(log));
        }
        return new Output(0, rmeta, mir, docDir.resolve(inv.crateName() + ".json"));
    }

    /**
     * A MIR-only rlib is the only library output: {@code dylib} becomes {@code rlib}, and an
     * {@code --extern} to a dylib that was therefore never written points at its rlib instead
     * (cargo passes both for std, which is {@code crate-type = ["dylib", "rlib"]}).
     */
    static List<String> libraryArgs(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-Cprefer-dynamic")) continue;
            if (a.equals("-C") && i + 1 < args.size() && args.get(i + 1).equals("prefer-dynamic")) { i++; continue; }
            out.add(a);
            if (a.equals("--crate-type") && i + 1 < args.size()) out.add(args.get(++i).replace("dylib", "rlib"));
            else if (a.equals("--extern") && i + 1 < args.size()) out.add(rlibInsteadOfMissingDylib(args.get(++i)));
        }
        return out;
    }

    private static String rlibInsteadOfMissingDylib(String extern) {
        int eq = extern.indexOf('=');
        if (eq < 0 || !extern.endsWith(".so")) return extern;
        Path so = Path.of(extern.substring(eq + 1));
        Path rlib = so.resolveSibling(so.getFileName().toString().replaceAll("\\.so$", ".rlib"));
        return !Files.exists(so) && Files.exists(rlib) ? extern.substring(0, eq + 1) + rlib : extern;
    }

    /** rustc's arguments minus the ones that only concern rustc's outputs. */
    static List<String> rustdocArgs(List<String> args) {
        List<String> out = new ArrayList<>();
        List<String> lib = libraryArgs(args);
        for (int i = 0; i < lib.size(); i++) {
            String a = lib.get(i);
            if (a.equals("--out-dir") || a.equals("-o") || a.equals("--emit")) { i++; continue; }
            if (a.startsWith("--emit=") || a.startsWith("--out-dir=") || a.startsWith("--json=")
                    || a.startsWith("--error-format") || a.equals("--json") ) continue;
            if (a.equals("-C") && i + 1 < lib.size() && !lib.get(i + 1).startsWith("metadata")
                    && !lib.get(i + 1).startsWith("panic") && !lib.get(i + 1).startsWith("target")) {
                i++;
                continue;
            }
            out.add(a);
        }
        return out;
    }

    /** rustc's stdio is ours (log == null); rustdoc's goes to a log, since it would repeat rustc's diagnostics. */
    private static Process start(List<String> command, Path log) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("RUSTC_BOOTSTRAP", "1");
        Rustc.withoutJobserver(pb);
        if (log == null) pb.inheritIO();
        else pb.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        }
    }

    private static int waitFor(Process p, List<String> command) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new RustcException("interrupted while running " + command.get(0));
        }
    }

    private static String firstErrorLine(Path log) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("error")).findFirst().orElse("see " + log);
        } catch (IOException e) {
            return "see " + log;
        }
    }
}
