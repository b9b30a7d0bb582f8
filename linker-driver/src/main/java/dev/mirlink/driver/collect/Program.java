package dev.mirlink.driver.collect;

import dev.mirlink.driver.MirlinkException;
import dev.mirlink.driver.produce.CrateProducer;
import dev.mirlink.mir.CrateItem;
import dev.mirlink.mir.CrateRecord;
import dev.mirlink.mir.body.BodyKind;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.item.ItemTables;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.rlib.RlibReader;

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

    private Program(Map<String, RlibReader> rlibs, ItemTables tables, String localCrate) {
        this.rlibs.putAll(rlibs);
        this.tables = tables;
        this.localCrate = localCrate;
    }

    /** A program over rlibs already open (by crate name) whose item tables are already read. */
    public static Program of(Map<String, RlibReader> rlibs, ItemTables tables, String localCrate) {
        return new Program(rlibs, tables, localCrate);
    }

    /** Opens the rlibs; {@code localCrate} names the crate the program's roots are in. */
    public static Program open(List<java.nio.file.Path> rlibs, String localCrate) {
        List<RlibReader> readers = new ArrayList<>();
        for (java.nio.file.Path p : rlibs) readers.add(RlibReader.open(p, CrateProducer.SCHEMA));
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
        for (MirEntry.BodyEntry b : bodiesAt(defPath)) {
            if (!b.body().forCtfe() && b.body().promoted() < 0 && b.body().kind() == BodyKind.FN) {
                found = b;
                break;
            }
        }
        // the body as printed answers questions asked while it is repaired (the repair resolves types)
        bodies.put(defPath, found);
        if (found != null && repair != null) {
            found = repair.apply(defPath, found);
            bodies.put(defPath, found);
        }
        return found;
    }

    private java.util.function.BiFunction<String, MirEntry.BodyEntry, MirEntry.BodyEntry> repair;

    /** What every fn body goes through once, when first loaded: {@link ClosureCaptures}. */
    void setBodyRepair(java.util.function.BiFunction<String, MirEntry.BodyEntry, MirEntry.BodyEntry> repair) {
        this.repair = repair;
    }

    /**
     * Whether the intrinsic at {@code defPath} has a fallback body a backend may use. One that must
     * be overridden has none in the source, and rustc prints a lone {@code unreachable} for it.
     */
    public boolean hasFallbackBody(String defPath) {
        MirEntry.BodyEntry e = body(defPath);
        if (e == null) return false;
        var blocks = e.body().basicBlocks();
        return !(blocks.size() == 1 && blocks.get(0).statements().isEmpty()
                && blocks.get(0).terminator() instanceof dev.mirlink.mir.body.Terminator.Unreachable);
    }

    /** Promoted {@code index} of the body at {@code defPath}, with the allocations dumped after it. */
    public synchronized MirEntry.BodyEntry promoted(String defPath, int index) {
        for (MirEntry.BodyEntry b : bodiesAt(defPath)) if (b.body().promoted() == index && !b.body().forCtfe()) return b;
        return null;
    }

    /**
     * Every body stored for {@code defPath}, in record order: the item's own, its CTFE copy and promoteds
     * (a closure's sit in its parent's record and are told apart by their trailing {@code {closure#N}}).
     */
    public synchronized List<MirEntry.BodyEntry> bodiesAt(String defPath) {
        String owner = ownerOf(defPath);
        CrateItem item = crateItem(owner);
        if (item == null) return List.of();
        String suffix = defPath.substring(owner.length());
        List<MirEntry.BodyEntry> out = new ArrayList<>();
        for (MirEntry e : item.mir()) {
            if (e instanceof MirEntry.BodyEntry b && bodySuffix(b.body().path()).equals(suffix)) out.add(b);
        }
        return out;
    }

    /** The static's initializer body, or null. */
    public MirEntry.BodyEntry staticBody(String defPath) {
        for (MirEntry.BodyEntry b : bodiesAt(defPath)) {
            if (!b.body().forCtfe() && b.body().promoted() < 0
                    && (b.body().kind() == BodyKind.STATIC || b.body().kind() == BodyKind.STATIC_MUT)) return b;
        }
        return null;
    }

    /** The trailing {@code ::{closure#N}} segments of a body's path as MIR printed it. */
    public static String bodySuffix(Path p) {
        List<PathSegment> segs = p.segments();
        int n = segs.size();
        while (n > 0 && segs.get(n - 1) instanceof PathSegment.Disambiguated) n--;
        List<String> names = segmentNames(segs.subList(n, segs.size()));
        return names.isEmpty() ? "" : "::" + String.join("::", names);
    }

    /** Path segments as def-path names ({@code <impl at …>}, {@code {closure#0}}), or null when one has none. */
    public static List<String> segmentNames(List<PathSegment> segs) {
        List<String> out = new ArrayList<>();
        for (PathSegment s : segs) {
            switch (s) {
                case PathSegment.Ident id -> out.add(id.name());
                case PathSegment.ImplAt at -> out.add("<impl at " + at.span() + ">");
                case PathSegment.Disambiguated d -> out.add("{" + d.kind() + "#" + d.index() + "}");
                default -> { return null; }
            }
        }
        return out;
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
