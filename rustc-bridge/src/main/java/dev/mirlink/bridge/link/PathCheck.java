package dev.mirlink.bridge.link;

import dev.mirlink.mir.body.AggregateKind;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.ConstValue;
import dev.mirlink.mir.body.LocalDecl;
import dev.mirlink.mir.body.Operand;
import dev.mirlink.mir.body.Place;
import dev.mirlink.mir.body.ProjectionElem;
import dev.mirlink.mir.body.Rvalue;
import dev.mirlink.mir.alloc.GlobalAlloc;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.Field;
import dev.mirlink.mir.item.Generics;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.item.Repr;
import dev.mirlink.mir.item.Variant;
import dev.mirlink.mir.item.Visibility;
import dev.mirlink.mir.traits.Subst;
import dev.mirlink.mir.ty.FnSig;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Instance;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.TyConst;
import dev.mirlink.mir.ty.TraitBound;
import dev.mirlink.mir.ty.Ty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks that every path a crate's MIR uses names an item: in this crate's (linked) table, or
 * in another crate (resolved there when its table is known). Types declared inside bodies,
 * which rustdoc omits, are recovered here as synthesized ADTs from what MIR shows of them:
 * aggregates (field names, ctor kinds, variants) and typed field projections.
 */
final class PathCheck {
    private final ItemTable table;
    private final MirNames names;
    private final List<BodyHeader> headers;
    private final Map<Path, String> checked = new HashMap<>();
    private final Map<String, List<LinkProblem>> problems = new LinkedHashMap<>();
    private final Map<String, LocalAdt> localAdts = new LinkedHashMap<>();
    private final Map<String, String> localByPrinted = new HashMap<>();
    private final TypeMatcher matcher;
    private final SourceText sources;
    private final Map<String, Generics> localFnGenerics = new TreeMap<>();

    /** What MIR shows of a body-local ADT: variants by name, fields by index. */
    private static final class LocalAdt {
        final String path;
        boolean isEnum;
        final Map<String, TreeMap<Integer, Field>> variants = new LinkedHashMap<>();
        final Map<String, Variant.Shape> shapes = new HashMap<>();
        /** Its own args where a field projection first showed them all as params: the names its field types use. */
        List<GenericArg> identity;
        /** The fewest fields a braced aggregate of it set: a union's aggregate sets one of several. */
        int fewestBraced = Integer.MAX_VALUE;
        /**
         * Its declaration in the source when it is braced, or null. MIR names only the fields an
         * aggregate sets, and shows variants only where they are used, in no particular order.
         */
        final SourceText.Declaration declared;

        LocalAdt(String path, SourceText.Declaration declared) {
            this.path = path;
            this.declared = declared;
        }

        private List<String> fieldNames() {
            return declared == null || declared.kind().equals("enum") ? List.of() : declared.names();
        }

        /** Field {@code index}'s name: declared, else as an aggregate or tuple struct showed it. */
        String fieldName(int index, String shown) {
            return index < fieldNames().size() ? fieldNames().get(index) : shown;
        }

        /** The index of the field an aggregate names ({@code U { r: x }} sets a union's field {@code r}), else its position. */
        int fieldIndex(String name, int position) {
            int at = name == null ? -1 : fieldNames().indexOf(name);
            return at >= 0 ? at : position;
        }

        TreeMap<Integer, Field> variant(String name) {
            return variants.computeIfAbsent(name, k -> new TreeMap<>());
        }
    }

    PathCheck(ItemTable table, MirNames names, List<BodyHeader> headers, SourceText sources) {
        this.table = table;
        this.sources = sources;
        this.names = names;
        this.headers = headers;
        this.matcher = new TypeMatcher(names);
    }

    List<LinkProblem> run() {
        for (BodyHeader h : headers) {
            if (h.body() == null) {
                ModelWalker.walk(h.ret(), this::visit);
                continue;
            }
            Body b = h.body();
            ModelWalker.walk(b.localDecls(), this::visit);
            ModelWalker.walk(b.basicBlocks(), node -> visitInBody(node, b));
            ModelWalker.walk(b.varDebugInfo(), this::visit);
            ModelWalker.walk(b.scopes(), this::visit);
            ModelWalker.walk(h.allocations(), this::visit);
        }
        List<LinkProblem> out = new ArrayList<>();
        problems.values().forEach(out::addAll);
        return out;
    }

