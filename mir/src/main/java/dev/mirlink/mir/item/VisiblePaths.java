package dev.mirlink.mir.item;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints a canonical def path the way rustc prints it from a downstream crate
 * ({@code alloc::vec::Vec} as {@code std::vec::Vec}, {@code core::iter::adapters::map::Map} as
 * {@code std::iter::Map}). Follows rustc 1.96: the visible parent map is built by
 * {@code visible_parent_map} in rustc_metadata/src/rmeta/decoder/cstore_impl.rs and paths are
 * printed by {@code try_print_visible_def_path_recur} and {@code default_print_def_path} in
 * rustc_middle/src/ty/print/pretty.rs and print/mod.rs. The map is computed once, on first use.
 */
public final class VisiblePaths {
    /** One entry of rustc's {@code module_children}: the name under which {@code target} is visible. */
    record Child(String name, String target, boolean isPublic) {}

    private final ItemTables tables;
    private final String localCrate;
    private final List<String> roots;
    private final Attrs attrs;
    private final Map<String, List<Child>> children = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Child>> exports = new HashMap<>();
    private final Map<String, String> printed = new ConcurrentHashMap<>();
    private volatile Map<String, String> parents;

    /**
     * {@code directDeps} are the crates rustc starts its search from, in crate-number order: the
     * injected {@code std} (or {@code core} under {@code #![no_std]}) first, then the crates the
     * local crate names itself ({@code extern crate}, {@code --extern} paths, {@code core::} in
     * a std crate). Crates reached only through those are not roots.
     */
    public VisiblePaths(ItemTables tables, String localCrate, List<String> directDeps) {
        this(tables, localCrate, directDeps, Attrs.NONE);
    }

    /**
     * {@code attrs} says which modules, enums and traits are {@code #[doc(hidden)]} (their
     * children are used only when nothing else makes them visible) and which items rustc never
     * saw; see {@link #attrsFromSources}.
     */
    public VisiblePaths(ItemTables tables, String localCrate, List<String> directDeps, Attrs attrs) {
        this.tables = tables;
        this.localCrate = localCrate;
        this.roots = List.copyOf(new LinkedHashSet<>(directDeps));
        this.attrs = attrs;
    }

    /** The path rustc prints for the item at {@code defPath}; local items print without their crate. */
    public String print(String defPath) {
        String cached = printed.get(defPath);
        if (cached != null) return cached;
        String result = printUncached(defPath);
        printed.put(defPath, result);
        return result;
    }

    /** The visible parent of {@code defPath}, or null when rustc's map has none. */
    public String visibleParent(String defPath) {
        return parents().get(defPath);
    }

    private String printUncached(String defPath) {
        String crate = crateOf(defPath);
        if (crate.equals(localCrate)) {
            return defPath.length() == crate.length() ? "" : defPath.substring(crate.length() + 2);
        }
        String visible = visible(defPath, new HashSet<>());
        if (visible != null) return visible;
        // print/mod.rs default_print_def_path: the parent's path (itself tried as a visible path), then this segment
        List<String> segments = DefPaths.split(defPath);
        if (segments.size() == 1) return defPath;
        String parent = print(DefPaths.join(segments.subList(0, segments.size() - 1)));
        String last = segments.get(segments.size() - 1);
        return parent.isEmpty() ? last : parent + "::" + last;
    }

    /** pretty.rs try_print_visible_def_path_recur; null where rustc returns false. */
    private String visible(String def, Set<String> callers) {
        boolean root = isCrateRoot(def);
        if (root && (roots.contains(def) || def.equals(localCrate))) return def;
        if (crateOf(def).equals(localCrate)) return null;
        String parent = parents().get(def);
        if (parent == null) return null;
        String name;
        if (root) {
            // a re-exported `extern crate` prints under the crate's own name
            name = def;
        } else {
            name = DefPaths.last(def);
            if (isTypeNs(def) && !parent.equals(DefPaths.parent(def))) {
                name = null;
                for (Child c : children(parent)) {
                    if (c.target().equals(def) && c.isPublic() && !c.name().equals("_")) {
                        name = c.name();
                        break;
                    }
                }
                if (name == null) return null;
            }
        }
        if (!callers.add(parent)) return null;
        String prefix = visible(parent, callers);
        callers.remove(parent);
        if (prefix == null) return null;
        return prefix.isEmpty() ? name : prefix + "::" + name;
    }

    private Map<String, String> parents() {
        Map<String, String> p = parents;
        if (p == null) {
            synchronized (this) {
                if (parents == null) parents = computeParents();
                p = parents;
            }
        }
        return p;
    }

