package dev.mirlink.driver.wrapper;

import dev.mirlink.bridge.rustc.Rustc;
import dev.mirlink.bridge.rustc.RustcInvocation;
import dev.mirlink.driver.FileTrees;
import dev.mirlink.driver.MirlinkException;
import dev.mirlink.driver.cli.LinkCommand;
import dev.mirlink.driver.collect.LinkSession;
import dev.mirlink.driver.produce.CrateProducer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A binary crate in wrapper mode: its MIR-only rlib goes to a temporary directory, then the link
 * step runs on it with its dependencies. rustc's {@code -Zprint-mono-items=yes} prints the
 * instances; {@code -Zno-codegen} stops there; {@code $MIRLINK_REPORT} names a report file.
 */
final class BinaryCrate {
    private static final List<String> LINK_FLAGS = List.of("-Zprint-mono-items", "-Zprint-type-sizes", "-Zno-codegen");

    private BinaryCrate() {}

    static boolean wanted(RustcInvocation inv) {
        return !inv.isHostCode() && inv.sourceFile() != null && inv.crateTypes().contains("bin") && !inv.args().contains("--test");
    }

    static int run(Rustc rustc, RustcInvocation inv) {
        String target = inv.targetOrHost(rustc.hostTriple());
        Path sysroot = option(inv.args(), "--sysroot") == null ? null : Path.of(option(inv.args(), "--sysroot"));
        Path sysrootLib = LinkCommand.sysrootLibDir(sysroot, target);
        boolean printMonoItems = inv.args().stream().anyMatch(a -> a.startsWith("-Zprint-mono-items") && !a.endsWith("=no"));
        boolean printTypeSizes = inv.args().contains("-Zprint-type-sizes");
        boolean noCodegen = inv.args().contains("-Zno-codegen");
        Path work;
        try {
            work = Files.createTempDirectory("mirlink-bin-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
        try {
            Path rlib = work.resolve("lib" + inv.crateName() + ".rlib");
            // the crate is checked against the sysroot its dependencies were built with (rustc's own unless
            // --sysroot says otherwise); collection reads the MIR-only sysroot, which holds the same std by path
            List<String> args = frontendArgs(inv.args(), rlib);
            int exit = CrateProducer.produce(rustc, RustcInvocation.parse(args));
            if (exit != 0) return exit;
            Map<String, Path> externs = new LinkedHashMap<>();
            inv.externs().forEach((name, paths) -> {
                for (Path p : paths) if (p.toString().endsWith(".rlib")) externs.putIfAbsent(name, p);
            });
            List<Path> dirs = new ArrayList<>(inv.librarySearchDirs());
            dirs.add(sysrootLib);
            String report = System.getenv("MIRLINK_REPORT");
            Path output = noCodegen ? null : outputPath(inv);
            LinkSession.run(inv.crateName(), List.of(rlib), externs, dirs,
                    new LinkSession.Options(target, printMonoItems, printTypeSizes, report == null ? null : Path.of(report),
                            output, optLevel(inv.args()), jobs(), nativeLibs(inv.args())), System.out);
            return 0;
        } finally {
            try {
                FileTrees.delete(work);
            } catch (IOException ignored) {
                // a leftover temporary directory is harmless
            }
        }
    }

    /** rustc's args for the crate's metadata and MIR: output to {@code rlib}, the link-step flags and native libraries removed. */
    private static List<String> frontendArgs(List<String> args, Path rlib) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-o") || a.equals("--emit") || a.equals("-l")) { i++; continue; }
            if (a.startsWith("-l")) continue; // native libraries are the link step's
            if (a.startsWith("--emit=") || LINK_FLAGS.stream().anyMatch(a::startsWith)) continue;
            out.add(a);
        }
        out.addAll(List.of("-o", rlib.toString(), "--emit=link"));
        return out;
    }

    /** rustc's {@code -o}, else the crate name in {@code --out-dir} or the current directory. */
    private static Path outputPath(RustcInvocation inv) {
        String o = option(inv.args(), "-o");
        if (o != null) return Path.of(o).toAbsolutePath();
        String dir = option(inv.args(), "--out-dir");
        return (dir == null ? Path.of(inv.crateName()) : Path.of(dir).resolve(inv.crateName())).toAbsolutePath();
    }

    /** rustc's {@code -C opt-level} ({@code -O} is 2); other codegen options are rustc's business. */
    private static int optLevel(List<String> args) {
        int level = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String c = a.equals("-C") && i + 1 < args.size() ? args.get(++i) : a.startsWith("-C") ? a.substring(2) : null;
            if (a.equals("-O")) level = 2;
            if (c != null && c.startsWith("opt-level=")) level = LinkCommand.optLevel(List.of(c));
        }
        return level;
    }

    /** Codegen threads: {@code $MIRLINK_JOBS}, else the number of cores. */
    private static int jobs() {
        String j = System.getenv("MIRLINK_JOBS");
        if (j == null) return Runtime.getRuntime().availableProcessors();
        if (!j.matches("[1-9][0-9]*")) throw MirlinkException.badInput("MIRLINK_JOBS must be a positive number, not `" + j + "`");
        return Integer.parseInt(j);
    }

    /** {@code -l NAME} and {@code -lNAME} (kinds dropped). */
    private static List<String> nativeLibs(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String v = a.equals("-l") && i + 1 < args.size() ? args.get(++i) : a.startsWith("-l") ? a.substring(2) : null;
            if (v != null) out.add(v.contains("=") ? v.substring(v.indexOf('=') + 1) : v);
        }
        return out;
    }

    private static String option(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(name) && i + 1 < args.size()) return args.get(i + 1);
            if (args.get(i).startsWith(name + "=")) return args.get(i).substring(name.length() + 1);
        }
        return null;
    }
}