    /** Body-local ADTs recovered from MIR evidence. */
    List<Item> synthesized() {
        List<Item> out = new ArrayList<>();
        for (LocalAdt adt : localAdts.values()) {
            boolean isEnum = adt.isEnum || adt.declared != null && adt.declared.kind().equals("enum");
            List<Variant> variants = new ArrayList<>();
            for (var v : adt.variants.entrySet()) {
                List<Field> fields = new ArrayList<>(v.getValue().values());
                Variant.Shape shape = adt.shapes.getOrDefault(v.getKey(),
                        fields.isEmpty() ? Variant.Shape.UNIT : Variant.Shape.TUPLE);
                variants.add(new Variant(v.getKey(), shape, fields, null));
            }
            if (isEnum && adt.declared != null) variants = declaredOrder(variants, adt.declared);
            if (!isEnum && variants.isEmpty()) {
                variants.add(new Variant(DefPaths.last(adt.path), Variant.Shape.UNIT, List.of(), null));
            }
            Generics generics = adt.identity == null ? null : BodyLinker.identityGenerics(adt.identity);
            Item.Adt.Kind kind = isEnum ? Item.Adt.Kind.ENUM
                    : adt.declared != null ? (adt.declared.kind().equals("union") ? Item.Adt.Kind.UNION : Item.Adt.Kind.STRUCT)
                    : variants.get(0).fields().size() > adt.fewestBraced ? Item.Adt.Kind.UNION : Item.Adt.Kind.STRUCT;
            out.add(new Item.Adt(adt.path, null, Visibility.INHERITED, Item.Origin.SYNTHESIZED, kind,
                    generics != null ? generics : Generics.EMPTY, variants, Repr.DEFAULT));
        }
        return out;
    }

    /** The generics of fns declared in bodies that a fn item type showed (see {@link LocalFnGenerics}), by def path. */
    Map<String, Generics> localFnGenerics() {
        return localFnGenerics;
    }

    /** A use of a fn: a fn item type (with its signature) or a fn item value ({@code sig} null). */
    private void localFnUse(Path path, FnSig sig) {
        if (!(path.last() instanceof PathSegment.Ident id) || id.args().isEmpty()) return;
        String def = names.canonical(TypeMatcher.stripArgs(path));
        if (def == null) def = localInImplFn(path);
        if (def == null || localFnGenerics.containsKey(def) || !(table.valueItem(def) instanceof Item.Fn fn)
                || !fn.synthesized() || !fn.generics().params().isEmpty()) {
            return;
        }
        List<GenericArg> args = id.args().stream()
                .map(a -> a instanceof GenericArg.Type t ? new GenericArg.Type(names.qualify(t.ty())) : a).toList();
        Generics g = LocalFnGenerics.fromUse(fn.sig(), sig == null ? null : names.qualify(sig), args);
        if (g != null) localFnGenerics.put(def, g);
    }

    /**
     * The variants in declaration order, which numbers them: the unit ones MIR never used added,
     * explicit integer discriminants kept. A data-carrying variant MIR never shows stays unknown.
     */
    private static List<Variant> declaredOrder(List<Variant> seen, SourceText.Declaration declared) {
        Map<String, Variant> byName = new LinkedHashMap<>();
        for (Variant v : seen) byName.put(v.name(), v);
        List<Variant> out = new ArrayList<>();
        for (SourceText.Member m : declared.members()) {
            Variant v = byName.remove(m.name());
            if (v == null && !m.unit()) continue;
            Variant.Discriminant d = m.discriminant() != null && m.discriminant().replace("_", "").matches("-?[0-9]+")
                    ? new Variant.Discriminant(m.discriminant(), new java.math.BigInteger(m.discriminant().replace("_", ""))) : null;
            out.add(v == null ? new Variant(m.name(), Variant.Shape.UNIT, List.of(), d) : new Variant(v.name(), v.shape(), v.fields(), d));
        }
        out.addAll(byName.values());
        return out;
    }

