package dev.mirlink.driver.produce;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A hash of the code that decides what goes into a MIR-only rlib (the model, the bridge, the
 * rlib format and the producer), so that a cached sysroot is rebuilt whenever that code changes,
 * and only then: class files are hashed by content, not by jar timestamps.
 */
final class ProducerFingerprint {
    private static final String[] PACKAGES = {"dev/mirlink/mir/ty/", "dev/mirlink/mir/body/", "dev/mirlink/mir/alloc/",
            "dev/mirlink/mir/item/", "dev/mirlink/mir/CrateItem", "dev/mirlink/mir/CrateRecord", "dev/mirlink/bridge/",
            "dev/mirlink/rlib/", "dev/mirlink/driver/produce/"};

    /** Link-time helpers that live beside the model but never run while producing an rlib. */
    private static final java.util.Set<String> LINK_TIME_ONLY = java.util.Set.of(
            "dev/mirlink/mir/item/VisiblePaths", "dev/mirlink/mir/body/ClosureUpvars");

    private ProducerFingerprint() {}

    static String compute() {
        Map<String, byte[]> classes = new TreeMap<>();
        try {
            for (Path location : codeLocations()) {
                if (Files.isDirectory(location)) {
                    try (Stream<Path> walk = Files.walk(location)) {
                        for (Path p : walk.filter(Files::isRegularFile).toList()) {
                            String name = location.relativize(p).toString().replace('\\', '/');
                            if (relevant(name)) classes.put(name, Files.readAllBytes(p));
                        }
                    }
                } else {
                    try (JarFile jar = new JarFile(location.toFile())) {
                        for (JarEntry e : jar.stream().toList()) {
                            if (relevant(e.getName())) {
                                try (InputStream in = jar.getInputStream(e)) { classes.put(e.getName(), in.readAllBytes()); }
                            }
                        }
                    }
                }
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            classes.forEach((name, bytes) -> { sha.update(name.getBytes()); sha.update(bytes); });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException | NoSuchAlgorithmException | URISyntaxException e) {
            throw new IllegalStateException("cannot fingerprint mirlink's own code: " + e, e);
        }
    }

    private static boolean relevant(String name) {
        if (!name.endsWith(".class")) return false;
        for (String skip : LINK_TIME_ONLY) if (name.startsWith(skip + ".class") || name.startsWith(skip + "$")) return false;
        for (String p : PACKAGES) if (name.startsWith(p)) return true;
        return false;
    }

    /** The jar, or in a development build the class directories of each module. */
    private static Stream<Path> locationsOf(Class<?>... classes) throws URISyntaxException {
        Stream.Builder<Path> out = Stream.builder();
        for (Class<?> c : classes) out.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
        return out.build().distinct();
    }

    private static java.util.List<Path> codeLocations() throws URISyntaxException {
        return locationsOf(ProducerFingerprint.class, dev.mirlink.mir.body.Body.class,
                dev.mirlink.bridge.rustc.Rustc.class, dev.mirlink.rlib.RlibWriter.class).toList();
    }
}
