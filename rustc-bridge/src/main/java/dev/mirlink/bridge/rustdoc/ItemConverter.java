package dev.mirlink.bridge.rustdoc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mirlink.bridge.rustdoc.RawCrate.RawItem;
import dev.mirlink.mir.item.AssocItem;
import dev.mirlink.mir.item.CodegenAttrs;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.Field;
import dev.mirlink.mir.item.FnHeader;
import dev.mirlink.mir.item.GenericBound;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.Repr;
import dev.mirlink.mir.item.Span;
import dev.mirlink.mir.item.Variant;
import dev.mirlink.mir.item.Visibility;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.Ty;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns rustdoc index entries into {@link Item}s, in declaration order. */
final class ItemConverter {
    private static final Item.Origin RUSTDOC = Item.Origin.RUSTDOC;

    private final RawCrate raw;
    private final String crateName;
    private final Map<Integer, String> defPaths;
    private final TypeConverter types;
    private final List<RawItem> impls;

    /** {@code impls} are the crate's impls in {@link ImplOrder}. */
    ItemConverter(RawCrate raw, String crateName, Map<Integer, String> defPaths, List<RawItem> impls) {
        this.raw = raw;
        this.impls = impls;
        this.crateName = crateName;
        this.defPaths = defPaths;
        this.types = new TypeConverter(crateName, this::defPathOf);
    }

    /** The def path of any id rustdoc mentions: local from the walk, external from {@code paths}. */
    String defPathOf(int id) {
        RawItem item = raw.index().get(id);
        for (int hops = 0; item != null && item.kind().equals("use") && hops < 16; hops++) {
            // a type written through a private `use X as Y` points at the use; follow it to X
            JsonNode target = item.body().get("id");
            if (target == null || target.isNull()) break;
            id = target.asInt();
            item = raw.index().get(id);
        }
        String local = defPaths.get(id);
        if (local != null) return local;
        RawCrate.Summary summary = raw.paths().get(id);
        if (summary == null || summary.path().isEmpty()) return null;
        if (summary.crateId() == 0 && !summary.path().get(0).equals(crateName)) return null;
        return String.join("::", summary.path());
    }

    List<Item> convert() {
        List<Item> out = new ArrayList<>();
        Set<Integer> implMembers = new HashSet<>();
        for (RawItem impl : impls) {
            for (JsonNode m : impl.body().get("items")) implMembers.add(m.asInt());
        }
        for (var entry : defPaths.entrySet()) {
            RawItem item = raw.index().get(entry.getKey());
            if (item == null || item.kind().equals("impl") || implMembers.contains(item.id())) continue;
            Item converted = convert(item, entry.getValue());
            if (converted != null) out.add(converted);
        }
        out.addAll(crateAliases(out));
        for (RawItem impl : impls) {
            out.add(convert(impl, defPaths.get(impl.id())));
            for (JsonNode m : impl.body().get("items")) {
                RawItem member = raw.index().get(m.asInt());
                String path = defPaths.get(m.asInt());
                if (member == null || path == null) continue;
                Item converted = convert(member, path);
                if (converted != null) out.add(converted);
            }
        }
        return out;
    }