    private boolean visitInBody(Object node, Body body) {
        switch (node) {
            case Place p -> placeEvidence(p, body.localDecls());
            case Rvalue.Aggregate a when a.kind() instanceof AggregateKind.Adt adt ->
                    adtEvidence(adt.path(), shape(adt.ctorKind()), adt.fieldNames(), operandTypes(adt.path(), a.operands(), body.localDecls()));
            case ConstValue.Adt c -> adtEvidence(c.path(), c.fieldNames() != null ? Variant.Shape.STRUCT
                    : c.fields().isEmpty() ? Variant.Shape.UNIT : Variant.Shape.TUPLE, c.fieldNames(), constTypes(c.fields()));
            case ConstValue.ValuePath v -> adtEvidence(v.path(), Variant.Shape.UNIT, null, List.of());
            default -> { }
        }
        return visit(node);
    }

    /**
     * Checks the paths a node holds. A path's segments are walked here rather than by the
     * walker, to leave out a turbofish the text reader took for an impl segment: MIR prints
     * {@code NonNull::<impl Thin>::as_ptr} (an impl-trait argument) like {@code mut_ptr::<impl
     * *mut u8>::cast}, and only the item before it tells them apart.
     */
    private boolean visit(Object node) {
        if (node instanceof Path path) {
            for (int i = 0; i < path.segments().size(); i++) {
                if (i > 0 && turbofish(path, i)) continue;
                ModelWalker.walk(path.segments().get(i), this::visit);
            }
            return false;
        }
        switch (node) {
            case Ty.Adt a -> check(a.path(), true);
            case Ty.FnDef f -> {
                check(f.path(), false);
                localFnUse(f.path(), f.sig());
            }
            case Ty.Closure c -> check(c.path(), false);
            case Ty.Coroutine c when c.path() != null -> check(c.path(), false);
            case Ty.Projection p when p.trait() != null -> check(p.trait(), false);
            case TraitBound b -> check(b.trait(), false);
            case PathSegment.QualifiedSelf q when q.trait() != null -> check(q.trait(), false);
            case PathSegment.ImplFor f when f.trait() != null -> check(f.trait(), false);
            case AggregateKind.Adt a -> check(a.path(), false);
            case AggregateKind.Closure c -> check(c.path(), false);
            case ConstValue.Adt a -> check(a.path(), false);
            case ConstValue.ValuePath v -> check(v.path(), false);
            case ConstValue.FnItem f -> {
                check(f.path(), false);
                localFnUse(f.path(), null);
            }
            case ConstValue.Promoted p -> check(p.owner(), false);
            case ConstValue.FnPointer f -> check(f.fn(), false);
            case Rvalue.ThreadLocalRef t -> check(t.path(), false);
            case Instance i -> check(i.path(), false);
            case GlobalAlloc.Static s -> check(s.path(), false);
            case GlobalAlloc.ExternStatic s -> check(s.path(), false);
            default -> { }
        }
        return true;
    }

    /** An {@code <impl T>} segment right after a type: generic args of that type, not an impl. */
    private boolean turbofish(Path path, int i) {
        if (!(path.segments().get(i) instanceof PathSegment.ImplFor f) || f.trait() != null) return false;
        for (PathSegment s : path.segments().subList(0, i)) if (!(s instanceof PathSegment.Ident)) return false;
        Item before = names.item(names.canonical(TypeMatcher.stripArgs(new Path(path.segments().subList(0, i)))));
        return before != null && !(before instanceof Item.Module);
    }

    /** {@code type}: the path names a type, so an unknown body-local one becomes an ADT. */
    private void check(Path path, boolean type) {
        if (checked.containsKey(path)) return;
        String problem = resolve(path, type);
        checked.put(path, problem);
        if (problem != null) {
            String printed = TypeMatcher.pathString(TypeMatcher.stripArgs(path));
            problems.computeIfAbsent(printed, k -> new ArrayList<>())
                    .add(new LinkProblem(LinkProblem.Kind.UNRESOLVED_PATH, printed, problem));
        }
    }

