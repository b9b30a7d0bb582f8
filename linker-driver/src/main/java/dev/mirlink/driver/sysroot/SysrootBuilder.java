package dev.mirlink.driver.sysroot;

import dev.mirlink.bridge.rustc.Rustc;
import dev.mirlink.driver.Errors;
import dev.mirlink.driver.FileTrees;
import dev.mirlink.driver.MirlinkException;
import dev.mirlink.driver.wrapper.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds {@code library/sysroot} from rust-src into a MIR-only sysroot that rustc accepts as
 * {@code --sysroot}: cargo, offline against {@code library/vendor}, with mirlink as the wrapper.
 * Results are cached under {@code ~/.cache/mirlink/sysroot}, keyed by rustc version, target,
 * panic strategy and the rlib format.
 */
public final class SysrootBuilder {
    private final Rustc rustc;
    private final String target;
    private final String panic;
    private final String formatKey;

    public SysrootBuilder(Rustc rustc, String target, String panic, String formatKey) {
        this.rustc = rustc;
        this.target = Targets.require(target);
        if (!panic.equals("abort")) {
            throw MirlinkException.badInput("--panic " + panic + " is not supported yet; use --panic abort");
        }
        this.panic = panic;
        this.formatKey = formatKey;
    }

    public static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("mirlink");
    }

    public Path sysrootDir() {
        return cacheRoot().resolve("sysroot").resolve(rustc.version() + "-" + target + "-panic-" + panic + "-" + formatKey);
    }

    /** Returns the cached sysroot, building it first if needed; concurrent callers wait for one build. */
    public Path build() {
        Path dir = sysrootDir();
        if (Files.isRegularFile(dir.resolve(".complete"))) return touched(dir);
        try (FileChannel lock = FileChannel.open(Files.createDirectories(dir.getParent()).resolve(dir.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = lock.lock()) {
            return Files.isRegularFile(dir.resolve(".complete")) ? dir : buildLocked(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the sysroot cache at " + dir, e);
        }
    }

    /** Marks a sysroot as in use, so that no other build prunes it (see {@link #pruneOtherBuilds}). */
    private static Path touched(Path dir) {
        try {
            Files.setLastModifiedTime(dir, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException ignored) {
            // a read-only cache is still usable
        }
        return dir;
    }

    private Path buildLocked(Path dir) {
        Path launcher = launcher();
        Path targetDir = cacheRoot().resolve("build").resolve(dir.getFileName());
        System.err.println("mirlink: building MIR-only sysroot for " + target + " (panic=" + panic + ") in " + dir);
        List<String> cargo = new ArrayList<>(List.of(rustc.cargo().toString(), "build", "--release", "--offline",
                "-Zavoid-dev-deps", "--manifest-path", rustc.rustSrc().resolve("sysroot/Cargo.toml").toString(),
                "--target-dir", targetDir.toString(), "--target", target, "--no-default-features",
                "--config", "source.crates-io.replace-with=\"mirlink-vendor\"",
                "--config", "source.mirlink-vendor.directory=\"" + rustc.rustSrc().resolve("vendor") + "\""));
        int exit = Processes.runInheritingIo(cargo, Map.of(
                "RUSTC", rustc.executable().toString(),
                "RUSTC_WRAPPER", launcher.toString(),
                "MIRLINK_RUSTC", rustc.executable().toString(),
                "RUSTC_BOOTSTRAP", "1",
                // takes precedence over any RUSTFLAGS of the caller's; \u001f separates flags
                "CARGO_ENCODED_RUSTFLAGS", "-Cpanic=" + panic + "\u001f-Zforce-unstable-if-unmarked"));
        if (exit != 0) {
            throw new MirlinkException(Errors.COMPILE_FAILED, "sysroot build for " + target + " failed (cargo exit " + exit + ")");
        }
        install(targetDir.resolve(target).resolve("release/deps"), dir);
        try {
            FileTrees.delete(targetDir);   // the sysroot holds all that is kept
        } catch (IOException e) {
            System.err.println("mirlink: warning: cannot remove " + targetDir + ": " + e.getMessage());
        }
        return dir;
    }

    /** Copies the rlibs into {@code lib/rustlib/TARGET/lib} of a fresh directory, then renames it into place. */
    private void install(Path deps, Path dir) {
        try {
            Path staging = Files.createTempDirectory(Files.createDirectories(dir.getParent()), ".staging-");
            Path lib = Files.createDirectories(staging.resolve("lib/rustlib").resolve(target).resolve("lib"));
            try (Stream<Path> files = Files.list(deps)) {
                for (Path rlib : files.filter(p -> p.getFileName().toString().endsWith(".rlib")).sorted().toList()) {
                    Files.copy(rlib, lib.resolve(rlib.getFileName()));
                }
            }
            Files.writeString(staging.resolve(".complete"), rustc.version() + " " + target + " panic=" + panic + "\n");
            if (Files.exists(dir)) FileTrees.delete(dir);
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            pruneOtherBuilds(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install sysroot into " + dir, e);
        }
    }

    /**
     * Sysroots of the same rustc, target and panic strategy made by another mirlink build are stale
     * once unused for a day; until then another checkout (a worktree, a CI clone) may still use them.
     */
    private void pruneOtherBuilds(Path dir) throws IOException {
        String prefix = rustc.version() + "-" + target + "-panic-" + panic + "-";
        java.nio.file.attribute.FileTime dayAgo = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 86_400_000L);
        try (Stream<Path> siblings = Files.list(dir.getParent())) {
            for (Path p : siblings.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && !p.equals(dir) && !name.endsWith(".lock")
                        && Files.getLastModifiedTime(p).compareTo(dayAgo) < 0) {
                    FileTrees.delete(p);
                }
            }
        }
    }

    private static Path launcher() {
        String launcher = System.getProperty("mirlink.launcher");
        if (launcher == null) {
            throw MirlinkException.badInput("the sysroot build needs the bin/mirlink launcher (system property mirlink.launcher)");
        }
        return Path.of(launcher);
    }
}
