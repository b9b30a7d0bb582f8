package dev.mirlink.tests.run;

import dev.mirlink.bridge.rustc.Rustc;
import dev.mirlink.driver.sysroot.SysrootBuilder;
import dev.mirlink.tests.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sysroot plain rustc builds the run programs against: {@code core}, {@code compiler_builtins} and
 * {@code alloc} as ordinary (machine-code) rlibs, panic=abort, one per rustc version and target.
 *
 * <p>Debian's installed core is panic=unwind and x86_64 only, so it is built like mirlink's MIR-only
 * sysroot ({@link SysrootBuilder}: cargo on rust-src, offline against {@code library/vendor}, release
 * profile, {@code -Cpanic=abort -Zforce-unstable-if-unmarked}) but without the wrapper, and cached in
 * {@code ~/.cache/mirlink/reference-sysroot/<rustc>-<target>-panic-abort}. A file lock makes concurrent
 * JVMs wait for one build; the result is staged and renamed into place.
 */
final class ReferenceSysroot {
    private static final List<String> CRATES = List.of("core", "compiler_builtins", "alloc");
    private static final Map<String, Path> READY = new HashMap<>();

    private ReferenceSysroot() {}

    static synchronized Path of(String target) {
        return READY.computeIfAbsent(target, ReferenceSysroot::cachedOrBuilt);
    }

    private static Path cachedOrBuilt(String target) {
        Rustc rustc = Rustc.probe(Path.of(Tool.RUSTC));
        if (rustc == null) throw new AssertionError("not a working rustc: " + Tool.RUSTC);
        Path dir = SysrootBuilder.cacheRoot().resolve("reference-sysroot")
                .resolve(rustc.version() + "-" + target + "-panic-abort");
        if (complete(dir)) return dir;
        try (FileChannel lock = FileChannel.open(Files.createDirectories(dir.getParent()).resolve(dir.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = lock.lock()) {
            if (!complete(dir)) build(rustc, target, dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the reference sysroot " + dir, e);
        }
    }

    private static boolean complete(Path dir) {
        return Files.isRegularFile(dir.resolve(".complete"));
    }

    private static void build(Rustc rustc, String target, Path dir) throws IOException {
        Path library = rustc.rustSrc();
        Path targetDir = dir.resolveSibling(".build-" + dir.getFileName());
        List<String> cargo = new ArrayList<>(List.of(rustc.cargo().toString(), "build", "--release", "--offline",
                "-Zavoid-dev-deps", "--manifest-path", library.resolve("Cargo.toml").toString(),
                "--target-dir", targetDir.toString(), "--target", target, "--no-default-features",
                "--config", "source.crates-io.replace-with=\"reference-vendor\"",
                "--config", "source.reference-vendor.directory=\"" + library.resolve("vendor") + "\""));
        for (String crate : CRATES) cargo.addAll(List.of("-p", crate));
        System.out.println("building reference sysroot for " + target + " in " + dir);
        long start = System.nanoTime();
        Tool.Result r = Tool.run(library, cargoEnv(rustc), cargo);
        if (!r.ok()) throw new AssertionError("reference sysroot build failed: " + r.describe(40));
        install(targetDir.resolve(target).resolve("release/deps"), target, dir);
        delete(targetDir);
        System.out.printf("reference sysroot for %s built in %.1f s%n", target, (System.nanoTime() - start) / 1e9);
    }

    /** Plain rustc, whatever wrapper or flags the caller's environment sets for cargo. */
    private static Map<String, String> cargoEnv(Rustc rustc) {
        Map<String, String> env = new HashMap<>();
        env.put("RUSTC", rustc.executable().toString());
        env.put("RUSTC_WRAPPER", "");
        env.put("CARGO_BUILD_RUSTC_WRAPPER", "");
        env.put("RUSTC_BOOTSTRAP", "1");
        env.put("CARGO_ENCODED_RUSTFLAGS", "-Cpanic=abort\u001f-Zforce-unstable-if-unmarked");
        return env;
    }

    private static void install(Path deps, String target, Path dir) throws IOException {
        Path staging = Files.createTempDirectory(dir.getParent(), ".staging-");
        Path lib = Files.createDirectories(staging.resolve("lib/rustlib").resolve(target).resolve("lib"));
        try (Stream<Path> files = Files.list(deps)) {
            for (Path rlib : files.filter(p -> p.getFileName().toString().endsWith(".rlib")).sorted().toList()) {
                Files.copy(rlib, lib.resolve(rlib.getFileName()));
            }
        }
        Files.writeString(staging.resolve(".complete"), String.join(" ", CRATES) + " for " + target + ", panic=abort\n");
        delete(dir);
        Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