    /** Null when the path resolves, else why not. */
    private String resolve(Path path, boolean type) {
        List<PathSegment> segs = new ArrayList<>(path.segments());
        for (int i = segs.size() - 1; i > 0; i--) if (turbofish(path, i)) segs.remove(i);
        if (segs.isEmpty()) return null;
        if (segs.get(0) instanceof PathSegment.QualifiedSelf q) {
            // its trait and self type are checked on their own
            if (type && q.trait() != null && segs.size() >= 3) localInTraitImplFn(path, q, segs);
            return null;
        }
        int implAt = -1, closureAt = -1;
        List<PathSegment> plain = new ArrayList<>();
        for (int i = 0; i < segs.size(); i++) {
            PathSegment s = segs.get(i);
            if (s instanceof PathSegment.Disambiguated) {
                closureAt = i;
                break;
            }
            if (s instanceof PathSegment.ImplFor || s instanceof PathSegment.ImplAt) {
                implAt = i;
                break;
            }
            plain.add(s);
        }
        if (implAt >= 0) return resolveImplMember(segs, implAt);
        if (plain.isEmpty()) return null;
        String canonical = names.canonical(TypeMatcher.stripArgs(new Path(plain)));
        if (canonical != null) {
            if (type && closureAt >= 0) closureLocalAdt(path, canonical, segs.subList(closureAt, segs.size()));
            return null;
        }
        String printed = TypeMatcher.pathString(TypeMatcher.stripArgs(new Path(plain)));
        String local = bodyLocal(DefPaths.split(printed));
        if (local != null) {
            if (type) localAdt(printed, local);
            return null;
        }
        if (localByPrinted.containsKey(DefPaths.parent(printed))) return null;
        boolean upstream = table.externCrates().contains(DefPaths.split(printed).get(0));
        return "no item named " + (upstream ? printed : names.crateName() + "::" + printed);
    }

    /**
     * A type declared in a trait impl's fn prints through the impl's trait ref
     * ({@code <IntoIter<T, A> as Iterator>::try_fold::Guard}): the local impl of that trait for
     * that self type which defines the fn holds it. A braced struct has no ctor body to be
     * recovered from, so this is the only place it is found.
     */
    private void localInTraitImplFn(Path path, PathSegment.QualifiedSelf q, List<PathSegment> segs) {
        List<String> rest = new ArrayList<>();
        for (PathSegment s : segs.subList(1, segs.size())) {
            if (!(s instanceof PathSegment.Ident id)) return;
            rest.add(id.name());
        }
        String trait = names.canonical(TypeMatcher.stripArgs(q.trait()));
        if (trait == null) return;
        for (Item.Impl impl : table.implsDefining(rest.get(0))) {
            if (impl.traitRef() == null || !trait.equals(TypeMatcher.pathString(TypeMatcher.stripArgs(impl.traitRef())))
                    || matcher.instance(impl.selfTy(), q.self(), impl) < 0) {
                continue;
            }
            localAdt(TypeMatcher.pathString(TypeMatcher.stripArgs(path)), impl.defPath() + "::" + DefPaths.join(rest));
            return;
        }
    }

    /** {@code module::<impl Trait for T>::name} or {@code <impl T>}: some impl there must have {@code name}. */
    private String resolveImplMember(List<PathSegment> segs, int implAt) {
        if (segs.get(implAt) instanceof PathSegment.ImplAt) return null; // only headers print these
        PathSegment.ImplFor impl = (PathSegment.ImplFor) segs.get(implAt);
        String member = implAt + 1 < segs.size() && segs.get(implAt + 1) instanceof PathSegment.Ident id ? id.name() : null;
        String crate = implAt == 0 ? names.crateName() : crateOf(segs.subList(0, implAt));
        ItemTable owner = crate.equals(names.crateName()) ? table : names.tables().get(crate);
        if (owner == null || !implsNamed(owner, impl, member).isEmpty()) return null; // upstream without a table, or found
        return "no impl " + MirNames.segment(impl) + (member == null ? "" : " with " + member) + " in " + crate;
    }