    /**
     * cstore_impl.rs visible_parent_map: a breadth-first search over the public children of the
     * root crates' modules, enums and traits; the first parent to reach an item wins. Children
     * named {@code _} or of a {@code #[doc(hidden)]} parent only fill in what is left.
     */
    private Map<String, String> computeParents() {
        Map<String, String> map = new HashMap<>();
        List<String[]> fallback = new ArrayList<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (String root : roots) if (tables.get(root) != null) queue.add(root);
        while (!queue.isEmpty()) {
            String def = queue.poll();
            boolean hidden = attrs.docHidden(def);
            for (Child c : children(def)) {
                if (!c.isPublic()) continue;
                if (c.name().equals("_") || hidden) {
                    fallback.add(new String[] {c.target(), def});
                } else if (map.putIfAbsent(c.target(), def) == null && isModuleLike(c.target())) {
                    queue.add(c.target());
                }
            }
        }
        for (String[] f : fallback) map.putIfAbsent(f[0], f[1]);
        return map;
    }

    /**
     * rustc's module_children of a module, enum or trait: the items declared in it (its
     * {@code module_children_non_reexports}), then its imports, globs expanded.
     */
    List<Child> children(String def) {
        List<Child> cached = children.get(def);
        if (cached != null) return cached;
        List<Child> out = new ArrayList<>();
        Item item = typeItem(def);
        switch (item) {
            case Item.Adt adt when adt.kind() == Item.Adt.Kind.ENUM -> {
                for (Variant v : adt.variants()) out.add(new Child(v.name(), def + "::" + v.name(), true));
            }
            case Item.Trait trait -> {
                for (AssocItem a : trait.items()) out.add(new Child(a.name(), assocPath(def, a), true));
            }
            case Item.Module module -> {
                Set<String> explicit = new HashSet<>();
                Set<String> seen = new HashSet<>();
                for (Child c : explicitChildren(def)) {
                    explicit.add(ns(c.target()) + c.name());
                    if (seen.add(c.name() + " " + c.target())) out.add(c);
                }
                for (Child c : globChildren(def, explicit, new HashSet<>()).values()) {
                    if (seen.add(c.name() + " " + c.target())) out.add(c);
                }
            }
            case null, default -> {
            }
        }
        out = List.copyOf(out);
        children.put(def, out);
        return out;
    }

    /** Impls have no name; modules rustdoc saw only under {@code cfg(doc)} do not exist for rustc. */
    private boolean isChild(Item item) {
        if (item == null || item instanceof Item.Impl || item instanceof Item.Use) return false;
        return !(item instanceof Item.Module) || !attrs.docOnly(item.defPath());
    }

    /**
     * The public names the globs of module {@code def} bring in, keyed by namespace and name,
     * minus those its own items and imports shadow; a name two globs give different items is
     * ambiguous and left out (rustc_resolve imports.rs finalize_resolutions_in).
     */
    private Map<String, Child> globChildren(String def, Set<String> explicit, Set<String> visiting) {
        Map<String, Child> out = new LinkedHashMap<>();
        Set<String> ambiguous = new HashSet<>();
        ItemTable table = tables.get(crateOf(def));
        if (table == null) return out;
        for (Item.Use use : table.uses(def)) {
            if (!use.glob() || use.target() == null || !(use.visibility() instanceof Visibility.Public)) continue;
            for (Map.Entry<String, Child> e : publicNames(use.target(), visiting).entrySet()) {
                if (explicit.contains(e.getKey())) continue;
                Child prev = out.putIfAbsent(e.getKey(), e.getValue());
                if (prev != null && !prev.target().equals(e.getValue().target())) ambiguous.add(e.getKey());
            }
        }
        out.keySet().removeAll(ambiguous);
        return out;
    }

