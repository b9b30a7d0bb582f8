package dev.mirlink.driver.collect;

import dev.mirlink.driver.MirlinkException;
import dev.mirlink.driver.produce.CrateProducer;
import dev.mirlink.mir.CrateItem;
import dev.mirlink.mir.CrateRecord;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.BodyKind;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.item.ItemTables;
import dev.mirlink.rlib.RlibReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole program as MIR-only rlibs: every crate's item table, and its MIR loaded one def path at
 * a time as the collector reaches it. {@code localCrate} is the binary crate.
 */
public final class Program {
    private final Map<String, RlibReader> rlibs = new LinkedHashMap<>();
    private final ItemTables tables;
    private final String localCrate;
    private final Map<String, CrateItem> loaded = new HashMap<>();
    private final Map<String, MirEntry.BodyEntry> bodies = new HashMap<>();

    private Program(List<RlibReader> readers, String localCrate) {
        List<ItemTable> tables = new ArrayList<>();
        for (RlibReader r : readers) {
            CrateRecord record = r.load(CrateRecord.KEY, CrateRecord.class);
            if (rlibs.putIfAbsent(record.crateName(), r) != null) {
                throw MirlinkException.badInput("crate `" + record.crateName() + "` given twice (" + r.path() + ")");
            }
            tables.add(new ItemTable(record.crateName(), record.items(), record.externCrates()));
        }
        this.tables = new ItemTables(tables);
        this.localCrate = localCrate;
    }

    /** Opens the rlibs; {@code localCrate} names the crate the program's roots are in. */
    public static Program open(List<Path> rlibs, String localCrate) {
        List<RlibReader> readers = new ArrayList<>();
        for (Path p : rlibs) readers.add(RlibReader.open(p, CrateProducer.SCHEMA));
        return new Program(readers, localCrate);
    }

    public ItemTables tables() {
        return tables;
    }

    public String localCrate() {
        return localCrate;
    }

    public List<String> crates() {
        return List.copyOf(rlibs.keySet());
    }

    public static String crateOf(String defPath) {
        int i = defPath.indexOf("::");
        return i < 0 ? defPath : defPath.substring(0, i);
    }

    /**
     * The optimized MIR of the fn or closure at {@code defPath} (closures sit under their parent
     * item, {@code main::{closure#0}}), with the allocations rustc dumped after it; null if none.
     */
    public synchronized MirEntry.BodyEntry body(String defPath) {
        if (bodies.containsKey(defPath)) return bodies.get(defPath);
        MirEntry.BodyEntry found = null;
        String owner = ownerOf(defPath);
        CrateItem item = crateItem(owner);
        if (item != null) {
            String suffix = defPath.substring(owner.length());
            for (MirEntry e : item.mir()) {
                if (e instanceof MirEntry.BodyEntry b && !b.body().forCtfe() && b.body().promoted() < 0
                        && b.body().kind() == BodyKind.FN && suffix(b.body().path()).equals(suffix)) {
                    found = b;
                    break;
                }
            }
        }
        bodies.put(defPath, found);
        return found;
    }

    /** Promoted {@code index} of the body at {@code defPath}. */
    public synchronized Body promoted(String defPath, int index) {
        String owner = ownerOf(defPath);
        CrateItem item = crateItem(owner);
        if (item == null) return null;
        String suffix = defPath.substring(owner.length());
        for (MirEntry e : item.mir()) {
            if (e instanceof MirEntry.BodyEntry b && b.body().promoted() == index && !b.body().forCtfe()
                    && suffix(b.body().path()).equals(suffix)) {
                return b.body();
            }
        }
        return null;
    }

    /**
     * The trailing {@code ::{closure#N}} segments of a body's path: within one record, they tell a
     * closure's body from its parent's (the rest of the path is the record's def path as MIR printed it).
     */
    private String suffix(dev.mirlink.mir.ty.Path p) {
        StringBuilder sb = new StringBuilder();
        List<dev.mirlink.mir.ty.PathSegment> segs = p.segments();
        int n = segs.size();
        while (n > 0 && segs.get(n - 1) instanceof dev.mirlink.mir.ty.PathSegment.Disambiguated) n--;
        for (dev.mirlink.mir.ty.PathSegment s : segs.subList(n, segs.size())) {
            var d = (dev.mirlink.mir.ty.PathSegment.Disambiguated) s;
            sb.append("::{").append(d.kind()).append('#').append(d.index()).append('}');
        }
        return sb.toString();
    }

    /** The record stored under {@code defPath}, or null when its crate has none (or it is not in the program). */
    public synchronized CrateItem crateItem(String defPath) {
        if (loaded.containsKey(defPath)) return loaded.get(defPath);
        RlibReader r = rlibs.get(crateOf(defPath));
        CrateItem item = r != null && r.contains(defPath) ? r.load(defPath, CrateItem.class) : null;
        loaded.put(defPath, item);
        return item;
    }

    /** The def path whose record holds the MIR of {@code defPath}: closures and promoteds sit in their parent's. */
    public static String ownerOf(String defPath) {
        List<String> segs = DefPaths.split(defPath);
        int n = segs.size();
        while (n > 1 && DefPaths.isDisambiguated(segs.get(n - 1))) n--;
        return DefPaths.join(segs.subList(0, n));
    }
}