    private Item convert(RawItem item, String path) {
        Span span = DefPathAssigner.span(item.span());
        Visibility vis = visibility(item.visibility());
        JsonNode b = item.body();
        return switch (item.kind()) {
            case "module" -> {
                List<String> children = new ArrayList<>();
                for (JsonNode c : b.get("items")) {
                    String p = defPaths.get(c.asInt());
                    RawItem child = raw.index().get(c.asInt());
                    if (p != null && child != null && !child.kind().equals("use")) children.add(p);
                }
                yield new Item.Module(path, span, vis, RUSTDOC, children);
            }
            case "struct" -> {
                JsonNode kind = b.get("kind");
                Variant v;
                if (kind.isTextual()) {
                    v = new Variant(item.name(), Variant.Shape.UNIT, List.of(), null);
                } else if (kind.has("tuple")) {
                    v = new Variant(item.name(), Variant.Shape.TUPLE, tupleFields(kind.get("tuple")), null);
                } else {
                    v = new Variant(item.name(), Variant.Shape.STRUCT, fields(kind.get("plain").get("fields")), null);
                }
                yield new Item.Adt(path, span, vis, RUSTDOC, Item.Adt.Kind.STRUCT, types.generics(b.get("generics")),
                        List.of(v), repr(item.attrs()));
            }
            case "union" -> new Item.Adt(path, span, vis, RUSTDOC, Item.Adt.Kind.UNION,
                    types.generics(b.get("generics")),
                    List.of(new Variant(item.name(), Variant.Shape.STRUCT, fields(b.get("fields")), null)),
                    repr(item.attrs()));
            case "enum" -> {
                List<Variant> variants = new ArrayList<>();
                for (JsonNode v : b.get("variants")) variants.add(variant(raw.index().get(v.asInt())));
                yield new Item.Adt(path, span, vis, RUSTDOC, Item.Adt.Kind.ENUM, types.generics(b.get("generics")),
                        variants, repr(item.attrs()));
            }
            case "extern_type" -> new Item.ForeignType(path, span, vis, RUSTDOC);
            case "trait" -> new Item.Trait(path, span, vis, RUSTDOC, types.generics(b.get("generics")),
                    types.bounds(b.get("bounds")), assocItems(b.get("items")), b.get("is_auto").asBoolean(),
                    b.get("is_unsafe").asBoolean());
            case "trait_alias" -> new Item.Trait(path, span, vis, RUSTDOC, types.generics(b.get("generics")),
                    types.bounds(b.get("params")), List.of(), false, false);
            case "impl" -> {
                Ty self = types.type(b.get("for"));
                Path traitRef = b.get("trait").isNull() ? null : types.path(b.get("trait"));
                List<String> provided = new ArrayList<>();
                for (JsonNode m : b.get("provided_trait_methods")) provided.add(m.asText());
                yield new Item.Impl(path, span, vis, RUSTDOC, types.generics(b.get("generics")), traitRef, self,
                        assocItems(b.get("items")), provided, b.get("is_negative").asBoolean(),
                        self instanceof Ty.Param, b.get("is_unsafe").asBoolean());
            }
            case "function" -> {
                JsonNode header = b.get("header");
                yield new Item.Fn(path, span, vis, RUSTDOC, types.generics(b.get("generics")),
                        types.sig(b.get("sig"), header, null),
                        new FnHeader(header.get("is_const").asBoolean(), header.get("is_unsafe").asBoolean(),
                                header.get("is_async").asBoolean(), TypeConverter.abi(header.get("abi"))),
                        TypeConverter.paramNames(b.get("sig")), b.get("has_body").asBoolean(), codegenAttrs(item.attrs()));
            }
            case "constant" -> new Item.Const(path, span, vis, RUSTDOC, types.type(b.get("type")),
                    b.get("const").get("expr").asText(), text(b.get("const").get("value")));
            case "assoc_const" -> new Item.Const(path, span, vis, RUSTDOC, types.type(b.get("type")),
                    text(b.get("value")), text(b.get("value")));
            case "static" -> new Item.Static(path, span, vis, RUSTDOC, types.type(b.get("type")),
                    b.get("is_mutable").asBoolean() ? Ty.Mutability.MUT : Ty.Mutability.NOT,
                    b.get("is_unsafe").asBoolean(), b.get("expr").asText(), codegenAttrs(item.attrs()));
            case "type_alias" -> new Item.TypeAlias(path, span, vis, RUSTDOC, types.generics(b.get("generics")),
                    types.type(b.get("type")));
            case "use" -> {
                String target = b.get("id").isNull() ? null : defPathOf(b.get("id").asInt());
                if (target == null) target = sourceTarget(b.get("source").asText(), DefPaths.parent(path));
                yield new Item.Use(path, span, vis, RUSTDOC, b.get("source").asText(), target,
                        b.get("is_glob").asBoolean());
            }
            case "extern_crate" -> {
                String name = b.get("name").asText();
                String as = b.get("rename").isNull() ? name : b.get("rename").asText();
                yield new Item.Use(DefPaths.parent(path) + "::" + as, span, vis, RUSTDOC, name, name, false);
            }
            default -> null; // macros, primitives' doc pages, fields and variants (kept inside their ADT)
        };
    }

