package dev.mirlink.bridge.link;

import dev.mirlink.mir.body.BodyKind;
import dev.mirlink.mir.body.MirFile;
import dev.mirlink.mir.body.VarDebugInfo;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.Field;
import dev.mirlink.mir.item.FnHeader;
import dev.mirlink.mir.item.Generics;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.item.ItemTables;
import dev.mirlink.mir.item.Repr;
import dev.mirlink.mir.item.Variant;
import dev.mirlink.mir.item.Visibility;
import dev.mirlink.mir.item.GenericParam;
import dev.mirlink.mir.ty.FnSig;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links every MIR body of a crate to its item: plain paths by def path; closures, promoteds,
 * anon consts and CTFE copies to the item they sit in; {@code <impl at …>} paths through
 * {@link ImplLinker}; items rustdoc omits (declared inside bodies) are recovered from MIR and
 * marked synthesized. Afterwards every path MIR uses is checked by {@link PathCheck}.
 */
public final class BodyLinker {
    private final ItemTable table;
    private final ItemTables universe;
    private final MirNames names;
    private final List<BodyHeader> headers;
    private final SourceText sources;
    private final List<List<String>> paths = new ArrayList<>();
    private final Map<String, Item> values = new HashMap<>();
    private final Map<String, Item> types = new HashMap<>();
    private final Map<String, Item> synthesized = new LinkedHashMap<>();
    private final List<BodyLink> links = new ArrayList<>();
    private final List<LinkProblem> problems = new ArrayList<>();

    private BodyLinker(ItemTable table, MirFile mir, ItemTables universe, java.nio.file.Path sources) {
        this.table = table;
        this.sources = new SourceText(sources);
        List<ItemTable> all = new ArrayList<>(universe.all());
        all.removeIf(t -> t.crateName().equals(table.crateName()));
        all.add(table);
        this.universe = new ItemTables(all);
        this.names = new MirNames(table.crateName(), this.universe);
        this.headers = BodyHeader.of(mir);
    }

    /**
     * Links {@code mir}, the MIR of the crate {@code table} describes; {@code universe} holds its
     * dependencies' tables, {@code sources} is the directory its spans are relative to (null: none).
     */
    public static LinkResult link(ItemTable table, MirFile mir, ItemTables universe, java.nio.file.Path sources) {
        return new BodyLinker(table, mir, universe, sources).run();
    }

    public static LinkResult link(ItemTable table, MirFile mir) {
        return link(table, mir, ItemTables.of(table), null);
    }

    // 1. impl segments to rustdoc impls (renaming those impls), 2. every body to its item,
    // recovering items declared in bodies, 3. traits of recovered impls, 4. every path MIR uses.
    private LinkResult run() {
        for (BodyHeader h : headers) paths.add(new ArrayList<>(names.qualified(h.path())));
        List<String> printed = new ArrayList<>(paths.size());
        for (List<String> p : paths) printed.add(DefPaths.join(p));
        ImplLinker impls = new ImplLinker(table, new TypeMatcher(names), names, headers, paths);
        impls.run();
        List<Item> renamed = ImplRenamer.apply(table.allItems(), impls.renames());
        for (Item item : renamed) {
            if (item instanceof Item.Use) continue;
            (ItemTable.isValue(item) ? values : types).putIfAbsent(item.defPath(), item);
        }
        synthesized.putAll(impls.synthesized());
        for (int e = 0; e < headers.size(); e++) {
            if (impls.unlinked().contains(e)) {
                problems.add(new LinkProblem(LinkProblem.Kind.UNLINKED_BODY, printed.get(e),
                        "no rustdoc impl has its members with these signatures"));
            } else {
                link(e, printed.get(e));
            }
        }
        TraitInference traits = new TraitInference(names, universe.all());
        Map<String, Item> members = new HashMap<>(values);
        members.putAll(synthesized);
        for (var entry : synthesized.entrySet()) {
            if (entry.getValue() instanceof Item.Impl impl) entry.setValue(traits.infer(withHeader(withLocalSelf(impl)), members));
        }
        List<Item> all = new ArrayList<>(renamed);
        all.addAll(synthesized.values());
        ItemTable linked = new ItemTable(table.crateName(), all, table.externCrates());
        List<ItemTable> tables = new ArrayList<>(universe.all());
        tables.removeIf(t -> t.crateName().equals(table.crateName()));
        tables.add(linked);
        PathCheck check = new PathCheck(linked, new MirNames(table.crateName(), new ItemTables(tables)), headers, sources);
        problems.addAll(check.run());
        if (!check.synthesized().isEmpty() || !check.localFnGenerics().isEmpty()) {
            all.replaceAll(item -> item instanceof Item.Fn f && check.localFnGenerics().get(f.defPath()) instanceof Generics g
                    ? new Item.Fn(f.defPath(), f.span(), f.visibility(), f.origin(), g, f.sig(), f.header(), f.paramNames(),
                            f.hasBody(), f.attrs())
                    : item);
            all.addAll(check.synthesized());
            linked = new ItemTable(table.crateName(), all, table.externCrates());
        }
        return new LinkResult(linked, links, problems);
    }

