package dev.mirlink.mir.item;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The item tables of a crate graph by crate name, resolving paths across crates: a path that
 * leaves one crate through a re-export ({@code pub use core::*}) continues in the next.
 * A crate without a table stays {@link Resolution.Upstream}.
 */
public final class ItemTables {
    private final Map<String, ItemTable> tables = new LinkedHashMap<>();
    private final Map<String, Resolution> cache = new ConcurrentHashMap<>();

    public ItemTables(Collection<ItemTable> tables) {
        for (ItemTable t : tables) this.tables.put(t.crateName(), t);
    }

    public static ItemTables of(ItemTable... tables) {
        return new ItemTables(List.of(tables));
    }

    public ItemTable get(String crateName) {
        return tables.get(crateName);
    }

    public Collection<ItemTable> all() {
        return tables.values();
    }

    /** Resolves a crate-qualified path to its defining item, across crates as far as tables exist. */
    public Resolution resolve(String path) {
        Resolution cached = cache.get(path);
        if (cached != null) return cached;
        Resolution r = resolve(path, 0);
        cache.put(path, r);
        return r;
    }

    private Resolution resolve(String path, int hops) {
        String crate = DefPaths.split(path).get(0);
        ItemTable table = tables.get(crate);
        if (table == null) return new Resolution.Upstream(crate, path);
        Resolution r = table.resolver().resolve(path);
        if (r instanceof Resolution.Upstream up && hops < 8 && tables.containsKey(up.crate())) {
            return resolve(up.path(), hops + 1);
        }
        return r;
    }
}
