package dev.mirlink.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirlink.bridge.mirtext.MirTextReader;
import dev.mirlink.driver.produce.CrateProducer;
import dev.mirlink.mir.CrateItem;
import dev.mirlink.mir.CrateRecord;
import dev.mirlink.mir.body.MirFile;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.print.MirPrinter;
import dev.mirlink.rlib.RlibReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both MIR-only sysroots: they build with the strict reader (so every body and allocation of
 * every crate parsed), every stored body round-trips through the printer, and rustc accepts the
 * result as --sysroot.
 */
class SysrootTest {
    static final Set<String> CRATES = Set.of("core", "alloc", "std", "compiler_builtins", "libc", "hashbrown",
            "panic_abort", "unwind", "std_detect", "rustc_demangle", "cfg_if", "proc_macro", "test");

    static final MirPrinter PRINTER = new MirPrinter();

    @TempDir Path dir;

    static Path sysroot(String target) {
        Tool.Result r = Tool.mirlink("sysroot", "--target", target).expectSuccess();
        String[] lines = r.stdout().strip().split("\n");
        return Path.of(lines[lines.length - 1]);
    }

    static List<Path> rlibs(Path sysroot, String target) throws IOException {
        try (Stream<Path> files = Files.list(sysroot.resolve("lib/rustlib").resolve(target).resolve("lib"))) {
            return files.filter(p -> p.toString().endsWith(".rlib")).sorted().toList();
        }
    }

    static String crateOf(Path rlib) {
        String name = rlib.getFileName().toString();
        return name.substring(3, name.lastIndexOf('.')).replaceAll("-[0-9a-f]{16}$", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu"})
    void everyCrateIsAMirOnlyRlibAndEveryBodyRoundTrips(String target) throws IOException {
        Path sysroot = sysroot(target);
        Set<String> crates = new TreeSet<>();
        int bodies = 0;
        List<String> failures = new ArrayList<>();
        for (Path rlib : rlibs(sysroot, target)) {
            crates.add(crateOf(rlib));
            List<String> members = Tool.arMembers(rlib);
            assertEquals("lib.rmeta", members.get(0), rlib.toString());
            assertFalse(members.stream().anyMatch(m -> m.endsWith(".o")), rlib + ": " + members);
            RlibReader reader = RlibReader.open(rlib, CrateProducer.SCHEMA);
            assertEquals(target, reader.header().targetTriple());
            Map<String, Object> records = reader.loadAll();
            CrateRecord crate = (CrateRecord) records.get(CrateRecord.KEY);
            List<CrateItem> items = records.values().stream().filter(CrateItem.class::isInstance).map(CrateItem.class::cast).toList();
            ItemTable table = new ItemTable(crate.crateName(), crate.items(), crate.externCrates());
            MirTextReader.Options options = new MirTextReader.Options(8, false, table.rootTypeAndValueNames());
            for (CrateItem item : items) {
                assertFalse(item.items().isEmpty(), "MIR without an item: " + item.defPath());
                if (item.mir().isEmpty()) continue;
                MirFile file = new MirFile(item.mir());
                MirFile again = MirTextReader.parse(PRINTER.print(file), options);
                bodies += item.mir().size();
                if (!again.equals(file)) failures.add(item.defPath());
            }
        }
        System.out.printf("%s: %d crates, %d MIR entries printed and re-parsed equal%n", target, crates.size(), bodies);
        assertTrue(crates.containsAll(CRATES), "missing crates: " + crates);
        assertTrue(failures.isEmpty(), failures.size() + " items do not round-trip, e.g. " + failures.subList(0, Math.min(5, failures.size())));
        assertTrue(bodies > 50_000, "only " + bodies + " MIR entries");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu"})
    void rustcAcceptsItAsSysroot(String target) throws IOException {
        Path src = dir.resolve("uses_std.rs");
        Files.writeString(src, """
                use std::collections::HashMap;
                pub fn count(words: &[&str]) -> Vec<(String, usize)> {
                    let mut m: HashMap<String, usize> = HashMap::new();
                    for w in words { *m.entry(w.to_string()).or_default() += 1; }
                    let mut v: Vec<_> = m.into_iter().collect();
                    v.sort();
                    v
                }
                """);
        Tool.run(dir, Map.of(), List.of(Tool.RUSTC, "--edition", "2021", "--crate-type", "lib", "-C", "panic=abort",
                "--target", target, "--sysroot", sysroot(target).toString(), "--emit=obj", src.toString(),
                "-o", dir.resolve("uses_std.o").toString())).expectSuccess();
        assertTrue(Files.size(dir.resolve("uses_std.o")) > 0);
    }
}
