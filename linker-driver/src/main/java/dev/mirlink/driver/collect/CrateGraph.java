package dev.mirlink.driver.collect;

import dev.mirlink.driver.MirlinkException;
import dev.mirlink.driver.produce.CrateProducer;
import dev.mirlink.mir.CrateRecord;
import dev.mirlink.rlib.RlibReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The rlibs of a program: from the crates given, follow each crate's dependencies by name to
 * {@code --extern} paths, then to MIR-only {@code lib<name>-*.rlib} in the search directories
 * (the sysroot's last), the way rustc's crate locator does for a crate graph without duplicates.
 */
public final class CrateGraph {
    private CrateGraph() {}

    public static List<Path> closure(List<Path> given, Map<String, Path> externs, List<Path> searchDirs) {
        Map<String, Path> found = new LinkedHashMap<>();
        ArrayDeque<Path> todo = new ArrayDeque<>(given);
        while (!todo.isEmpty()) {
            Path rlib = todo.poll();
            CrateRecord r = RlibReader.open(rlib, CrateProducer.SCHEMA).load(CrateRecord.KEY, CrateRecord.class);
            if (found.putIfAbsent(r.crateName(), rlib) != null) continue;
            for (String dep : r.externCrates()) {
                if (found.containsKey(dep) || dep.equals(r.crateName())) continue;
                Path p = externs.containsKey(dep) ? externs.get(dep) : search(dep, searchDirs);
                if (p == null && externs.containsKey(dep)) {
                    throw MirlinkException.badInput("crate `" + dep + "` (a dependency of `" + r.crateName()
                            + "`) is not a MIR-only rlib (" + externs.get(dep) + ")");
                }
                // a crate rustdoc lists but no MIR-only rlib provides (the system std's backtrace crates):
                // nothing the program runs can come from it, or resolution reports the path that needs it
                if (p != null) todo.add(p);
            }
        }
        return new ArrayList<>(found.values());
    }

    private static Path search(String crate, List<Path> dirs) {
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                List<Path> hits = s.filter(p -> {
                    String n = p.getFileName().toString();
                    return n.endsWith(".rlib") && (n.equals("lib" + crate + ".rlib") || n.startsWith("lib" + crate + "-"))
                            && RlibReader.isMirOnly(p);
                }).sorted().toList();
                if (!hits.isEmpty()) return hits.get(hits.size() - 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }
}
