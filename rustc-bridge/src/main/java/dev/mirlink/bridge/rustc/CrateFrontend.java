package dev.mirlink.bridge.rustc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs rustc's frontend for one library crate: rustc writes the metadata (where cargo expects it)
 * and the MIR text; at the same time rustdoc writes the item JSON, and rustc again the crate's
 * macro expansions (its hygiene data, which MIR text lacks). rustc's diagnostics go straight to our
 * stderr; the other runs' are kept back because they would repeat rustc's.
 */
public final class CrateFrontend {
    /** Flags that make rustc's MIR text unambiguous and give it the spans panics report; see docs/ARCHITECTURE.md. */
    public static final List<String> MIR_FLAGS =
            List.of("-Ztrim-diagnostic-paths=no", "-Zspan-free-formats", "-Zmir-include-spans=yes");

    /** Flags that print the crate expanded, then its hygiene data with each expansion's spans. */
    public static final List<String> HYGIENE_FLAGS = List.of("-Zunpretty=expanded,hygiene", "-Zverbose-internals");

    public record Output(int exitCode, Path rmeta, Path mirText, Path rustdocJson, Path hygiene) {}

    private CrateFrontend() {}

    /** Runs rustc and rustdoc side by side; rustdoc is stopped if rustc fails. */
    public static Output run(Rustc rustc, RustcInvocation inv, Path workDir) {
        Path outDir = inv.outputDir();
        Path mir = workDir.resolve(inv.crateName() + ".mir");
        List<String> emit = new ArrayList<>();
        if (inv.emit().contains("dep-info")) emit.add("dep-info");
        emit.add("metadata");
        emit.add("mir=" + mir);

        List<String> rustcCommand = new ArrayList<>();
        rustcCommand.add(rustc.executable().toString());
        rustcCommand.addAll(withoutArtifactNotifications(libraryArgs(inv.withEmit(String.join(",", emit)))));
        if (inv.outDir() == null) rustcCommand.addAll(List.of("--out-dir", outDir.toString()));
        rustcCommand.addAll(MIR_FLAGS);

        Path docDir = workDir.resolve("doc");
        Path rmeta = outDir.resolve("lib" + inv.crateName() + inv.extraFilename() + ".rmeta");
        List<String> rustdocCommand = new ArrayList<>();
        rustdocCommand.add(rustc.rustdoc().toString());
        rustdocCommand.addAll(rustdocArgs(inv.args()));
        rustdocCommand.addAll(List.of("-Zunstable-options", "--output-format", "json", "--document-private-items",
                "--document-hidden-items", "--cap-lints", "allow", "-o", docDir.toString()));
        Path log = workDir.resolve("rustdoc.log");
        Path unmasked = isCompilerBuiltins(inv.sourceFile()) ? unmaskedCopy(inv.sourceFile(), workDir) : null;

        List<String> hygieneCommand = new ArrayList<>();
        hygieneCommand.add(rustc.executable().toString());
        hygieneCommand.addAll(rustdocArgs(inv.args()));
        hygieneCommand.addAll(HYGIENE_FLAGS);
        Path hygiene = workDir.resolve("hygiene.txt");
        Path hygieneLog = workDir.resolve("hygiene.log");

        Process rustdoc = unmasked == null ? start(rustdocCommand, log, log, null) : null;
        Process expansions = start(hygieneCommand, hygiene, hygieneLog, null);
        int exit = waitFor(start(rustcCommand, null, null, null), rustcCommand);
        if (exit != 0) {
            if (rustdoc != null) rustdoc.destroyForcibly();
            expansions.destroyForcibly();
            return new Output(exit, rmeta, mir, null, null);
        }
        if (unmasked != null) {
            rustdocCommand.addAll(List.of("--extern", "compiler_builtins=" + rmeta.toAbsolutePath()));
            rustdoc = start(rustdocCommand, log, log, unmasked);
        }
        if (waitFor(rustdoc, rustdocCommand) != 0) {
            expansions.destroyForcibly();
            throw new RustcException("rustdoc failed on crate `" + inv.crateName() + "` (" + inv.sourceFile() + "): "
                    + firstErrorLine(log));
        }
        if (waitFor(expansions, hygieneCommand) != 0) {
            throw new RustcException("rustc could not print the macro expansions of crate `" + inv.crateName() + "` ("
                    + inv.sourceFile() + "): " + firstErrorLine(hygieneLog));
        }
        return new Output(0, rmeta, mir, docDir.resolve(inv.crateName() + ".json"), hygiene);
    }

