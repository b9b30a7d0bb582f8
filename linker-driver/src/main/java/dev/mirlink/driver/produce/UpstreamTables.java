package dev.mirlink.driver.produce;

import dev.mirlink.bridge.rustc.RustcInvocation;
import dev.mirlink.mir.CrateRecord;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.item.ItemTables;
import dev.mirlink.rlib.RlibReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The item tables of a crate's dependencies, so that the linker can follow paths through their
 * re-exports. They come from the {@link CrateRecord} of each MIR-only rlib that rustc is given
 * ({@code --extern}) or can find ({@code -L dependency=}); rustc's own rlibs have none, and
 * paths into them stay upstream.
 */
final class UpstreamTables {
    private UpstreamTables() {}

    static ItemTables load(RustcInvocation inv, ItemTable local) {
        Map<String, List<Path>> externs = inv.externs();
        List<Path> searchDirs = inv.librarySearchDirs();
        Map<String, ItemTable> tables = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>(externs.keySet());
        todo.addAll(local.externCrates());
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (tables.containsKey(name) || name.equals(local.crateName())) continue;
            Path rlib = externs.containsKey(name) ? mirOnlyRlib(externs.get(name)) : find(name, searchDirs);
            if (rlib == null) continue;
            CrateRecord record = RlibReader.open(rlib, CrateProducer.SCHEMA).load(CrateRecord.KEY, CrateRecord.class);
            tables.put(name, new ItemTable(record.crateName(), record.items(), record.externCrates()));
            todo.addAll(record.externCrates());
        }
        tables.put(local.crateName(), local);
        return new ItemTables(tables.values());
    }

    /** cargo may name a crate's .rmeta, .rlib and .so (std is dylib,rlib): the rlib beside any of them. */
    private static Path mirOnlyRlib(List<Path> given) {
        for (Path p : given) {
            Path rlib = p.resolveSibling(p.getFileName().toString().replaceAll("\\.(rmeta|so)$", ".rlib"));
            if (Files.isRegularFile(rlib) && RlibReader.isMirOnly(rlib)) return rlib;
        }
        return null;
    }

    private static Path find(String crate, List<Path> dirs) {
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.list(dir)) {
                Path hit = files.filter(p -> p.getFileName().toString().matches("lib" + crate + "(-[0-9a-f]+)?\\.rlib"))
                        .filter(RlibReader::isMirOnly).sorted().findFirst().orElse(null);
                if (hit != null) return hit;
            } catch (IOException e) {
                // a search directory that does not exist is not ours to complain about
            }
        }
        return null;
    }
}