    /**
     * {@code extern crate alloc as alloc_crate;} is not in rustdoc's output, yet MIR prints
     * paths through the alias. A use such as {@code pub use alloc_crate::boxed;} that resolves
     * to {@code alloc::boxed} reveals it; the alias becomes a use at the crate root.
     */
    private List<Item> crateAliases(List<Item> items) {
        Map<String, String> aliases = new java.util.TreeMap<>();
        Set<String> rootNames = new HashSet<>();
        for (Item item : items) if (crateName.equals(DefPaths.parent(item.defPath()))) rootNames.add(item.name());
        for (Item item : items) {
            if (!(item instanceof Item.Use use) || use.target() == null) continue;
            List<String> source = DefPaths.split(use.source());
            List<String> target = DefPaths.split(use.target());
            String alias = source.get(0);
            if (source.size() < 2 || source.size() != target.size() || alias.equals(target.get(0))
                    || target.get(0).equals(crateName) || Set.of("crate", "self", "super", "").contains(alias)
                    || rootNames.contains(alias) || !source.subList(1, source.size()).equals(target.subList(1, target.size()))) {
                continue;
            }
            aliases.putIfAbsent(alias, target.get(0));
        }
        List<Item> out = new ArrayList<>();
        aliases.forEach((alias, crate) -> out.add(new Item.Use(crateName + "::" + alias, null, Visibility.INHERITED,
                RUSTDOC, crate, crate, false)));
        return out;
    }

    /** rustdoc leaves {@code id} null for uses it cannot resolve to an item (macros, primitives); keep the written path. */
    private String sourceTarget(String source, String module) {
        List<String> segs = new ArrayList<>(DefPaths.split(source));
        if (segs.isEmpty()) return null;
        List<String> base = new ArrayList<>(DefPaths.split(module));
        switch (segs.get(0)) {
            case "crate" -> { segs.set(0, crateName); return DefPaths.join(segs); }
            case "self" -> { segs.remove(0); base.addAll(segs); return DefPaths.join(base); }
            case "super" -> {
                while (!segs.isEmpty() && segs.get(0).equals("super")) {
                    segs.remove(0);
                    if (base.size() > 1) base.remove(base.size() - 1);
                }
                base.addAll(segs);
                return DefPaths.join(base);
            }
            default -> { return source; }
        }
    }

    private Variant variant(RawItem item) {
        JsonNode b = item.body();
        JsonNode kind = b.get("kind");
        Variant.Shape shape;
        List<Field> fields;
        if (kind.isTextual()) {
            shape = Variant.Shape.UNIT;
            fields = List.of();
        } else if (kind.has("tuple")) {
            shape = Variant.Shape.TUPLE;
            fields = tupleFields(kind.get("tuple"));
        } else {
            shape = Variant.Shape.STRUCT;
            fields = fields(kind.get("struct").get("fields"));
        }
        JsonNode d = b.get("discriminant");
        Variant.Discriminant discriminant = d == null || d.isNull() ? null
                : new Variant.Discriminant(d.get("expr").asText(), new BigInteger(d.get("value").asText()));
        return new Variant(item.name(), shape, fields, discriminant);
    }

    private List<Field> fields(JsonNode ids) {
        List<Field> out = new ArrayList<>();
        for (JsonNode id : ids) out.add(field(raw.index().get(id.asInt()), null));
        return out;
    }

