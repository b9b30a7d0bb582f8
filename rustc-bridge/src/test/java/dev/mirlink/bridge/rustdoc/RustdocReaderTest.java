package dev.mirlink.bridge.rustdoc;

import dev.mirlink.mir.item.AssocItem;
import dev.mirlink.mir.item.GenericBound;
import dev.mirlink.mir.item.GenericParam;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.item.Repr;
import dev.mirlink.mir.item.Resolution;
import dev.mirlink.mir.item.Variant;
import dev.mirlink.mir.item.WherePredicate;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads {@code link/fixture.json}, rustdoc 1.96's JSON for {@code link/fixture.rs}. */
class RustdocReaderTest {
    static ItemTable table;

    @BeforeAll
    static void read() throws Exception {
        table = RustdocReader.read(java.nio.file.Path.of(RustdocReaderTest.class.getResource("/link/fixture.json").toURI()));
    }

    private static <T extends Item> T item(String path, Class<T> type) {
        return assertInstanceOf(type, table.get(path), path);
    }

    @Test
    void namesItemsByCrateQualifiedDefPath() {
        assertEquals("fixture", table.crateName());
        item("fixture", Item.Module.class);
        item("fixture::shapes::Point", Item.Adt.class);
        item("fixture::private::deeper::deep", Item.Fn.class);
        item("fixture::Describe::pair", Item.Fn.class);
        item("fixture::GREETING", Item.Static.class);
        assertEquals(Ty.Mutability.MUT, item("fixture::COUNTER", Item.Static.class).mutability());
        assertEquals(new Ty.Array(new Ty.Int(Ty.IntTy.U8), new dev.mirlink.mir.ty.TyConst.Value(BigInteger.valueOf(3),
                new Ty.Int(Ty.IntTy.USIZE))), item("fixture::TABLE", Item.Const.class).ty());
        assertInstanceOf(Ty.Tuple.class, item("fixture::Pair", Item.TypeAlias.class).ty());
    }

    @Test
    void readsReprAttributes() {
        assertEquals(new Repr(Repr.Kind.C, null, null, null), item("fixture::shapes::Point", Item.Adt.class).repr());
        assertEquals(Repr.Kind.TRANSPARENT, item("fixture::shapes::Meters", Item.Adt.class).repr().kind());
        assertEquals(new Repr(Repr.Kind.C, null, 2, null), item("fixture::shapes::Packed", Item.Adt.class).repr());
        assertEquals(16, item("fixture::shapes::Aligned", Item.Adt.class).repr().align());
        assertEquals(Ty.IntTy.U8, item("fixture::shapes::Color", Item.Adt.class).repr().intType());
        assertEquals(Repr.DEFAULT, item("fixture::shapes::Shape", Item.Adt.class).repr());
    }

    @Test
    void readsVariantsFieldsAndDiscriminants() {
        Item.Adt color = item("fixture::shapes::Color", Item.Adt.class);
        assertEquals(List.of("Red", "Green", "Blue"), color.variants().stream().map(Variant::name).toList());
        assertEquals(new Variant.Discriminant("1", BigInteger.ONE), color.variant("Red").discriminant());
        assertNull(color.variant("Green").discriminant());
        assertEquals(BigInteger.TEN, color.variant("Blue").discriminant().value());
        assertEquals(BigInteger.valueOf(-5), item("fixture::shapes::Signed", Item.Adt.class).variant("Neg").discriminant().value());

        Item.Adt shape = item("fixture::shapes::Shape", Item.Adt.class);
        assertEquals(Variant.Shape.STRUCT, shape.variant("Circle").shape());
        assertEquals("r", shape.variant("Circle").fields().get(0).name());
        assertEquals(Variant.Shape.TUPLE, shape.variant("Rect").shape());
        assertEquals(List.of("0", "1"), shape.variant("Rect").fields().stream().map(f -> f.name()).toList());
        assertEquals(Variant.Shape.UNIT, shape.variant("Empty").shape());

        Item.Adt union = item("fixture::shapes::IntOrFloat", Item.Adt.class);
        assertEquals(Item.Adt.Kind.UNION, union.kind());
        assertEquals(new Ty.Float(Ty.FloatTy.F32), union.fields().get(1).ty());
    }