    private static boolean isCompilerBuiltins(Path source) {
        try (var lines = Files.lines(source)) {
            return lines.limit(200).anyMatch(l -> COMPILER_BUILTINS_ATTR.matcher(l).matches());
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** {@code #![compiler_builtins]}, possibly under {@code cfg_attr} as compiler-builtins has it. */
    private static final Pattern COMPILER_BUILTINS_ATTR = Pattern.compile("\\s*#!\\[(cfg_attr\\(.*,\\s*)?compiler_builtins\\)?\\]\\s*");

    /**
     * rustdoc hides every impl of the crate marked {@code #![compiler_builtins]}
     * (librustdoc/clean/utils.rs), so that crate is documented from a copy with the attribute
     * blanked: same relative paths and line numbers, so spans still match the MIR. The copy is
     * the source's top-level directory (relative to the working directory, as cargo passes it).
     */
    private static Path unmaskedCopy(Path source, Path workDir) {
        if (source.isAbsolute()) {
            throw new RustcException("cannot document `" + source + "`: a #![compiler_builtins] crate must be given by a relative path");
        }
        Path root = workDir.resolve("unmasked");
        Path top = source.getName(0);
        try (var walk = Files.walk(top)) {
            for (Path p : walk.toList()) {
                Path to = root.resolve(p.toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
            Path lib = root.resolve(source.toString());
            List<String> lines = new ArrayList<>(Files.readAllLines(lib));
            lines.replaceAll(l -> COMPILER_BUILTINS_ATTR.matcher(l).matches() ? "// (attribute blanked for rustdoc)" : l);
            Files.write(lib, lines);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + top + " for rustdoc", e);
        }
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

    /**
     * cargo starts dependents as soon as rustc announces the metadata ({@code --json=artifacts});
     * they must wait for the MIR-only rlib, whose item table they read, so nothing is announced.
     */
    static List<String> withoutArtifactNotifications(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--json=")) {
                List<String> kinds = new ArrayList<>(List.of(a.substring(7).split(",")));
                kinds.remove("artifacts");
                if (kinds.isEmpty()) continue;
                a = "--json=" + String.join(",", kinds);
            }
            out.add(a);
        }
        return out;
    }

    /**
     * rustc's arguments minus those about rustc's outputs and codegen; {@code -C panic} and
     * {@code -C target-*} stay because they change cfgs.
     */
    static List<String> rustdocArgs(List<String> args) {
        List<String> out = new ArrayList<>();
        List<String> lib = libraryArgs(args);
        for (int i = 0; i < lib.size(); i++) {
            String a = lib.get(i);
            if (a.equals("--out-dir") || a.equals("-o") || a.equals("--emit")) { i++; continue; }
            if (a.startsWith("--emit=") || a.startsWith("--out-dir=") || a.startsWith("--json=")
                    || a.startsWith("--error-format") || a.equals("--json")) continue;
            if (a.equals("-C") && i + 1 < lib.size()
                    && !lib.get(i + 1).startsWith("panic") && !lib.get(i + 1).startsWith("target")) {
                i++;
                continue;
            }
            out.add(a);
        }
        return out;
    }

    /**
     * rustc's stdio is ours (no {@code out}); the other runs' go to files, since their diagnostics
     * would repeat rustc's. {@code out} and {@code err} may be one file.
     */
    private static Process start(List<String> command, Path out, Path err, Path dir) {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (dir != null) pb.directory(dir.toFile());
        pb.environment().put("RUSTC_BOOTSTRAP", "1");
        Rustc.withoutJobserver(pb);
        if (out == null) pb.inheritIO();
        else if (out.equals(err)) pb.redirectErrorStream(true).redirectOutput(out.toFile());
        else pb.redirectOutput(out.toFile()).redirectError(err.toFile());
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
