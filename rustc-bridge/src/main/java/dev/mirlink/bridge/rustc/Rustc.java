package dev.mirlink.bridge.rustc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The rustc that mirlink drives: 1.96.x with rust-src in its sysroot. {@code rustdoc} and
 * {@code cargo} are looked up next to it.
 */
public record Rustc(Path executable, String version, String hostTriple, Path sysroot) {
    public static final String SUPPORTED_SERIES = "1.96.";
    private static final String INSTALL_HINT =
            "install rustc 1.96 with rust-src (Debian: apt-get install rustc-web rust-web-src cargo-web;"
                    + " rustup: rustup toolchain install 1.96 --component rust-src)";

    /**
     * Finds rustc: {@code explicit} (from {@code --rustc}) or {@code MIRLINK_RUSTC} if given, else
     * the {@code rustc} on PATH, then {@code /usr/bin/rustc}, taking the first whose sysroot
     * holds {@code lib/rustlib/src/rust/library}.
     */
    public static Rustc locate(String explicit) {
        String given = explicit != null ? explicit : System.getenv("MIRLINK_RUSTC");
        if (given != null && !given.isEmpty()) {
            Rustc r = probe(Path.of(given));
            if (r == null) throw new RustcException("not a working rustc: " + given);
            r.requireSupported();
            if (!r.hasRustSrc()) {
                throw new RustcException("rustc " + r.version + " has no rust-src at "
                        + r.rustSrc() + "; " + INSTALL_HINT);
            }
            return r;
        }
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) candidates.add(Path.of(dir, "rustc"));
        }
        candidates.add(Path.of("/usr/bin/rustc"));
        List<String> rejected = new ArrayList<>();
        for (Path candidate : candidates) {
            if (!Files.isExecutable(candidate)) continue;
            Rustc r = probe(candidate);
            if (r == null) continue;
            if (r.hasRustSrc() && r.version.startsWith(SUPPORTED_SERIES)) return r;
            rejected.add(candidate + " (" + r.version + (r.hasRustSrc() ? "" : ", no rust-src") + ")");
        }
        throw new RustcException("no rustc 1.96.x with rust-src found"
                + (rejected.isEmpty() ? "" : "; rejected " + String.join(", ", rejected))
                + "; " + INSTALL_HINT);
    }

    /** Runs {@code rustc -vV} and {@code --print sysroot}; null if it isn't a rustc at all. */
    public static Rustc probe(Path executable) {
        try {
            String vv = capture(List.of(executable.toString(), "-vV"));
            String version = null, host = null;
            for (String line : vv.split("\n")) {
                if (line.startsWith("release: ")) version = line.substring(9).trim();
                if (line.startsWith("host: ")) host = line.substring(6).trim();
            }
            if (version == null || host == null) return null;
            Path sysroot = Path.of(capture(List.of(executable.toString(), "--print", "sysroot")).trim());
            return new Rustc(executable, version, host, sysroot);
        } catch (IOException e) {
            return null;
        }
    }

    public void requireSupported() {
        if (!version.startsWith(SUPPORTED_SERIES)) {
            throw new RustcException("unsupported rustc " + version + " (" + executable
                    + "); mirlink needs 1.96.x: " + INSTALL_HINT);
        }
    }

    public Path rustSrc() { return sysroot.resolve("lib/rustlib/src/rust/library"); }

    public boolean hasRustSrc() { return Files.isDirectory(rustSrc()); }

    public Path rustdoc() { return sibling("rustdoc"); }

    public Path cargo() { return sibling("cargo"); }

    private Path sibling(String tool) {
        Path p = executable.toAbsolutePath().resolveSibling(tool);
        return Files.isExecutable(p) ? p : Path.of(tool);
    }

    /**
     * A JVM cannot hand cargo's jobserver file descriptors on to its children, so they must not
     * be told about them: rustc would warn on every crate that it cannot connect.
     */
    public static void withoutJobserver(ProcessBuilder pb) {
        pb.environment().keySet().removeAll(java.util.List.of("CARGO_MAKEFLAGS", "MAKEFLAGS", "MFLAGS"));
    }

    private static String capture(List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        withoutJobserver(pb);
        Process p = pb.start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("`" + String.join(" ", command) + "` failed");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