    /** The public names of the module or enum at {@code def}, as a glob import of it sees them. */
    private synchronized Map<String, Child> publicNames(String def, Set<String> visiting) {
        Map<String, Child> cached = exports.get(def);
        if (cached != null) return cached;
        Map<String, Child> out = new LinkedHashMap<>();
        if (!visiting.add(def)) return out;
        Item item = typeItem(def);
        if (item instanceof Item.Adt adt && adt.kind() == Item.Adt.Kind.ENUM) {
            for (Variant v : adt.variants()) out.put("t" + v.name(), new Child(v.name(), def + "::" + v.name(), true));
        } else if (item instanceof Item.Module) {
            Set<String> explicit = new HashSet<>();
            for (Child c : explicitChildren(def)) {
                explicit.add(ns(c.target()) + c.name());
                if (c.isPublic()) out.putIfAbsent(ns(c.target()) + c.name(), c);
            }
            for (Map.Entry<String, Child> e : globChildren(def, explicit, visiting).entrySet()) {
                out.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        visiting.remove(def);
        exports.put(def, out);
        return out;
    }

    /** The items declared in module {@code def} (rustc's non-reexports, in order), then its named imports. */
    private List<Child> explicitChildren(String def) {
        List<Child> out = new ArrayList<>();
        ItemTable table = tables.get(crateOf(def));
        Item.Module module = (Item.Module) table.typeItem(def);
        for (String p : module.items()) {
            for (Item child : new Item[] {table.typeItem(p), table.valueItem(p)}) {
                if (!isChild(child)) continue;
                String name = DefPaths.last(p);
                if (DefPaths.isImplSegment(name) || DefPaths.isDisambiguated(name)) continue;
                out.add(new Child(name, p, child.visibility() instanceof Visibility.Public));
            }
        }
        for (Item.Use use : table.uses(def)) {
            if (use.glob() || use.target() == null) continue;
            out.add(new Child(use.name(), use.target(), use.visibility() instanceof Visibility.Public));
        }
        return out;
    }

    private static String assocPath(String trait, AssocItem a) {
        return switch (a) {
            case AssocItem.Fn f -> f.defPath();
            case AssocItem.Const c -> c.defPath();
            case AssocItem.Type t -> trait + "::" + t.name();
        };
    }

    /** A namespace tag: type ("t"), value ("v") or macro and whatever the tables do not hold ("m"). */
    private String ns(String def) {
        if (isTypeNs(def)) return "t";
        ItemTable t = tables.get(crateOf(def));
        return t != null && t.valueItem(def) != null ? "v" : "m";
    }

    /** Whether rustc's {@code DefPathData} of the item is {@code TypeNs}: modules, types, traits, variants, associated types. */
    private boolean isTypeNs(String def) {
        if (isCrateRoot(def)) return true;
        if (typeItem(def) != null) return true;
        String parent = DefPaths.parent(def);
        return switch (typeItem(parent)) {
            case Item.Adt adt when adt.kind() == Item.Adt.Kind.ENUM -> adt.variant(DefPaths.last(def)) != null;
            case Item.Trait trait -> trait.items().stream()
                    .anyMatch(a -> a instanceof AssocItem.Type && a.name().equals(DefPaths.last(def)));
            case null, default -> false;
        };
    }

    /** {@code module_like_def_id}: modules (crate roots included), enums and traits have children. */
    private boolean isModuleLike(String def) {
        if (isCrateRoot(def)) return tables.get(def) != null;
        return switch (typeItem(def)) {
            case Item.Module m -> true;
            case Item.Trait t -> true;
            case Item.Adt adt -> adt.kind() == Item.Adt.Kind.ENUM;
            case null, default -> false;
        };
    }

    private Item typeItem(String def) {
        if (def == null) return null;
        ItemTable t = tables.get(crateOf(def));
        return t == null ? null : t.typeItem(def);
    }

    private static boolean isCrateRoot(String def) {
        return def.indexOf("::") < 0;
    }

    private static String crateOf(String def) {
        int i = def.indexOf("::");
        return i < 0 ? def : def.substring(0, i);
    }

    /** What the item tables do not record but the visible parent map depends on: attributes from the sources. */
    public interface Attrs {
        /** The item at {@code defPath} is {@code #[doc(hidden)]}. */
        boolean docHidden(String defPath);

        /**
         * The item exists only in the {@code cfg(doc)} view rustdoc saw ({@code #[cfg(any(target_arch
         * = "x86", doc))] pub mod x86} on x86_64), not in the crate rustc compiled.
         */
        boolean docOnly(String defPath);

        Attrs NONE = new Attrs() {
            public boolean docHidden(String defPath) { return false; }
            public boolean docOnly(String defPath) { return false; }
        };
    }

    private static final Pattern HIDDEN = Pattern.compile("doc\\s*\\(\\s*hidden");
    private static final Pattern CFG = Pattern.compile("#!?\\[\\s*cfg\\s*\\(");

    /**
     * {@link Attrs} read from the sources the tables' spans point into ({@code libraryRoot}
     * resolves spans like {@code core/src/fmt/mod.rs}): the outer attributes above an item, the
     * inner ones at the top of a module (for an out-of-line module also those on its
     * {@code mod name;} line in the parent's file). {@code targetCfg} is what
     * {@code rustc --print cfg} prints for the target; a {@code cfg} that mentions {@code doc}
     * and is false without it marks the item doc-only.
     */
    public static Attrs attrsFromSources(ItemTables tables, Path libraryRoot, Set<String> targetCfg) {
        Map<Path, List<String>> files = new ConcurrentHashMap<>();
        Map<String, String> attrs = new ConcurrentHashMap<>();
        java.util.function.Function<String, String> attrsOf = def -> attrs.computeIfAbsent(def, d -> {
            if (isCrateRoot(d)) return "";
            ItemTable table = tables.get(crateOf(d));
            Item item = table == null ? null : table.typeItem(d);
            if (item == null) item = table == null ? null : table.valueItem(d);
            if (item == null || item.span() == null) return "";
            Span span = item.span();
            List<String> lines = read(files, libraryRoot.resolve(span.file()).normalize());
            if (lines.isEmpty()) return "";
            if (item instanceof Item.Module && span.beginLine() == 1 && span.beginCol() == 1) {
                StringBuilder sb = new StringBuilder(innerAttrs(lines, 0));
                Item parent = table.typeItem(DefPaths.parent(d));
                if (parent == null || parent.span() == null) return sb.toString();
                List<String> parentLines = read(files, libraryRoot.resolve(parent.span().file()).normalize());
                Pattern decl = Pattern.compile("^\\s*(pub(\\([^)]*\\))?\\s+)?mod\\s+" + Pattern.quote(DefPaths.last(d)) + "\\s*;");
                for (int i = 0; i < parentLines.size(); i++) {
                    if (decl.matcher(parentLines.get(i)).find()) {
                        sb.append(outerAttrs(parentLines, i));
                        break;
                    }
                }
                return sb.toString();
            }
            int begin = span.beginLine() - 1;
            if (begin >= lines.size()) return "";
            String outer = outerAttrs(lines, begin);
            return item instanceof Item.Module && lines.get(begin).contains("{") ? outer + innerAttrs(lines, begin + 1) : outer;
        });
        return new Attrs() {
            public boolean docHidden(String defPath) {
                return HIDDEN.matcher(attrsOf.apply(defPath)).find();
            }

            public boolean docOnly(String defPath) {
                String text = attrsOf.apply(defPath);
                Matcher m = CFG.matcher(text);
                while (m.find()) {
                    Cfg cfg = new Cfg(text, m.end(), targetCfg);
                    if (cfg.mentionsDoc() && cfg.value() == Boolean.FALSE) return true;
                }
                return false;
            }
        };
    }

    /** A {@code cfg(...)} predicate, three-valued: null when it depends on something {@code targetCfg} does not say (features). */
    private static final class Cfg {
        private final String text;
        private final Set<String> target;
        private int pos;
        private boolean doc;
        private Boolean value;

        Cfg(String text, int pos, Set<String> target) {
            this.text = text;
            this.pos = pos;
            this.target = target;
            try {
                value = parse();
            } catch (RuntimeException e) {
                value = null;
            }
        }

        boolean mentionsDoc() { return doc; }

        Boolean value() { return value; }

        private Boolean parse() {
            skip();
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
            String word = text.substring(start, pos);
            skip();
            if (pos < text.length() && text.charAt(pos) == '(') {
                pos++;
                List<Boolean> args = new ArrayList<>();
                skip();
                while (text.charAt(pos) != ')') {
                    args.add(parse());
                    skip();
                    if (text.charAt(pos) == ',') pos++;
                    skip();
                }
                pos++;
                return switch (word) {
                    case "any" -> args.contains(Boolean.TRUE) ? Boolean.TRUE : args.contains(null) ? null : Boolean.FALSE;
                    case "all" -> args.contains(Boolean.FALSE) ? Boolean.FALSE : args.contains(null) ? null : Boolean.TRUE;
                    case "not" -> args.get(0) == null ? null : !args.get(0);
                    default -> null;
                };
            }
            if (pos < text.length() && text.charAt(pos) == '=') {
                pos++;
                skip();
                int q = text.indexOf('"', pos + 1);
                String val = text.substring(pos, q + 1);
                pos = q + 1;
                boolean keyKnown = target.stream().anyMatch(c -> c.startsWith(word + "="));
                return keyKnown ? target.contains(word + "=" + val) : null;
            }
            if (word.equals("doc")) {
                doc = true;
                return false;
            }
            return target.contains(word);
        }

        private void skip() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
        }
    }

    /** The attributes right above line {@code index}, and any before the item on it, comments left out. */
    private static String outerAttrs(List<String> lines, int index) {
        StringBuilder sb = new StringBuilder(lines.get(index).split("\\b(pub|mod|enum|trait|struct|fn|use)\\b")[0]);
        for (int i = index - 1; i >= 0; i--) {
            String l = lines.get(i).strip();
            if (l.startsWith("//")) continue;
            if (l.isEmpty() || l.endsWith(";") || l.endsWith("}") || l.endsWith("{")) break;
            sb.insert(0, l + "\n");
        }
        return sb.toString();
    }

    private static String innerAttrs(List<String> lines, int from) {
        StringBuilder sb = new StringBuilder();
        boolean inAttr = false;
        for (int i = from; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("//")) continue;
            if (l.startsWith("#!")) inAttr = true;
            else if (!inAttr) break;
            sb.append(l).append('\n');
            if (l.endsWith("]")) inAttr = false;
        }
        return sb.toString();
    }

    private static List<String> read(Map<Path, List<String>> files, Path file) {
        return files.computeIfAbsent(file, f -> {
            try {
                return Files.exists(f) ? Files.readAllLines(f) : List.of();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
