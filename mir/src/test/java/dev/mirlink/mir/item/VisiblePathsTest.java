package dev.mirlink.mir.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mirlink.mir.ty.Ty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisiblePathsTest {
    private static final Item.Origin DOC = Item.Origin.RUSTDOC;
    private static final Visibility PUB = Visibility.PUBLIC;

    private static Item.Module module(String path, Visibility vis, String... items) {
        return new Item.Module(path, null, vis, DOC, List.of(items));
    }

    private static Item.Module module(String path, String... items) {
        return module(path, PUB, items);
    }

    private static Item.Const value(String path) {
        return new Item.Const(path, null, PUB, DOC, new Ty.Tuple(List.of()), "()", null);
    }

    private static Item.Adt struct(String path) {
        return new Item.Adt(path, null, PUB, DOC, Item.Adt.Kind.STRUCT, Generics.EMPTY,
                List.of(new Variant(DefPaths.last(path), Variant.Shape.UNIT, List.of(), null)), Repr.DEFAULT);
    }

    private static Item.Use use(String path, String target) {
        return new Item.Use(path, null, PUB, DOC, target, target, false);
    }

    private static Item.Use glob(String module, String target) {
        return new Item.Use(module + "::*", null, PUB, DOC, target, target, true);
    }

    /** A miniature core, alloc and std, shaped like the real ones where it matters. */
    private static ItemTables tables() {
        List<Item> core = new ArrayList<>(List.of(
                module("core", "core::ptr", "core::iter", "core::fmt", "core::ops", "core::opt", "core::panicking",
                        "core::osmods", "core::under", "core::thing", "core::arch"),
                module("core::ptr", "core::ptr::drop_in_place"), value("core::ptr::drop_in_place"),
                module("core::iter", "core::iter::adapters"),
                module("core::iter::adapters", Visibility.CRATE, "core::iter::adapters::map"),
                module("core::iter::adapters::map", Visibility.INHERITED, "core::iter::adapters::map::Map"),
                struct("core::iter::adapters::map::Map"),
                use("core::iter::Map", "core::iter::adapters::map::Map"),
                module("core::fmt", "core::fmt::rt"), module("core::fmt::rt", Visibility.INHERITED, "core::fmt::rt::Argument"),
                struct("core::fmt::rt::Argument"),
                module("core::ops", "core::ops::function"),
                module("core::ops::function", Visibility.INHERITED, "core::ops::function::FnOnce"),
                new Item.Trait("core::ops::function::FnOnce", null, PUB, DOC, Generics.EMPTY, List.of(),
                        List.of(new AssocItem.Type("Output", Generics.EMPTY, List.of(), null)), false, false),
                use("core::ops::FnOnce", "core::ops::function::FnOnce"),
                module("core::opt", "core::opt::Opt"),
                new Item.Adt("core::opt::Opt", null, PUB, DOC, Item.Adt.Kind.ENUM, Generics.EMPTY,
                        List.of(new Variant("None", Variant.Shape.UNIT, List.of(), null),
                                new Variant("Some", Variant.Shape.TUPLE, List.of(), null)), Repr.DEFAULT),
                module("core::panicking", "core::panicking::panic_fmt"), value("core::panicking::panic_fmt"),
                module("core::osmods", "core::osmods::A", "core::osmods::B"),
                struct("core::osmods::A"), struct("core::osmods::B"),
                module("core::under", Visibility.INHERITED, "core::under::U"), struct("core::under::U"),
                module("core::thing", "core::thing::T"), struct("core::thing::T"),
                module("core::arch", "core::arch::x86", "core::arch::x86_64"),
                module("core::arch::x86"), module("core::arch::x86_64"),
                glob("core::arch::x86", "core::thing"), glob("core::arch::x86_64", "core::thing")));
        List<Item> alloc = List.of(
                module("alloc", "alloc::vec", "alloc::raw_vec", "alloc::fmt"),
                module("alloc::vec", "alloc::vec::Vec"), struct("alloc::vec::Vec"),
                module("alloc::raw_vec", Visibility.CRATE, "alloc::raw_vec::RawVec"), struct("alloc::raw_vec::RawVec"),
                module("alloc::fmt"), use("alloc::fmt::Argument2", "core::fmt::rt::Argument"));
        List<Item> std = List.of(
                module("std", "std::a", "std::hidden_mod", "std::os"),
                module("std::a", "std::a::b"), module("std::a::b"), use("std::a::b::T", "core::thing::T"),
                module("std::hidden_mod"), use("std::hidden_mod::panic_fmt", "core::panicking::panic_fmt"),
                module("std::os", "std::os::B"), struct("std::os::B"), glob("std::os", "core::osmods"),
                use("std::ptr", "core::ptr"), use("std::iter", "core::iter"), use("std::vec", "alloc::vec"),
                use("std::ops", "core::ops"), use("std::fmt", "alloc::fmt"), use("std::thing", "core::thing"),
                use("std::Arg", "core::fmt::rt::Argument"), use("std::_", "core::under::U"),
                use("std::arch", "core::arch"));
        return new ItemTables(List.of(new ItemTable("core", core, Set.of()),
                new ItemTable("alloc", alloc, Set.of("core")), new ItemTable("std", std, Set.of("core", "alloc"))));
    }

    private static final VisiblePaths.Attrs ATTRS = new VisiblePaths.Attrs() {
        public boolean docHidden(String defPath) { return defPath.equals("std::hidden_mod"); }
        public boolean docOnly(String defPath) { return defPath.equals("core::arch::x86"); }
    };

    private static VisiblePaths paths(String... roots) {
        return new VisiblePaths(tables(), "app", List.of(roots), ATTRS);
    }

    @Test
    void reExportedItemsPrintThroughTheirShortestVisiblePath() {
        VisiblePaths std = paths("std");
        assertEquals("std::vec::Vec", std.print("alloc::vec::Vec"));
        assertEquals("std::ptr::drop_in_place", std.print("core::ptr::drop_in_place"));
        assertEquals("std::iter::Map", std.print("core::iter::adapters::map::Map"));
        assertEquals("std::ops::FnOnce", std.print("core::ops::function::FnOnce"));
        assertEquals("std::ops::FnOnce::Output", std.print("core::ops::function::FnOnce::Output"));
        // breadth first: std::thing::T (depth 2) beats std::a::b::T, though `a` comes first
        assertEquals("std::thing::T", std.print("core::thing::T"));
    }

    @Test
    void aTypeReExportedUnderAnotherNamePrintsThatName() {
        // std's own `pub use ... as Arg` (depth 1) beats std::fmt::Argument2 (depth 2)
        assertEquals("std::Arg", paths("std").print("core::fmt::rt::Argument"));
    }

    @Test
    void itemsNotReachableFromARootKeepTheirDefPath() {
        VisiblePaths std = paths("std");
        assertEquals("alloc::raw_vec::RawVec", std.print("alloc::raw_vec::RawVec"));
        assertEquals("core::opt::Opt::Some", std.print("core::opt::Opt::Some"));
        assertNull(std.visibleParent("alloc::raw_vec::RawVec"));
    }

    @Test
    void underscoreReExportsAndHiddenParentsOnlyFillIn() {
        VisiblePaths std = paths("std");
        // `pub use .. as _` makes std the visible parent, but there is no name to print it by
        assertEquals("std", std.visibleParent("core::under::U"));
        assertEquals("core::under::U", std.print("core::under::U"));
        assertEquals("std::hidden_mod::panic_fmt", std.print("core::panicking::panic_fmt"));
        // a crate that names core directly reaches it without the hidden module
        assertEquals("core::panicking::panic_fmt", paths("std", "core").print("core::panicking::panic_fmt"));
    }

    @Test
    void globReExportsAreShadowedByTheModulesOwnItems() {
        VisiblePaths std = paths("std");
        assertEquals("std::os::A", std.print("core::osmods::A"));
        assertEquals("core::osmods::B", std.print("core::osmods::B"));
        assertEquals("std::os::B", std.print("std::os::B"));
    }

    @Test
    void docOnlyModulesDoNotExist() {
        // core::thing stands in for an item only the arch modules re-export
        VisiblePaths.Attrs thingGone = docOnly("core::thing", "core::arch::x86");
        assertEquals("core::arch::x86_64::T", new VisiblePaths(tables(), "app", List.of("core"), thingGone).print("core::thing::T"));
        VisiblePaths.Attrs x86Kept = docOnly("core::thing");
        assertEquals("core::arch::x86::T", new VisiblePaths(tables(), "app", List.of("core"), x86Kept).print("core::thing::T"));
    }

    private static VisiblePaths.Attrs docOnly(String... defPaths) {
        return new VisiblePaths.Attrs() {
            public boolean docHidden(String defPath) { return false; }
            public boolean docOnly(String defPath) { return List.of(defPaths).contains(defPath); }
        };
    }

    @Test
    void noStdCratesSeeOnlyCore() {
        VisiblePaths core = paths("core", "compiler_builtins");
        assertEquals("core::iter::Map", core.print("core::iter::adapters::map::Map"));
        assertEquals("core::ops::FnOnce", core.print("core::ops::function::FnOnce"));
        assertEquals("alloc::vec::Vec", core.print("alloc::vec::Vec"));
        assertEquals("core::opt::Opt::Some", core.print("core::opt::Opt::Some"));
    }

    @Test
    void implMembersPrintUnderTheirParentsVisiblePath() {
        assertEquals("std::vec::<impl at vec.rs:1:1: 2:2>::len", paths("std").print("alloc::vec::<impl at vec.rs:1:1: 2:2>::len"));
        assertEquals("std::iter::Map::{closure#0}", paths("std").print("core::iter::adapters::map::Map::{closure#0}"));
    }

    @Test
    void localItemsPrintWithoutTheirCrate() {
        VisiblePaths std = paths("std");
        assertEquals("foo::Bar", std.print("app::foo::Bar"));
        assertEquals("main", std.print("app::main"));
    }

    @Test
    void attributesAreReadFromTheSources(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("k/src"));
        Files.writeString(root.resolve("k/src/lib.rs"), String.join("\n",
                "pub mod a;",
                "#[doc(hidden)]",
                "pub mod b;",
                "#[cfg(any(target_os = \"windows\", doc))]",
                "pub mod w {",
                "}",
                "pub mod inline {",
                "    #![doc(hidden)]",
                "}", ""));
        Files.writeString(root.resolve("k/src/a.rs"), "//! docs\npub struct S;\n");
        Files.writeString(root.resolve("k/src/b.rs"), "pub struct S;\n");
        ItemTables tables = new ItemTables(List.of(new ItemTable("k", List.of(
                new Item.Module("k", new Span("k/src/lib.rs", 1, 1, 9, 2), PUB, DOC, List.of("k::a", "k::b", "k::w", "k::inline")),
                new Item.Module("k::a", new Span("k/src/a.rs", 1, 1, 2, 14), PUB, DOC, List.of()),
                new Item.Module("k::b", new Span("k/src/b.rs", 1, 1, 1, 14), PUB, DOC, List.of()),
                new Item.Module("k::w", new Span("k/src/lib.rs", 5, 1, 6, 2), PUB, DOC, List.of()),
                new Item.Module("k::inline", new Span("k/src/lib.rs", 7, 1, 9, 2), PUB, DOC, List.of())), Set.of())));
        VisiblePaths.Attrs linux = VisiblePaths.attrsFromSources(tables, root, Set.of("unix", "target_os=\"linux\""));
        assertEquals(List.of(false, true, false, true), List.of(linux.docHidden("k::a"), linux.docHidden("k::b"),
                linux.docHidden("k::w"), linux.docHidden("k::inline")));
        assertEquals(List.of(false, true, false), List.of(linux.docOnly("k::a"), linux.docOnly("k::w"), linux.docOnly("k::inline")));
        VisiblePaths.Attrs windows = VisiblePaths.attrsFromSources(tables, root, Set.of("windows", "target_os=\"windows\""));
        assertEquals(false, windows.docOnly("k::w"));
    }
}
