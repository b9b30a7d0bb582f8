// Lazy-load benchmark: time to open std's rlib and load one item, and to decode all of core.
// Run: bench/load.sh [TARGET]
import dev.mirlink.driver.produce.CrateProducer;
import dev.mirlink.rlib.RlibReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

public class LoadBench {
    static Path rlib(Path lib, String crate) throws Exception {
        try (Stream<Path> s = Files.list(lib)) {
            return s.filter(p -> p.getFileName().toString().matches("lib" + crate + "(-[0-9a-f]+)?\\.rlib"))
                    .findFirst().orElseThrow();
        }
    }

    public static void main(String[] args) throws Exception {
        Path lib = Path.of(args[0], "lib/rustlib", args[1], "lib");
        Path std = rlib(lib, "std"), core = rlib(lib, "core");
        String item = "std::collections::hash::map::HashMap";
        for (int round = 0; round < 5; round++) {      // the first rounds warm up the JIT
            long t0 = System.nanoTime();
            RlibReader r = RlibReader.open(std, CrateProducer.SCHEMA);
            String path = r.contains(item) ? item : r.itemPaths().get(r.itemPaths().size() / 2);
            r.load(path);
            long t1 = System.nanoTime();
            int n = RlibReader.open(core, CrateProducer.SCHEMA).loadAll().size();
            long t2 = System.nanoTime();
            System.out.printf("round %d: open std + load `%s`: %.2f ms; decode all %d core items: %.0f ms%n",
                    round, path, (t1 - t0) / 1e6, n, (t2 - t1) / 1e6);
        }
    }
}
