package dev.mirlink.bridge.link;

import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTables;
import dev.mirlink.mir.item.Resolution;
import dev.mirlink.mir.ty.FnSig;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.PathSegment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names as MIR text prints them, made crate-qualified and canonical. MIR prints the local
 * crate's paths without the crate name and other crates' paths by their visible path
 * ({@code visible_parent_map}), so a leading segment may be a local module or another crate
 * ({@code alloc} in std is both); the local reading is tried first.
 */
final class MirNames {
    private final String crateName;
    private final ItemTables tables;
    private final Map<Path, String> canonical = new HashMap<>();

    MirNames(String crateName, ItemTables tables) {
        this.crateName = crateName;
        this.tables = tables;
    }

    String crateName() {
        return crateName;
    }

    ItemTables tables() {
        return tables;
    }

    /** Printed segments of a body header path: names, {@code <impl at …>}, {@code {closure#0}}. */
    static List<String> segments(Path path) {
        List<String> out = new ArrayList<>(path.segments().size());
        for (PathSegment s : path.segments()) out.add(segment(s));
        return out;
    }

    static String segment(PathSegment s) {
        return switch (s) {
            case PathSegment.Ident id -> id.name();
            case PathSegment.ImplAt at -> "<impl at " + at.span() + ">";
            case PathSegment.Disambiguated d -> "{" + d.kind() + "#" + d.index() + "}";
            case PathSegment.ImplFor f -> "<impl " + (f.trait() == null ? "" : f.trait() + " for ") + f.self() + ">";
            case PathSegment.QualifiedSelf q -> "<" + q.self() + (q.trait() == null ? "" : " as " + q.trait()) + ">";
        };
    }

    /** A body header path, crate-qualified. */
    List<String> qualified(Path path) {
        List<String> out = new ArrayList<>(path.segments().size() + 1);
        out.add(crateName);
        out.addAll(segments(path));
        return out;
    }

    /**
     * The canonical def path of a plain path ({@code fmt::Formatter}, {@code core::slice::Iter}),
     * or null when it has impl or qualified-self segments or does not resolve.
     */
    String canonical(Path path) {
        if (canonical.containsKey(path)) return canonical.get(path);
        String result = computeCanonical(path);
        canonical.put(path, result);
        return result;
    }

    private String computeCanonical(Path path) {
        List<String> names = new ArrayList<>();
        for (PathSegment s : path.segments()) {
            if (!(s instanceof PathSegment.Ident id)) return null;
            names.add(id.name());
        }
        String local = crateName + "::" + DefPaths.join(names);
        Resolution r = tables.resolve(local);
        if (r instanceof Resolution.Unresolved && names.get(0).equals(crateName) && names.size() > 1) {
            r = tables.resolve(DefPaths.join(names)); // already crate-qualified (a synthesized item's type)
        }
        if (r instanceof Resolution.Unresolved && tables.get(crateName) != null
                && tables.get(crateName).externCrates().contains(names.get(0))) {
            r = tables.resolve(DefPaths.join(names));
        } else if (r instanceof Resolution.Unresolved && !names.get(0).equals(crateName)
                && tables.get(names.get(0)) != null) {
            r = tables.resolve(DefPaths.join(names));
        }
        return switch (r) {
            case Resolution.Local l when l.item() != null ->
                    l.member() == null ? l.item().defPath() : l.item().defPath() + "::" + l.member();
            case Resolution.Upstream up -> up.path();
            default -> null;
        };
    }

    /**
     * A type from MIR with its ADT paths crate-qualified, as item types are: local paths get
     * the crate name, other crates' visible paths stay as printed.
     */
    Ty qualify(Ty ty) {
        return switch (ty) {
            case Ty.Adt a -> new Ty.Adt(qualify(a.path()));
            case Ty.Ref r -> new Ty.Ref(r.region(), qualify(r.pointee()), r.mutability());
            case Ty.RawPtr r -> new Ty.RawPtr(qualify(r.pointee()), r.mutability());
            case Ty.Slice s -> new Ty.Slice(qualify(s.element()));
            case Ty.Array a -> new Ty.Array(qualify(a.element()), a.length());
            case Ty.Tuple t -> new Ty.Tuple(t.elements().stream().map(this::qualify).toList());
            case Ty.FnPtr f -> new Ty.FnPtr(qualify(f.sig()));
            default -> ty;
        };
    }

    FnSig qualify(FnSig sig) {
        return new FnSig(sig.boundRegions(), sig.unsafe(), sig.abi(), sig.inputs().stream().map(this::qualify).toList(),
                sig.cVariadic(), qualify(sig.output()));
    }

    private Path qualify(Path path) {
        List<PathSegment> segs = new ArrayList<>(path.segments().size() + 1);
        for (PathSegment s : path.segments()) {
            segs.add(s instanceof PathSegment.Ident id && !id.args().isEmpty()
                    ? new PathSegment.Ident(id.name(), id.args().stream().map(this::qualify).toList()) : s);
        }
        boolean upstream = segs.get(0) instanceof PathSegment.Ident first
                && tables.get(crateName) != null && tables.get(crateName).externCrates().contains(first.name())
                && !tables.get(crateName).contains(crateName + "::" + first.name());
        if (!upstream && !(segs.get(0) instanceof PathSegment.Ident id && id.name().equals(crateName))) {
            segs.add(0, new PathSegment.Ident(crateName, List.of()));
        }
        return new Path(segs);
    }

    private GenericArg qualify(GenericArg arg) {
        return arg instanceof GenericArg.Type t ? new GenericArg.Type(qualify(t.ty())) : arg;
    }

    /** A crate-qualified path from an item, resolved to the def path it names (it may name a re-export). */
    String resolveDefPath(String path) {
        if (item(path) != null) return path;
        return switch (tables.resolve(path)) {
            case Resolution.Local l when l.item() != null ->
                    l.member() == null ? l.item().defPath() : l.item().defPath() + "::" + l.member();
            case Resolution.Upstream up -> up.path();
            default -> path;
        };
    }

    /**
     * The one trait or ADT, in any table, whose def path ends in {@code name}; null when none or
     * several do. A path written in source may rest on a private {@code use}, which the tables
     * (from rustdoc) leave out.
     */
    String uniqueTypeNamed(String name) {
        if (typesByName == null) {
            typesByName = new HashMap<>();
            for (var t : tables.all()) {
                for (Item i : t.items()) {
                    if ((i instanceof Item.Trait || i instanceof Item.Adt) && !i.synthesized()) {
                        typesByName.computeIfAbsent(DefPaths.last(i.defPath()), k -> new ArrayList<>()).add(i.defPath());
                    }
                }
            }
        }
        List<String> found = typesByName.getOrDefault(name, List.of());
        return found.size() == 1 ? found.get(0) : null;
    }

    private Map<String, List<String>> typesByName;

    /** The item a canonical def path names, in whichever table holds it; types before values. */
    Item item(String defPath) {
        if (defPath == null) return null;
        var table = tables.get(DefPaths.split(defPath).get(0));
        return table == null ? null : table.get(defPath);
    }

    /** Like {@link #item} but values (fns, consts, statics) first: the owners of bodies. */
    Item valueFirst(String defPath) {
        if (defPath == null) return null;
        var table = tables.get(DefPaths.split(defPath).get(0));
        if (table == null) return null;
        Item value = table.valueItem(defPath);
        return value != null ? value : table.typeItem(defPath);
    }
}