    private static Generics generics(Ty.Adt identity) {
        Generics g = identityGenerics(identity.path().last() instanceof PathSegment.Ident id ? id.args() : List.of());
        return g != null ? g : Generics.EMPTY;
    }

    /** The generics a type's identity args show ({@code Dropper<'_, T>}); null when an arg is no param. */
    static Generics identityGenerics(List<GenericArg> identity) {
        List<GenericParam> params = new ArrayList<>();
        for (GenericArg a : identity) {
            switch (a) {
                case GenericArg.Lifetime l -> params.add(new GenericParam.Lifetime("'_", List.of()));
                case GenericArg.Type t when t.ty() instanceof Ty.Param p ->
                        params.add(new GenericParam.Type(p.name(), List.of(), null, false));
                case GenericArg.Const c when c.value() instanceof TyConst.Param p ->
                        params.add(new GenericParam.Const(p.name(), null, null));
                default -> { return null; }
            }
        }
        return new Generics(params, List.of());
    }

    /**
     * An impl of a type declared in a body names it as MIR prints it, through the enclosing item
     * ({@code <IntoIter<T, A> as Drop>::drop::DropGuard<'_, T, A>}, {@code VecDeque<T, A>::f::Guard});
     * it gets the type's def path instead, so that the link step reads it like any other: the type
     * recovered nearest the impl, else (a braced struct, known by no ctor) the one declared beside it.
     */
    private Item.Impl withLocalSelf(Item.Impl impl) {
        if (!(impl.selfTy() instanceof Ty.Adt adt) || names.canonical(TypeMatcher.stripArgs(adt.path())) != null) return impl;
        String name = MirNames.segment(adt.path().last());
        String container = DefPaths.parent(impl.defPath());
        String local = container + "::" + name;
        for (String scope = container; scope != null; scope = DefPaths.parent(scope)) {
            if (lookup(scope + "::" + name) instanceof Item.Adt found) {
                local = found.defPath();
                break;
            }
        }
        List<GenericArg> args = adt.path().last() instanceof PathSegment.Ident id ? id.args() : List.of();
        Ty self = new Ty.Adt(new Path(List.of(new PathSegment.Ident(local, args))));
        return new Item.Impl(impl.defPath(), impl.span(), impl.visibility(), impl.origin(), impl.generics(),
                impl.traitRef(), self, impl.items(), impl.providedTraitMethods(), impl.negative(), impl.blanket(),
                impl.isUnsafe());
    }

    /** A recovered impl with the generics its header in the source declares (see {@link LocalImplHeader}). */
    private Item.Impl withHeader(Item.Impl impl) {
        Generics g = LocalImplHeader.read(impl, names, sources);
        if (g == null) return impl;
        return new Item.Impl(impl.defPath(), impl.span(), impl.visibility(), impl.origin(), g, impl.traitRef(), impl.selfTy(),
                impl.items(), impl.providedTraitMethods(), impl.negative(), impl.blanket(), impl.isUnsafe());
    }

