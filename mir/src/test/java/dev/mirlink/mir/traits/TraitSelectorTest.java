package dev.mirlink.mir.traits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirlink.mir.item.AssocItem;
import dev.mirlink.mir.item.GenericBound;
import dev.mirlink.mir.item.GenericParam;
import dev.mirlink.mir.item.Generics;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.item.ItemTables;
import dev.mirlink.mir.item.Variant;
import dev.mirlink.mir.item.Visibility;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.TraitBound;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TraitSelectorTest {
    static final Visibility PUB = new Visibility.Public();
    static final Ty U8 = new Ty.Int(Ty.IntTy.U8), U16 = new Ty.Int(Ty.IntTy.U16);

    static Path path(String name, Ty... args) {
        return new Path(List.of(new PathSegment.Ident(name, List.of(args).stream().map(a -> (GenericArg) new GenericArg.Type(a)).toList())));
    }

    static Ty adt(String name, Ty... args) {
        return new Ty.Adt(path(name, args));
    }

    static Generics params(String... names) {
        return new Generics(List.of(names).stream().map(n -> (GenericParam) new GenericParam.Type(n, List.of(), null, false)).toList(), List.of());
    }

    static Generics bounded(String param, String trait) {
        GenericBound b = new GenericBound.Trait(new TraitBound(List.of(), null, path(trait), List.of()), GenericBound.Modifier.NONE);
        return new Generics(List.of(new GenericParam.Type(param, List.of(b), null, false)), List.of());
    }

    static Item.Impl impl(String at, Generics g, String trait, Ty self, String... fns) {
        String def = "k::<impl at k.rs:" + at + ">";
        List<AssocItem> items = List.of(fns).stream().map(f -> (AssocItem) new AssocItem.Fn(f, def + "::" + f, true)).toList();
        return new Item.Impl(def, null, PUB, Item.Origin.RUSTDOC, g, path(trait), self, items, List.of(), false,
                self instanceof Ty.Param, false);
    }

    static Item.Adt struct(String def, Generics g) {
        return new Item.Adt(def, null, PUB, Item.Origin.RUSTDOC, Item.Adt.Kind.STRUCT, g, List.of(new Variant(def, Variant.Shape.UNIT, List.of(), null)), null);
    }

    static final ItemTables TABLES = tables();

    static ItemTables tables() {
        Item.Trait clone = new Item.Trait("core::clone::Clone", null, PUB, Item.Origin.RUSTDOC, Generics.EMPTY, List.of(),
                List.of(new AssocItem.Fn("clone", "core::clone::Clone::clone", false)), false, false);
        Item.Impl cloneU8 = new Item.Impl("core::clone::<impl at clone.rs:1:1: 1:2>", null, PUB, Item.Origin.RUSTDOC, Generics.EMPTY,
                path("core::clone::Clone"), U8, List.of(new AssocItem.Fn("clone", "core::clone::<impl at clone.rs:1:1: 1:2>::clone", true)),
                List.of(), false, false, false);
        Item.Trait show = new Item.Trait("k::Show", null, PUB, Item.Origin.RUSTDOC, Generics.EMPTY, List.of(),
                List.of(new AssocItem.Fn("show", "k::Show::show", false), new AssocItem.Fn("twice", "k::Show::twice", true)), false, false);
        ItemTable core = new ItemTable("core", List.of(clone, cloneU8), Set.of());
        ItemTable k = new ItemTable("k", List.of(show, struct("k::A", Generics.EMPTY), struct("k::B", params("T")),
                impl("1:1: 1:2", Generics.EMPTY, "k::Show", adt("k::A"), "show"),
                impl("2:1: 2:2", bounded("T", "core::clone::Clone"), "k::Show", adt("k::B", new Ty.Param("T")), "show", "twice"),
                impl("3:1: 3:2", Generics.EMPTY, "k::Show", adt("k::B", U8), "show"),
                impl("4:1: 4:2", bounded("T", "k::Show"), "k::Show", new Ty.Ref(null, new Ty.Param("T"), Ty.Mutability.NOT), "show")),
                Set.of("core"));
        return ItemTables.of(core, k);
    }

    TraitRef show(Ty self) {
        return new TraitSelector(TABLES, "k").traitRef(path("k::Show"), self);
    }

    @Test
    void substReplacesParamsEverywhere() {
        Subst s = Subst.of(new Generics(List.of(new GenericParam.Type("T", List.of(), null, false),
                new GenericParam.Const("N", new Ty.Int(Ty.IntTy.USIZE), null)), List.of()),
                List.of(new GenericArg.Type(U8), new GenericArg.Const(new TyConst.Value(BigInteger.TWO, null))));
        Ty t = new Ty.Tuple(List.of(new Ty.Array(new Ty.Param("T"), new TyConst.Param("N")), adt("k::B", new Ty.Param("T")),
                new Ty.Param("U")));
        assertEquals(new Ty.Tuple(List.of(new Ty.Array(U8, new TyConst.Value(BigInteger.TWO, null)), adt("k::B", U8),
                new Ty.Param("U"))), s.ty(t));
        assertEquals(Map.of("T", new GenericArg.Type(U8), "N", new GenericArg.Const(new TyConst.Value(BigInteger.TWO, null))), s.args());
    }

    @Test
    void userImplAndTraitDefault() {
        TraitSelector sel = new TraitSelector(TABLES, "k");
        AssocFn f = sel.resolveAssocFn(show(adt("k::A")), "show");
        assertEquals("k::<impl at k.rs:1:1: 1:2>::show", f.defPath());
        AssocFn d = sel.resolveAssocFn(show(adt("k::A")), "twice");
        assertEquals("k::Show::twice", d.defPath());
        assertTrue(d.fromTraitDefault());
    }

    @Test
    void mostSpecificImplWinsAndInheritsDefaultFns() {
        TraitSelector sel = new TraitSelector(TABLES, "k");
        Selection s = sel.select(show(adt("k::B", U8)));
        Selection.Impl impl = assertInstanceOf(Selection.Impl.class, s);
        assertEquals("k::<impl at k.rs:3:1: 3:2>", impl.impl().defPath());
        // `twice` is not in the specializing impl: it comes from its parent, not the trait
        assertEquals("k::<impl at k.rs:2:1: 2:2>::twice", sel.resolveAssocFn(show(adt("k::B", U8)), "twice").defPath());
    }

    @Test
    void whereClausesAreCheckedRecursively() {
        TraitSelector sel = new TraitSelector(TABLES, "k");
        // B<A>: the generic impl needs A: Clone, which has no impl
        TraitSelectionException e = assertThrows(TraitSelectionException.class, () -> sel.select(show(adt("k::B", adt("k::A")))));
        assertEquals("no impl", e.reason());
        Selection.Impl r = assertInstanceOf(Selection.Impl.class, sel.select(show(new Ty.Ref(null, adt("k::A"), Ty.Mutability.NOT))));
        assertEquals(new GenericArg.Type(new TraitSelector(TABLES, "k").canon(adt("k::A"))), r.args().get("T"));
    }

    @Test
    void builtinImpls() {
        TraitSelector sel = new TraitSelector(TABLES, "k");
        TraitRef tuple = sel.traitRef(path("core::clone::Clone"), new Ty.Tuple(List.of(U8, new Ty.Bool())));
        assertInstanceOf(Selection.Builtin.class, sel.select(tuple));
        assertInstanceOf(Selection.Impl.class, sel.select(sel.traitRef(path("core::clone::Clone"), U8)));
        // no user impl for u16: primitives are Copy/Clone by a builtin impl
        assertInstanceOf(Selection.Builtin.class, sel.select(sel.traitRef(path("core::clone::Clone"), U16)));
    }
}
