package dev.mirlink.mir.item;

import dev.mirlink.mir.ty.FnSig;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class PathResolverTest {
    private static final Item.Origin DOC = Item.Origin.RUSTDOC;
    private static final Visibility PUB = Visibility.PUBLIC;

    private static Item.Module module(String path) {
        return new Item.Module(path, null, PUB, DOC, List.of());
    }

    private static Item.Fn fn(String path) {
        return new Item.Fn(path, null, PUB, DOC, Generics.EMPTY,
                new FnSig(List.of(), false, null, List.of(), false, new Ty.Tuple(List.of())), FnHeader.PLAIN, List.of(),
                true);
    }

    private static Item.Adt struct(String path) {
        return new Item.Adt(path, null, PUB, DOC, Item.Adt.Kind.STRUCT, Generics.EMPTY,
                List.of(new Variant(DefPaths.last(path), Variant.Shape.UNIT, List.of(), null)), Repr.DEFAULT);
    }

    private static Item.Use use(String path, String target, boolean glob) {
        return new Item.Use(path, null, PUB, DOC, target, target, glob);
    }

    private static Ty.Adt adt(String... segments) {
        List<PathSegment> segs = new ArrayList<>();
        for (String s : segments) segs.add(new PathSegment.Ident(s, List.of()));
        return new Ty.Adt(new Path(segs));
    }

    /** {@code krate} re-exports a private module's items, renames one, globs another and re-exports core. */
    private static ItemTable table() {
        Item.Adt option = new Item.Adt("krate::opt::Opt", null, PUB, DOC, Item.Adt.Kind.ENUM, Generics.EMPTY,
                List.of(new Variant("None", Variant.Shape.UNIT, List.of(), null),
                        new Variant("Some", Variant.Shape.TUPLE, List.of(), null)), Repr.DEFAULT);
        Item.Impl inherent = new Item.Impl("krate::opt::<impl at lib.rs:9:1: 9:9>", null, Visibility.INHERITED, DOC,
                Generics.EMPTY, null, adt("krate", "opt", "Opt"),
                List.of(new AssocItem.Fn("is_some", "krate::opt::<impl at lib.rs:9:1: 9:9>::is_some", true)),
                List.of(), false, false, false);
        return new ItemTable("krate", List.of(
                module("krate"), module("krate::private"), module("krate::private::deep"), module("krate::opt"),
                fn("krate::private::hidden"), struct("krate::private::Inner"), fn("krate::private::deep::deepest"),
                option, inherent, fn("krate::opt::<impl at lib.rs:9:1: 9:9>::is_some"),
                use("krate::hidden", "krate::private::hidden", false),
                use("krate::Renamed", "krate::private::Inner", false),
                use("krate::*", "krate::private::deep", true),
                use("krate::core_reexport", "core", false),
                use("krate::opt::*", "core::option", true),
                use("krate::variants::*", "krate::opt::Opt", true), module("krate::variants")), List.of("core"));
    }

    @Test
    void resolvesDefinitionsAndReexports() {
        PathResolver r = table().resolver();
        assertEquals("krate::private::hidden", local(r.resolve("krate::private::hidden")).defPath());
        assertEquals("krate::private::hidden", local(r.resolve("krate::hidden")).defPath());
        assertEquals("krate::private::Inner", local(r.resolve("krate::Renamed")).defPath());
        assertEquals("krate::private::deep::deepest", local(r.resolve("krate::deepest")).defPath());
    }

    @Test
    void resolvesVariantsAndInherentMembers() {
        PathResolver r = table().resolver();
        Resolution.Local some = (Resolution.Local) r.resolve("krate::opt::Opt::Some");
        assertEquals("krate::opt::Opt", some.item().defPath());
        assertEquals("Some", some.member());
        Resolution.Local viaGlob = (Resolution.Local) r.resolve("krate::variants::None");
        assertEquals("krate::opt::Opt", viaGlob.item().defPath());
        assertEquals("None", viaGlob.member());
        assertEquals("krate::opt::<impl at lib.rs:9:1: 9:9>::is_some",
                local(r.resolve("krate::opt::Opt::is_some")).defPath());
    }

    @Test
    void leadsIntoOtherCratesAndReportsMisses() {
        PathResolver r = table().resolver();
        assertEquals(new Resolution.Upstream("core", "core::mem::swap"), r.resolve("krate::core_reexport::mem::swap"));
        assertEquals(new Resolution.Upstream("core", "core::option::Option"), r.resolve("krate::opt::Option"));
        assertEquals(new Resolution.Upstream("core", "core::ptr::null"), r.resolve("core::ptr::null"));
        assertInstanceOf(Resolution.Unresolved.class, r.resolve("krate::private::nothing"));
        assertInstanceOf(Resolution.Unresolved.class, r.resolve("elsewhere::x"));
    }

    @Test
    void followsPathsAcrossTables() {
        ItemTable core = new ItemTable("core", List.of(module("core"), module("core::mem"), fn("core::mem::swap")),
                List.of());
        ItemTables tables = ItemTables.of(table(), core);
        Resolution r = tables.resolve("krate::core_reexport::mem::swap");
        assertEquals("core::mem::swap", local(r).defPath());
    }

    @Test
    void rootNamesAreTypesAndValuesAtTheRoot() {
        ItemTable t = new ItemTable("k", List.of(module("k"), struct("k::S"), fn("k::f"), struct("k::m::T")), List.of());
        assertEquals(java.util.Set.of("S"), t.rootTypeAndValueNames());
    }

    private static Item local(Resolution r) {
        return assertInstanceOf(Resolution.Local.class, r).item();
    }
}
