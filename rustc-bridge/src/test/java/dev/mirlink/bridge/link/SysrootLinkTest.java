package dev.mirlink.bridge.link;

import dev.mirlink.bridge.mirtext.MirTextReader;
import dev.mirlink.bridge.rustdoc.RustdocReader;
import dev.mirlink.mir.body.MirFile;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.item.ItemTables;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Links every crate of a real sysroot build: {@code -Dmirlink.docDir} holds rustdoc JSON per
 * crate ({@code core.json}), {@code -Dmirlink.mirDir} the {@code --emit=mir} files
 * ({@code core-<hash>.mir} or {@code core.mir}). Crates are linked dependencies first, each
 * against the linked tables of the crates before it. Skipped when the properties are unset.
 */
class SysrootLinkTest {
    @TestFactory
    Stream<DynamicTest> everyCrateLinksWithoutProblems() throws IOException {
        String docDir = System.getProperty("mirlink.docDir");
        String mirDir = System.getProperty("mirlink.mirDir");
        assumeTrue(docDir != null && mirDir != null, "set -Dmirlink.docDir and -Dmirlink.mirDir");
        Map<String, ItemTable> tables = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of(docDir))) {
            for (Path json : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                ItemTable table = RustdocReader.read(json);
                tables.put(table.crateName(), table);
            }
        }
        Map<String, ItemTable> linked = new LinkedHashMap<>(tables);
        List<DynamicTest> tests = new ArrayList<>();
        for (ItemTable table : dependencyOrder(tables)) {
            Path mir = mirFile(Path.of(mirDir), table.crateName());
            if (mir == null) continue;
            tests.add(DynamicTest.dynamicTest(table.crateName(), () -> {
                MirFile file = MirTextReader.read(mir,
                        new MirTextReader.Options(8, false, table.rootTypeAndValueNames()));
                LinkResult result = BodyLinker.link(table, file, new ItemTables(linked.values()), null);
                linked.put(table.crateName(), result.items());
                assertEquals(file.entries().size(), result.links().size() + unlinked(result));
                assertEquals(List.of(), result.check().stream().limit(50).toList(), table.crateName());
                if (table.crateName().equals("core")) {
                    // the def path form MIR prints for a method of a hand-written impl
                    assertInstanceOf(Item.Fn.class,
                            result.items().valueItem("core::f128::<impl at core/src/num/f128.rs:155:1: 155:10>::clamp"));
                }
            }));
        }
        return tests.stream();
    }

    private static long unlinked(LinkResult result) {
        return result.check().stream().filter(p -> p.kind() == LinkProblem.Kind.UNLINKED_BODY).count();
    }

    private static List<ItemTable> dependencyOrder(Map<String, ItemTable> tables) {
        List<ItemTable> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (order.size() < tables.size()) {
            boolean progress = false;
            for (ItemTable t : tables.values()) {
                if (done.contains(t.crateName())) continue;
                if (t.externCrates().stream().allMatch(d -> !tables.containsKey(d) || done.contains(d))) {
                    order.add(t);
                    done.add(t.crateName());
                    progress = true;
                }
            }
            if (!progress) {
                for (ItemTable t : tables.values()) if (done.add(t.crateName())) order.add(t);
            }
        }
        return order;
    }

    /** {@code <crate>.mir} or {@code <crate>-<hash>.mir}. */
    private static Path mirFile(Path dir, String crate) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String f = p.getFileName().toString();
                return f.equals(crate + ".mir") || f.matches(java.util.regex.Pattern.quote(crate) + "-[0-9a-f]+\\.mir");
            }).findFirst().orElse(null);
        }
    }
}