    /** Values first: bodies belong to fns, consts and statics, or else (ctors) to types. */
    private Item lookup(String path) {
        Item item = values.get(path);
        if (item == null) item = synthesized.get(path);
        return item != null ? item : types.get(path);
    }

    private void link(int e, String printed) {
        BodyHeader h = headers.get(e);
        List<String> p = paths.get(e);
        int n = p.size();
        String full = DefPaths.join(p);
        Item item = lookup(full);
        if (item instanceof Item.Adt) {
            add(e, printed, item, "", BodyLink.Role.CTOR);
            return;
        }
        if (item != null) {
            add(e, printed, item, "", ownRole(h));
            return;
        }
        String last = p.get(n - 1);
        if (DefPaths.isDisambiguated(last)) {
            int j = n;
            while (j > 1 && DefPaths.isDisambiguated(p.get(j - 1))) j--;
            Item owner = lookup(DefPaths.join(p.subList(0, j)));
            // anon consts in a field's or variant's type or discriminant, or in an impl's associated type
            while (owner == null && j > 2) {
                j--;
                owner = lookup(DefPaths.join(p.subList(0, j)));
                if (owner != null && !(owner instanceof Item.Adt || owner instanceof Item.Impl
                        || owner instanceof Item.Trait || bodyLocal(p.subList(0, j + 1)))) {
                    owner = null;
                    break;
                }
            }
            if (owner == null) {
                problems.add(new LinkProblem(LinkProblem.Kind.UNLINKED_BODY, printed,
                        "no item " + DefPaths.join(p.subList(0, j)) + " encloses it"));
                return;
            }
            add(e, printed, owner, DefPaths.join(p.subList(j, n)), h.promoted() >= 0 ? BodyLink.Role.PROMOTED
                    : BodyLink.Role.NESTED);
            return;
        }
        String parent = DefPaths.join(p.subList(0, n - 1));
        Item parentItem = lookup(parent);
        if (parentItem instanceof Item.Adt adt && adt.variant(last) != null) {
            add(e, printed, adt, last, BodyLink.Role.CTOR);
            return;
        }
        if (!bodyLocal(p)) {
            problems.add(new LinkProblem(LinkProblem.Kind.UNLINKED_BODY, printed,
                    "rustdoc has no " + full + (parentItem == null ? " nor " + parent : "")));
            return;
        }
        Item local = localItem(full, h);
        synthesized.put(local.defPath(), local);
        if (local instanceof Item.Adt adt) {
            add(e, printed, adt, adt.defPath().equals(full) ? "" : last, BodyLink.Role.CTOR);
        } else {
            add(e, printed, local, "", ownRole(h));
        }
    }

    private static BodyLink.Role ownRole(BodyHeader h) {
        if (h.promoted() >= 0) return BodyLink.Role.PROMOTED;
        return h.ctfe() ? BodyLink.Role.CTFE : BodyLink.Role.ITEM;
    }

    private void add(int e, String printed, Item item, String nested, BodyLink.Role role) {
        links.add(new BodyLink(e, printed, item.defPath(), nested, role));
    }

    /**
     * Whether rustdoc may legitimately lack the item: it is declared in a body (its parent is a
     * fn, const, static, closure or const block), or it is an unnamed {@code const _}.
     */
    private boolean bodyLocal(List<String> p) {
        int n = p.size();
        if (p.get(n - 1).equals("_")) return true;
        for (int i = n - 2; i >= 1; i--) {
            String seg = p.get(i);
            if (DefPaths.isDisambiguated(seg) || seg.equals("_")) return true;
            Item owner = lookup(DefPaths.join(p.subList(0, i + 1)));
            if (owner instanceof Item.Fn || owner instanceof Item.Const || owner instanceof Item.Static) return true;
            if (owner != null) return owner.synthesized() && !(owner instanceof Item.Module);
        }
        return false;
    }