    /** The impls of {@code owner} an {@code <impl …>} segment can name that define {@code member} (any member when null). */
    private List<Item.Impl> implsNamed(ItemTable owner, PathSegment.ImplFor impl, String member) {
        String trait = impl.trait() == null ? null : names.canonical(TypeMatcher.stripArgs(impl.trait()));
        List<Item.Impl> out = new ArrayList<>();
        for (Item.Impl candidate : member != null ? owner.implsDefining(member) : owner.impls()) {
            if ((impl.trait() == null) != (candidate.traitRef() == null)) continue;
            if (trait != null && !trait.equals(TypeMatcher.pathString(TypeMatcher.stripArgs(candidate.traitRef())))) continue;
            if (matcher.instance(candidate.selfTy(), impl.self(), candidate) >= 0) out.add(candidate);
        }
        return out;
    }

    /**
     * The def path of a fn declared in a local impl's method, printed through the impl
     * ({@code slice::ascii::<impl [u8]>::eq_ignore_ascii_case_chunks::eq_ignore_ascii_inner}):
     * the one matching impl whose method declares it; else null.
     */
    private String localInImplFn(Path path) {
        List<PathSegment> segs = path.segments();
        int implAt = -1;
        for (int i = 0; i < segs.size() && implAt < 0; i++) {
            if (segs.get(i) instanceof PathSegment.ImplFor && !(i > 0 && turbofish(path, i))) implAt = i;
            else if (!(segs.get(i) instanceof PathSegment.Ident)) return null;
        }
        if (implAt < 0 || segs.size() - implAt < 3) return null;
        List<String> rest = new ArrayList<>();
        for (PathSegment s : segs.subList(implAt + 1, segs.size())) {
            if (!(s instanceof PathSegment.Ident id)) return null;
            rest.add(id.name());
        }
        String found = null;
        for (Item.Impl impl : implsNamed(table, (PathSegment.ImplFor) segs.get(implAt), rest.get(0))) {
            String def = impl.defPath() + "::" + DefPaths.join(rest);
            if (table.valueItem(def) == null) continue;
            if (found != null) return null;
            found = def;
        }
        return found;
    }

    /** The crate that defines the module an impl path starts with, through re-exports ({@code pub use core::*}). */
    private String crateOf(List<PathSegment> prefix) {
        for (PathSegment s : prefix) if (!(s instanceof PathSegment.Ident)) return names.crateName();
        String module = names.canonical(TypeMatcher.stripArgs(new Path(prefix)));
        if (module != null) return DefPaths.split(module).get(0);
        if (prefix.get(0) instanceof PathSegment.Ident id && table.externCrates().contains(id.name())) return id.name();
        return names.crateName();
    }

    /**
     * The canonical def path of a printed local path declared inside a body (below a fn,
     * const, static or {@code const _}), or null. The owner may print type-relative
     * ({@code PanicInfo::payload::NoPayload}), so prefixes are resolved, not looked up.
     */
    private String bodyLocal(List<String> printed) {
        for (int i = printed.size() - 1; i >= 1; i--) {
            List<String> prefix = printed.subList(0, i);
            String canonical;
            if (prefix.get(prefix.size() - 1).equals("_")) {
                canonical = names.crateName() + "::" + DefPaths.join(prefix);
            } else {
                List<PathSegment> segs = new ArrayList<>();
                for (String n : prefix) segs.add(new PathSegment.Ident(n, List.of()));
                canonical = names.canonical(new Path(segs));
                if (canonical == null) continue;
                Item owner = names.valueFirst(canonical);
                boolean inBody = owner instanceof Item.Fn || owner instanceof Item.Const || owner instanceof Item.Static
                        || (owner != null && owner.synthesized() && !(owner instanceof Item.Module));
                if (!inBody) return null;
            }
            return canonical + "::" + DefPaths.join(printed.subList(i, printed.size()));
        }
        return null;
    }

    /** A type declared in a closure's body ({@code f::{closure#0}::Local}): the closure's def path, then names. */
    private void closureLocalAdt(Path path, String owner, List<PathSegment> rest) {
        if (!(rest.getLast() instanceof PathSegment.Ident)) return;
        for (PathSegment s : rest) if (!(s instanceof PathSegment.Ident || s instanceof PathSegment.Disambiguated)) return;
        List<String> tail = new ArrayList<>();
        for (PathSegment s : TypeMatcher.stripArgs(new Path(rest)).segments()) tail.add(MirNames.segment(s));
        String def = owner + "::" + DefPaths.join(tail);
        if (names.item(def) == null) localAdt(TypeMatcher.pathString(TypeMatcher.stripArgs(path)), def);
    }