    /** Tuple fields are named by position; rustdoc gives null for a field it stripped. */
    private List<Field> tupleFields(JsonNode ids) {
        List<Field> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            out.add(id.isNull() ? new Field(Integer.toString(i), new Ty.Other("_"), Visibility.INHERITED)
                    : field(raw.index().get(id.asInt()), Integer.toString(i)));
        }
        return out;
    }

    private Field field(RawItem f, String name) {
        return new Field(name != null ? name : f.name(), types.type(f.body()), visibility(f.visibility()));
    }

    private List<AssocItem> assocItems(JsonNode ids) {
        List<AssocItem> out = new ArrayList<>();
        for (JsonNode id : ids) {
            RawItem m = raw.index().get(id.asInt());
            if (m == null || m.name() == null) continue;
            String path = defPaths.get(m.id());
            JsonNode b = m.body();
            switch (m.kind()) {
                case "function" -> out.add(new AssocItem.Fn(m.name(), path, b.get("has_body").asBoolean()));
                case "assoc_const" -> out.add(new AssocItem.Const(m.name(), path, types.type(b.get("type")),
                        !b.get("value").isNull()));
                case "assoc_type" -> {
                    List<GenericBound> bounds = types.bounds(b.get("bounds"));
                    Ty ty = b.get("type").isNull() ? null : types.type(b.get("type"));
                    out.add(new AssocItem.Type(m.name(), types.generics(b.get("generics")), bounds, ty));
                }
                default -> { }
            }
        }
        return out;
    }

    private static final Pattern LINK_NAME = Pattern.compile("#\\[attr = LinkName \\{name: \"([^\"]*)\"");

    /** rustdoc's attributes as {@link CodegenAttrs}: {@code no_mangle}, {@code export_name} and rustc's {@code #[attr = …]} markers. */
    private static List<String> codegenAttrs(JsonNode attrs) {
        if (attrs == null) return List.of();
        List<String> out = new ArrayList<>();
        for (JsonNode a : attrs) {
            if (a.isTextual() && a.asText().equals("no_mangle")) out.add(CodegenAttrs.NO_MANGLE);
            if (a.has("export_name")) out.add("export_name=" + a.get("export_name").asText());
            if (!a.has("other")) continue;
            String t = a.get("other").asText();
            Matcher linkName = LINK_NAME.matcher(t);
            if (t.startsWith("#[attr = RustcIntrinsic]")) out.add(CodegenAttrs.INTRINSIC);
            else if (t.startsWith("#[attr = TrackCaller")) out.add(CodegenAttrs.TRACK_CALLER);
            else if (t.startsWith("#[attr = Inline(") && !t.startsWith("#[attr = Inline(Never")) out.add(CodegenAttrs.INLINE);
            else if (t.startsWith("#[attr = Used") || t.startsWith("#[used")) out.add(CodegenAttrs.USED);
            else if (t.startsWith("#[attr = RustcStdInternalSymbol")) out.add(CodegenAttrs.STD_INTERNAL_SYMBOL);
            else if (t.startsWith("#[unsafe(no_mangle)")) out.add(CodegenAttrs.NO_MANGLE);
            else if (t.startsWith("#[attr = Lang(")) out.add("lang=" + t.substring("#[attr = Lang(".length(), t.indexOf(')')));
            else if (t.startsWith("#[attr = Linkage(")) out.add("linkage=" + t.substring("#[attr = Linkage(".length(), t.indexOf(')')));
            else if (linkName.lookingAt()) out.add("link_name=" + linkName.group(1));
        }
        return out;
    }

    private Repr repr(JsonNode attrs) {
        if (attrs == null) return Repr.DEFAULT;
        Repr.Kind kind = Repr.Kind.RUST;
        Ty.IntTy intTy = null;
        Integer packed = null, align = null;
        for (JsonNode a : attrs) {
            JsonNode r = a.get("repr");
            if (r == null) continue;
            Repr.Kind k = Repr.Kind.valueOf(r.get("kind").asText().toUpperCase(java.util.Locale.ROOT));
            if (k != Repr.Kind.RUST) kind = k;
            if (!r.get("int").isNull()) intTy = ((Ty.Int) TypeConverter.primitive(r.get("int").asText())).kind();
            if (!r.get("packed").isNull()) packed = r.get("packed").asInt();
            if (!r.get("align").isNull()) align = r.get("align").asInt();
        }
        Repr repr = new Repr(kind, intTy, packed, align);
        return repr.equals(Repr.DEFAULT) ? Repr.DEFAULT : repr;
    }

    private Visibility visibility(JsonNode v) {
        if (v == null || v.isNull()) return Visibility.INHERITED;
        if (v.isTextual()) {
            return switch (v.asText()) {
                case "public" -> Visibility.PUBLIC;
                case "crate" -> Visibility.CRATE;
                default -> Visibility.INHERITED;
            };
        }
        String path = v.get("restricted").get("path").asText();
        return new Visibility.Restricted(path.startsWith("::") ? crateName + path : path);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