    /** An item declared in a body, from its own MIR: a fn, const or static, or a ctor's ADT. */
    private Item localItem(String path, BodyHeader h) {
        Item.Origin origin = Item.Origin.SYNTHESIZED;
        if (h.kind() == BodyKind.FN && h.ret() instanceof Ty.Adt adt) {
            if (namesType(adt.path(), path)) return localCtor(path, path, adt, h);
            if (namesType(adt.path(), DefPaths.parent(path))) return localCtor(path, DefPaths.parent(path), adt, h);
        }
        return switch (h.kind()) {
            case STATIC, STATIC_MUT -> new Item.Static(path, null, Visibility.INHERITED, origin, names.qualify(h.ret()),
                    h.kind() == BodyKind.STATIC_MUT ? Ty.Mutability.MUT : Ty.Mutability.NOT, false, null);
            case CONST, ANON_CONST, PROMOTED -> new Item.Const(path, null, Visibility.INHERITED, origin, names.qualify(h.ret()),
                    null, null);
            case FN -> new Item.Fn(path, null, Visibility.INHERITED, origin, Generics.EMPTY,
                    names.qualify(new FnSig(List.of(), false, null, h.args(), false, h.ret())), FnHeader.PLAIN,
                    paramNames(h), true);
        };
    }

    /** Argument names from {@code debug name => _N;}, {@code _} where there is none. */
    private static List<String> paramNames(BodyHeader h) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= h.args().size(); i++) {
            String name = "_";
            if (h.body() != null) {
                for (var v : h.body().varDebugInfo()) {
                    if (v.value() instanceof VarDebugInfo.Contents.PlaceValue pv
                            && pv.place().local().index() == i && pv.place().projection().isEmpty()) {
                        name = v.name();
                        break;
                    }
                }
            }
            out.add(name);
        }
        return out;
    }

    /**
     * Whether a type path as MIR prints it names {@code def}. A type declared in an impl method
     * prints through the method ({@code <V<T> as Drop>::drop::Dropper}, def path
     * {@code …::<impl at …>::drop::Dropper}): then the names after the last such segment must end
     * {@code def}.
     */
    private boolean namesType(Path printed, String def) {
        if (def == null) return false;
        List<PathSegment> segs = printed.segments();
        int tail = segs.size();
        // back to the last impl, qualified-self or generic segment (Handle<…>::drop_key_val::Dropper)
        while (tail > 0 && segs.get(tail - 1) instanceof PathSegment.Ident id && (id.args().isEmpty() || tail == segs.size())) tail--;
        if (tail == 0) return def.equals(names.crateName() + "::" + TypeMatcher.pathString(TypeMatcher.stripArgs(printed)));
        List<String> names = MirNames.segments(TypeMatcher.stripArgs(new Path(segs.subList(tail, segs.size()))));
        List<String> defSegs = DefPaths.split(def);
        return defSegs.size() > names.size() && defSegs.subList(defSegs.size() - names.size(), defSegs.size()).equals(names);
    }

    /**
     * A tuple struct or tuple variant declared in a body, known from its ctor; more variants may
     * come later. Its generics are the args of the type the ctor returns, which MIR prints as the
     * identity ({@code Dropper<'_, T>}).
     */
    private Item localCtor(String path, String adtPath, Ty.Adt ret, BodyHeader h) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < h.args().size(); i++) {
            fields.add(new Field(Integer.toString(i), names.qualify(h.args().get(i)),
                    Visibility.INHERITED));
        }
        String name = DefPaths.last(path);
        Variant v = new Variant(name, Variant.Shape.TUPLE, fields, null);
        Item existing = lookup(adtPath);
        boolean isEnum = !adtPath.equals(path);
        List<Variant> variants = new ArrayList<>();
        if (existing instanceof Item.Adt adt) variants.addAll(adt.variants());
        variants.add(v);
        return new Item.Adt(adtPath, null, Visibility.INHERITED, Item.Origin.SYNTHESIZED,
                isEnum ? Item.Adt.Kind.ENUM : Item.Adt.Kind.STRUCT, generics(ret), variants,
                Repr.DEFAULT);
    }
}