    private void localAdt(String printed, String canonical) {
        localByPrinted.put(printed, canonical);
        localAdts.computeIfAbsent(canonical, p -> new LocalAdt(p, declaration(p)));
    }

    /** How the source of the nearest enclosing item with a span declares the ADT at {@code path}. */
    private SourceText.Declaration declaration(String path) {
        for (String owner = DefPaths.parent(path); owner != null; owner = DefPaths.parent(owner)) {
            Item item = names.valueFirst(owner);
            if (item != null && item.span() != null) return SourceText.declaration(sources.read(item.span()), DefPaths.last(path));
        }
        return null;
    }

    /** The canonical path of a local ADT (or one of its variants) named by a printed path, or null. */
    private String localPath(Path path) {
        for (int i = 0; i < path.segments().size(); i++) {
            PathSegment s = path.segments().get(i);
            if (!(s instanceof PathSegment.Ident || s instanceof PathSegment.Disambiguated
                    || i == 0 && s instanceof PathSegment.QualifiedSelf)) return null;
        }
        String printed = TypeMatcher.pathString(TypeMatcher.stripArgs(path));
        String local = localByPrinted.get(printed);
        if (local != null) return local;
        String parent = localByPrinted.get(DefPaths.parent(printed));
        return parent == null ? null : parent + "::" + DefPaths.last(printed);
    }

    /**
     * {@code Local { a: x }}, {@code Local(x)}, {@code E::V(x)}, {@code E::V} (as an aggregate,
     * a const value or a value path): variant names, shapes, field names and, from consts, types.
     */
    private void adtEvidence(Path valuePath, Variant.Shape shape, List<String> fieldNames, List<Ty> types) {
        String path = localPath(valuePath);
        if (path == null) return;
        LocalAdt adt = localAdts.get(path);
        if (adt == null) {
            adt = localAdts.get(DefPaths.parent(path));
            if (adt == null) return;
            adt.isEnum = true;
        } else if (shape == Variant.Shape.UNIT && types.isEmpty() && fieldNames == null && !adt.variants.isEmpty()) {
            return; // a unit struct's value says nothing new
        }
        String variant = DefPaths.last(path);
        TreeMap<Integer, Field> fields = adt.variant(variant);
        adt.shapes.put(variant, shape);
        if (shape == Variant.Shape.STRUCT && !adt.isEnum) adt.fewestBraced = Math.min(adt.fewestBraced, types.size());
        for (int i = 0; i < types.size(); i++) {
            String shown = fieldNames != null && i < fieldNames.size() ? fieldNames.get(i) : null;
            int index = adt.isEnum ? i : adt.fieldIndex(shown, i);
            Field old = fields.get(index);
            Ty ty = old != null && !(old.ty() instanceof Ty.Other) ? old.ty()
                    : types.get(i) != null ? types.get(i) : new Ty.Other("_");
            String name = adt.isEnum ? (shown != null ? shown : Integer.toString(i)) : adt.fieldName(index, shown != null ? shown : Integer.toString(index));
            fields.put(index, new Field(name, ty, Visibility.INHERITED));
        }
    }

    private static Variant.Shape shape(AggregateKind.CtorKind kind) {
        return switch (kind) {
            case FN -> Variant.Shape.TUPLE;
            case CONST -> Variant.Shape.UNIT;
            case STRUCT -> Variant.Shape.STRUCT;
        };
    }

    /**
     * The field types an aggregate of a non-generic ADT shows: its operands' types (a field set only
     * by aggregates, like hashbrown's {@code AlignedTags::_align}, has no projection to show it).
     * A generic ADT's operands are typed in the building body's params, so they are left unknown.
     */
    private List<Ty> operandTypes(Path adt, List<Operand> operands, List<LocalDecl> locals) {
        List<Ty> out = new ArrayList<>(operands.size());
        boolean generic = !TypeMatcher.lastArgs(adt).isEmpty();
        for (Operand o : operands) {
            Place place = switch (o) {
                case Operand.Copy c -> c.place();
                case Operand.Move m -> m.place();
                default -> null;
            };
            Ty ty = null;
            if (!generic && place != null && place.local().index() < locals.size()) {
                if (place.projection().isEmpty()) ty = locals.get(place.local().index()).ty();
                else if (place.projection().getLast() instanceof ProjectionElem.Field f) ty = f.ty();
            }
            out.add(ty == null ? null : names.qualify(ty));
        }
        return out;
    }