    @Test
    void readsGenericsAndWhereClauses() {
        Item.Adt wrapper = item("fixture::Wrapper", Item.Adt.class);
        GenericParam.Type t = assertInstanceOf(GenericParam.Type.class, wrapper.generics().params().get(0));
        assertEquals("T", t.name());
        assertEquals("Copy", lastName(((GenericBound.Trait) t.bounds().get(0)).bound().trait()));
        GenericParam.Const n = assertInstanceOf(GenericParam.Const.class, wrapper.generics().params().get(1));
        assertEquals(new Ty.Int(Ty.IntTy.USIZE), n.ty());

        Item.Fn generic = item("fixture::generic_where", Item.Fn.class);
        WherePredicate.Bound where = assertInstanceOf(WherePredicate.Bound.class, generic.generics().where().get(0));
        assertEquals(new Ty.Param("I"), where.ty());
        var iterator = ((GenericBound.Trait) where.bounds().get(0)).bound();
        assertEquals("core::iter::traits::iterator::Iterator", pathText(iterator.trait()));
        assertEquals("Item", iterator.constraints().get(0).name());
        assertEquals(new Ty.Int(Ty.IntTy.U8), iterator.constraints().get(0).ty());
    }

    @Test
    void readsTraitsWithDefaultMethods() {
        Item.Trait describe = item("fixture::Describe", Item.Trait.class);
        assertEquals(List.of("ID", "Out", "name", "id", "pair"), describe.items().stream().map(AssocItem::name).toList());
        assertFalse(((AssocItem.Const) describe.items().get(0)).hasValue());
        assertFalse(((AssocItem.Fn) describe.items().get(2)).hasBody());
        assertTrue(((AssocItem.Fn) describe.items().get(3)).hasBody());
        assertTrue(((AssocItem.Fn) describe.items().get(4)).hasBody());
        assertEquals("fixture::Describe::id", ((AssocItem.Fn) describe.items().get(3)).defPath());
    }

    @Test
    void readsImplsAndTellsMacroImplsApart() {
        List<Item.Impl> bits = table.impls().stream()
                .filter(i -> i.traitRef() != null && lastName(i.traitRef()).equals("Bits")).toList();
        assertEquals(3, bits.size());
        // one macro call: same rustdoc span, told apart in declaration order
        assertEquals(List.of(new Ty.Int(Ty.IntTy.U8), new Ty.Int(Ty.IntTy.U16), new Ty.Int(Ty.IntTy.U32)),
                bits.stream().map(Item.Impl::selfTy).toList());
        assertTrue(bits.get(1).defPath().endsWith(">#1"));
        Item.Impl describe = table.impls().stream()
                .filter(i -> i.traitRef() != null && lastName(i.traitRef()).equals("Describe")).findFirst().orElseThrow();
        assertEquals(List.of("ID", "Out", "name"), describe.items().stream().map(AssocItem::name).toList());
        assertEquals(List.of("id", "pair"), describe.providedTraitMethods());
        assertInstanceOf(AssocItem.Type.class, describe.item("Out"));
    }

    @Test
    void resolvesReexports() {
        var r = table.resolver();
        assertEquals("fixture::private::hidden", local(r.resolve("fixture::hidden")).defPath());
        assertEquals("fixture::private::Inner", local(r.resolve("fixture::Renamed")).defPath());
        assertEquals("fixture::private::deeper::deep", local(r.resolve("fixture::deep")).defPath());
        assertEquals("fixture::shapes::Point", local(r.resolve("fixture::P")).defPath());
        assertEquals("fixture::shapes::Color", local(r.resolve("fixture::Color")).defPath());
        assertEquals(new Resolution.Upstream("core", "core::option::Option"), r.resolve("core::option::Option"));
    }

    @Test
    void makesUpstreamTypesCrateQualified() {
        Ty input = item("fixture::uses_upstream", Item.Fn.class).sig().inputs().get(0);
        Path option = assertInstanceOf(Ty.Adt.class, input).path();
        assertEquals("core::option::Option", pathText(option));
        var arg = ((PathSegment.Ident) option.segments().get(2)).args().get(0);
        assertEquals(new GenericArg.Type(new Ty.Int(Ty.IntTy.U8)), arg);
    }

    @Test
    void refusesOtherFormatVersions(@TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path json = dir.resolve("old.json");
        Files.copy(RustdocReaderTest.class.getResourceAsStream("/rustdoc/format56.json"), json);
        RustdocFormatException e = assertThrows(RustdocFormatException.class, () -> RustdocReader.read(json));
        assertTrue(e.getMessage().contains("format_version 56"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    static String lastName(Path p) {
        return ((PathSegment.Ident) p.segments().get(p.segments().size() - 1)).name();
    }

    static String pathText(Path p) {
        return String.join("::", p.segments().stream().map(s -> ((PathSegment.Ident) s).name()).toList());
    }

    private static Item local(Resolution r) {
        return assertInstanceOf(Resolution.Local.class, r).item();
    }
}
