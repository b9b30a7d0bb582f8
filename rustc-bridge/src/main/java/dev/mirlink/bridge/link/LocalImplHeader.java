package dev.mirlink.bridge.link;

import dev.mirlink.bridge.mirtext.MirParseException;
import dev.mirlink.bridge.mirtext.MirTextReader;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.GenericBound;
import dev.mirlink.mir.item.GenericParam;
import dev.mirlink.mir.item.Generics;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.WherePredicate;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Region;
import dev.mirlink.mir.ty.TraitBound;
import dev.mirlink.mir.ty.Ty;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The generics of an impl declared in a fn body, read from its header in the source. rustdoc
 * omits such impls and MIR prints only their span, yet their bounds decide which of a body's
 * specializing impls applies ({@code impl<T: Clone> ConvertVec for T} against
 * {@code impl<T: TrivialClone> ConvertVec for T} in alloc's slice.rs). Paths in the header are
 * resolved as rustc resolves them there: in the impl's module, then the crate names, then the
 * prelude; a bare name that only a private {@code use} brings in (the tables have none) by the one
 * trait or type so named. A header this reader does not understand, or whose source is missing, gives null: the
 * impl then has no generics recorded and the link step reads its params from MIR.
 */
final class LocalImplHeader {
    private final MirNames names;
    private final String module;
    private final Set<String> params = new HashSet<>();

    private LocalImplHeader(MirNames names, String module) {
        this.names = names;
        this.module = module;
    }

    static Generics read(Item.Impl impl, MirNames names, SourceText sources) {
        String text = sources.read(impl.span());
        if (text == null) return null;
        try {
            return new LocalImplHeader(names, moduleOf(impl.defPath(), names)).generics(text);
        } catch (MirParseException | Unreadable e) {
            return null;
        }
    }

    private static String moduleOf(String defPath, MirNames names) {
        String m = DefPaths.parent(defPath);
        while (DefPaths.parent(m) != null && !(names.item(m) instanceof Item.Module)) m = DefPaths.parent(m);
        return m;
    }

    /** Thrown where the header goes beyond this reader. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String what) {
            super(what, null, false, false);
        }
    }

    private Generics generics(String header) {
        String rest = header.replaceFirst("^unsafe ", "");
        if (!rest.startsWith("impl")) throw new Unreadable("not an impl header");
        rest = rest.substring(4).stripLeading();
        String paramText = "";
        if (rest.startsWith("<")) {
            int close = SourceText.closing(rest, 0);
            if (close < 0) throw new Unreadable("unbalanced <");
            paramText = rest.substring(1, close);
            rest = rest.substring(close + 1);
        }
        List<String> declared = SourceText.splitTopLevel(paramText, ',');
        for (String p : declared) params.add(p.replaceFirst("^const ", "").split("[:=]")[0].strip());
        List<GenericParam> out = new ArrayList<>();
        for (String p : declared) out.add(param(p));
        List<WherePredicate> where = new ArrayList<>();
        int at = SourceText.topLevel(rest, " where ");
        if (at >= 0) {
            for (String w : SourceText.splitTopLevel(rest.substring(at + " where ".length()), ',')) {
                int colon = SourceText.topLevel(w, ": ");
                if (colon < 0) throw new Unreadable("where predicate " + w);
                where.add(new WherePredicate.Bound(ty(w.substring(0, colon)), bounds(w.substring(colon + 2)), List.of()));
            }
        }
        return new Generics(out, where);
    }

    private GenericParam param(String p) {
        if (p.startsWith("'")) return new GenericParam.Lifetime(p.split(":")[0].strip(), List.of());
        if (p.startsWith("const ")) {
            String[] parts = p.substring(6).split(":", 2);
            if (parts.length != 2) throw new Unreadable("const param " + p);
            return new GenericParam.Const(parts[0].strip(), ty(parts[1].strip()), null);
        }
        int colon = p.indexOf(':');
        if (SourceText.topLevel(p, " = ") >= 0) throw new Unreadable("defaulted param " + p);
        return colon < 0 ? new GenericParam.Type(p, List.of(), null, false)
                : new GenericParam.Type(p.substring(0, colon).strip(), bounds(p.substring(colon + 1)), null, false);
    }

    private List<GenericBound> bounds(String text) {
        List<GenericBound> out = new ArrayList<>();
        for (String b : SourceText.splitTopLevel(text, '+')) {
            if (b.startsWith("'")) {
                out.add(new GenericBound.Outlives(new Region(b)));
            } else if (b.startsWith("?")) {
                out.add(new GenericBound.Trait(traitBound(b.substring(1)), GenericBound.Modifier.MAYBE));
            } else {
                out.add(new GenericBound.Trait(traitBound(b), GenericBound.Modifier.NONE));
            }
        }
        return out;
    }

    private TraitBound traitBound(String text) {
        if (!(MirTextReader.parseTy("dyn " + text, Set.of()) instanceof Ty.Dynamic d) || d.bounds().size() != 1) {
            throw new Unreadable("bound " + text);
        }
        TraitBound b = d.bounds().get(0);
        return new TraitBound(b.boundRegions(), b.constness(), path(b.trait()),
                b.constraints().stream().map(c -> new TraitBound.AssocConstraint(c.name(), c.args(), resolve(c.ty()))).toList(),
                b.parenSugar());
    }

    private Ty ty(String text) {
        return resolve(MirTextReader.parseTy(text, Set.of()));
    }

    /** Source paths as def paths: bare names that are not the header's params name types. */
    private Ty resolve(Ty t) {
        return switch (t) {
            case Ty.Param p when params.contains(p.name()) || p.name().equals("Self") -> p;
            case Ty.Param p -> new Ty.Adt(path(new Path(List.of(new PathSegment.Ident(p.name(), List.of())))));
            case Ty.Adt a -> new Ty.Adt(path(a.path()));
            case Ty.Ref r -> new Ty.Ref(r.region(), resolve(r.pointee()), r.mutability());
            case Ty.RawPtr r -> new Ty.RawPtr(resolve(r.pointee()), r.mutability());
            case Ty.Slice s -> new Ty.Slice(resolve(s.element()));
            case Ty.Array a -> new Ty.Array(resolve(a.element()), a.length());
            case Ty.Tuple tu -> new Ty.Tuple(tu.elements().stream().map(this::resolve).toList());
            case Ty.Projection p when p.trait() != null -> new Ty.Projection(resolve(p.self()), path(p.trait()), p.name(), p.args());
            case Ty.Bool b -> b;
            case Ty.Char c -> c;
            case Ty.Str s -> s;
            case Ty.Int i -> i;
            case Ty.Float f -> f;
            default -> throw new Unreadable("type " + t);
        };
    }

    private Path path(Path written) {
        List<String> segs = new ArrayList<>();
        for (PathSegment s : written.segments()) {
            if (!(s instanceof PathSegment.Ident id)) throw new Unreadable("path " + written);
            segs.add(id.name());
        }
        String def = defPath(segs);
        if (def == null) throw new Unreadable("unresolved path " + written);
        List<GenericArg> args = written.last() instanceof PathSegment.Ident id
                ? id.args().stream().map(a -> a instanceof GenericArg.Type ty ? new GenericArg.Type(resolve(ty.ty())) : a).toList()
                : List.of();
        List<PathSegment> out = new ArrayList<>();
        List<String> parts = DefPaths.split(def);
        for (int i = 0; i < parts.size(); i++) out.add(new PathSegment.Ident(parts.get(i), i == parts.size() - 1 ? args : List.of()));
        return new Path(out);
    }

    /** Module scope, then crate names, then the prelude (core's for crates without std). */
    private String defPath(List<String> segs) {
        String crate = names.crateName();
        String head = segs.get(0);
        String tail = DefPaths.join(segs);
        List<String> tries = new ArrayList<>();
        switch (head) {
            case "crate" -> tries.add(crate + tail.substring("crate".length()));
            case "self" -> tries.add(module + tail.substring("self".length()));
            case "super" -> tries.add(DefPaths.parent(module) + tail.substring("super".length()));
            default -> {
                tries.add(module + "::" + tail);
                tries.add(tail);
                boolean std = crate.equals("std") || names.tables().get("std") != null;
                tries.add((std ? "std" : "core") + "::prelude::v1::" + tail);
            }
        }
        for (String t : tries) {
            String def = names.resolveDefPath(t);
            if (names.item(def) != null) return def;
        }
        return segs.size() == 1 ? names.uniqueTypeNamed(head) : null;
    }
}