    /** Types a const value shows by itself: integers, floats, bools, chars. */
    private static List<Ty> constTypes(List<ConstValue> values) {
        List<Ty> out = new ArrayList<>(values.size());
        for (ConstValue v : values) {
            out.add(switch (v) {
                case ConstValue.Int i -> new Ty.Int(i.ty());
                case ConstValue.Float f -> new Ty.Float(f.ty());
                case ConstValue.Bool b -> new Ty.Bool();
                case ConstValue.Char c -> new Ty.Char();
                default -> null;
            });
        }
        return out;
    }

    /** {@code (_1.0: u32)} on a local ADT (after a downcast, on that variant) gives field 0 its type. */
    private void placeEvidence(Place place, List<LocalDecl> locals) {
        if (place.projection().isEmpty() || place.local().index() >= locals.size()) return;
        Ty ty = locals.get(place.local().index()).ty();
        String variant = null;
        for (ProjectionElem elem : place.projection()) {
            switch (elem) {
                case ProjectionElem.Deref d -> ty = switch (ty) {
                    case Ty.Ref r -> r.pointee();
                    case Ty.RawPtr r -> r.pointee();
                    case Ty.Adt a when !TypeMatcher.lastArgs(a.path()).isEmpty()
                            && TypeMatcher.lastArgs(a.path()).get(0) instanceof GenericArg.Type t -> t.ty();
                    default -> new Ty.Other("_");
                };
                case ProjectionElem.Downcast dc -> variant = dc.name();
                case ProjectionElem.Field f -> {
                    if (ty instanceof Ty.Adt a) {
                        String path = localPath(a.path());
                        LocalAdt adt = path == null ? null : localAdts.get(path);
                        Ty fieldTy = adt == null ? null : inIdentityParams(adt, a.path(), f.ty());
                        if (fieldTy != null) {
                            if (variant != null) adt.isEnum = true;
                            String v = variant != null ? variant : DefPaths.last(path);
                            TreeMap<Integer, Field> fields = adt.variant(v);
                            Field old = fields.get(f.index());
                            fields.put(f.index(), new Field(old != null ? old.name() : adt.fieldName(f.index(), Integer.toString(f.index())),
                                    names.qualify(fieldTy), Visibility.INHERITED));
                        }
                    }
                    ty = f.ty();
                    variant = null;
                }
                case ProjectionElem.Index i -> ty = element(ty);
                case ProjectionElem.ConstantIndex c -> ty = element(ty);
                case ProjectionElem.OpaqueCast o -> ty = o.ty();
                default -> { }
            }
        }
    }

    /**
     * A field's type as seen through {@code seen} (the projected ADT's path), in the names of the
     * ADT's identity args: each body names the params its own way ({@code Adapter<'_, W>} where it
     * is built, {@code Adapter<'_, T>} in its impl). Null when {@code seen} has args that are no params.
     */
    private static Ty inIdentityParams(LocalAdt adt, Path seen, Ty fieldTy) {
        List<GenericArg> args = seen.last() instanceof PathSegment.Ident id ? id.args() : List.of();
        if (BodyLinker.identityGenerics(args) == null) return null;
        if (adt.identity == null) adt.identity = args;
        if (adt.identity.size() != args.size()) return null;
        Map<String, GenericArg> rename = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case GenericArg.Type t when t.ty() instanceof Ty.Param p -> rename.put(p.name(), adt.identity.get(i));
                case GenericArg.Const c when c.value() instanceof TyConst.Param p -> rename.put(p.name(), adt.identity.get(i));
                default -> { }
            }
        }
        return new Subst(rename).ty(fieldTy);
    }

    private static Ty element(Ty ty) {
        return switch (ty) {
            case Ty.Array a -> a.element();
            case Ty.Slice s -> s.element();
            default -> new Ty.Other("_");
        };
    }
}
