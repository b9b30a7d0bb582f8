package dev.mirlink.mir.item;

import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The items of one crate by canonical def path, in declaration order as far as the source
 * tells it (the linker relies on impl order to tell apart impls that share a span). Uses are
 * kept apart, per module, since they create visible paths rather than items.
 */
public final class ItemTable {
    private final String crateName;
    private final Set<String> externCrates;
    private final List<Item> items = new ArrayList<>();
    private final Map<String, Item> types = new HashMap<>();
    private final Map<String, Item> values = new HashMap<>();
    private final Map<String, List<Item.Use>> usesByModule = new LinkedHashMap<>();
    private final List<Item> duplicates = new ArrayList<>();
    private final List<Item.Impl> impls = new ArrayList<>();
    private PathResolver resolver;
    private Map<String, List<Item.Impl>> inherentImpls;
    private Map<String, List<Item.Impl>> implsByMember;

    public ItemTable(String crateName, Collection<? extends Item> items, Collection<String> externCrates) {
        this.crateName = crateName;
        this.externCrates = Collections.unmodifiableSet(new TreeSet<>(externCrates));
        for (Item item : items) {
            if (item instanceof Item.Use use) {
                usesByModule.computeIfAbsent(use.module(), k -> new ArrayList<>()).add(use);
            } else if ((isValue(item) ? values : types).putIfAbsent(item.defPath(), item) != null) {
                duplicates.add(item);
            } else {
                this.items.add(item);
                if (item instanceof Item.Impl impl) impls.add(impl);
            }
        }
    }

    public String crateName() {
        return crateName;
    }

    /** Names of the crates this one can name by path (its dependencies, {@code extern crate}s). */
    public Set<String> externCrates() {
        return externCrates;
    }

    /**
     * Whether the item lives in rustc's value namespace (fns, consts, statics) rather than the
     * type namespace (modules, types, traits, impls). A def path may name one item in each:
     * libc's {@code struct statx} and {@code fn statx}.
     */
    public static boolean isValue(Item item) {
        return item instanceof Item.Fn || item instanceof Item.Const || item instanceof Item.Static;
    }

    /** Every item but uses, in declaration order. */
    public Collection<Item> items() {
        return Collections.unmodifiableList(items);
    }

    /** Every item including uses, for rebuilding a table. */
    public List<Item> allItems() {
        List<Item> all = new ArrayList<>(items);
        usesByModule.values().forEach(all::addAll);
        return all;
    }

    /** The item at {@code defPath}, from the type namespace if both have one. */
    public Item get(String defPath) {
        Item type = types.get(defPath);
        return type != null ? type : values.get(defPath);
    }

    /** The module, type, trait or impl at {@code defPath}. */
    public Item typeItem(String defPath) {
        return types.get(defPath);
    }

    /** The fn, const or static at {@code defPath}. */
    public Item valueItem(String defPath) {
        return values.get(defPath);
    }

    public boolean contains(String defPath) {
        return types.containsKey(defPath) || values.containsKey(defPath);
    }

    public List<Item.Impl> impls() {
        return Collections.unmodifiableList(impls);
    }

    public List<Item.Use> uses(String modulePath) {
        return Collections.unmodifiableList(usesByModule.getOrDefault(modulePath, List.of()));
    }

    /** Items whose def path collided with an earlier one in the same namespace. */
    public List<Item> duplicates() {
        return Collections.unmodifiableList(duplicates);
    }

    public int size() {
        return items.size();
    }

    /**
     * Names of the types, consts and statics declared at the crate root. MIR text prints them
     * as a bare name, like a generic parameter; a MIR reader needs them to tell the two apart.
     */
    public Set<String> rootTypeAndValueNames() {
        Set<String> names = new TreeSet<>();
        for (Item item : items) {
            boolean rootLevel = crateName.equals(DefPaths.parent(item.defPath()));
            if (rootLevel && (item instanceof Item.Adt || item instanceof Item.ForeignType
                    || item instanceof Item.TypeAlias || item instanceof Item.Const || item instanceof Item.Static
                    || item instanceof Item.Trait)) {
                names.add(item.name());
            }
        }
        return names;
    }

    /** The inherent impls ({@code impl Type { .. }}) of the ADT or foreign type at {@code defPath}. */
    public synchronized List<Item.Impl> inherentImpls(String defPath) {
        if (inherentImpls == null) {
            inherentImpls = new HashMap<>();
            for (Item.Impl impl : impls) {
                if (impl.traitRef() != null || !(impl.selfTy() instanceof Ty.Adt adt)) continue;
                List<String> names = new ArrayList<>();
                for (PathSegment seg : adt.path().segments()) {
                    if (seg instanceof PathSegment.Ident id) names.add(id.name());
                }
                inherentImpls.computeIfAbsent(DefPaths.join(names), k -> new ArrayList<>()).add(impl);
            }
        }
        return inherentImpls.getOrDefault(defPath, List.of());
    }

    /** The impls that define an associated item named {@code name}, in declaration order. */
    public synchronized List<Item.Impl> implsDefining(String name) {
        if (implsByMember == null) {
            implsByMember = new HashMap<>();
            for (Item.Impl impl : impls) {
                for (AssocItem a : impl.items()) {
                    List<Item.Impl> list = implsByMember.computeIfAbsent(a.name(), k -> new ArrayList<>());
                    if (list.isEmpty() || list.get(list.size() - 1) != impl) list.add(impl);
                }
            }
        }
        return implsByMember.getOrDefault(name, List.of());
    }

    public synchronized PathResolver resolver() {
        if (resolver == null) resolver = new PathResolver(this);
        return resolver;
    }
}
