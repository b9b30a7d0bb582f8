package dev.mirlink.mir.traits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mirlink.mir.item.AssocItem;
import dev.mirlink.mir.item.GenericBound;
import dev.mirlink.mir.item.GenericParam;
import dev.mirlink.mir.item.Generics;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.item.ItemTables;
import dev.mirlink.mir.item.Variant;
import dev.mirlink.mir.item.Visibility;
import dev.mirlink.mir.item.WherePredicate;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.TraitBound;
import dev.mirlink.mir.ty.Ty;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Specialization whose bounds speak of projections of the impl's params, as core's
 * {@code FlattenCompat} impls do (core/src/iter/adapters/flatten.rs): the impl that adds
 * {@code U: OneShot} specializes the default one.
 */
class SpecializationTest {
    static final Visibility PUB = new Visibility.Public();
    static final Ty U8 = new Ty.Int(Ty.IntTy.U8);
    static final Ty I = new Ty.Param("I"), U = new Ty.Param("U"), T = new Ty.Param("T");

    static Path path(String name, Ty... args) {
        return new Path(List.of(new PathSegment.Ident(name, List.of(args).stream().map(a -> (GenericArg) new GenericArg.Type(a)).toList())));
    }

    static Ty adt(String name, Ty... args) {
        return new Ty.Adt(path(name, args));
    }

    static Ty item(Ty self) {
        return new Ty.Projection(self, path("k::It"), "Item", List.of());
    }

    static GenericBound bound(String trait, TraitBound.AssocConstraint... constraints) {
        return new GenericBound.Trait(new TraitBound(List.of(), null, path(trait), List.of(constraints)), GenericBound.Modifier.NONE);
    }

    static Generics params(List<String> names, WherePredicate... where) {
        return new Generics(names.stream().map(n -> (GenericParam) new GenericParam.Type(n, List.of(), null, false)).toList(), List.of(where));
    }

    static Item.Trait trait(String def, String... assocTypes) {
        List<AssocItem> items = new ArrayList<>();
        for (String t : assocTypes) items.add(new AssocItem.Type(t, Generics.EMPTY, List.of(), null));
        if (def.equals("k::It")) items.add(new AssocItem.Fn("next", "k::It::next", false));
        return new Item.Trait(def, null, PUB, Item.Origin.RUSTDOC, Generics.EMPTY, List.of(), items, false, false);
    }

    static Item.Impl impl(String at, Generics g, String trait, Ty self, List<AssocItem> items) {
        return new Item.Impl("k::<impl at k.rs:" + at + ">", null, PUB, Item.Origin.RUSTDOC, g, path(trait), self, items, List.of(),
                false, false, false);
    }

    static Item.Adt struct(String def, String... params) {
        return new Item.Adt(def, null, PUB, Item.Origin.RUSTDOC, Item.Adt.Kind.STRUCT, params(List.of(params)),
                List.of(new Variant(def, Variant.Shape.UNIT, List.of(), null)), null);
    }

    /** {@code I: It, <I as It>::Item: IntoIt<IntoIter = U, Item = <U as It>::Item>, U: It} and {@code extra} on U. */
    static Generics flattenBounds(String... extra) {
        List<GenericBound> onU = new ArrayList<>(List.of(bound("k::It")));
        for (String e : extra) onU.add(bound(e));
        return params(List.of("I", "U"),
                new WherePredicate.Bound(I, List.of(bound("k::It")), List.of()),
                new WherePredicate.Bound(item(I), List.of(bound("k::IntoIt",
                        new TraitBound.AssocConstraint("IntoIter", List.of(), U),
                        new TraitBound.AssocConstraint("Item", List.of(), item(U)))), List.of()),
                new WherePredicate.Bound(U, onU, List.of()));
    }

    static ItemTables tables() {
        String def = "k::<impl at k.rs:";
        ItemTable k = new ItemTable("k", List.of(trait("k::It", "Item"), trait("k::IntoIt", "Item", "IntoIter"), trait("k::OneShot"),
                struct("k::Flat", "I", "U"), struct("k::Outer", "T"), struct("k::Once", "T"),
                impl("1:1: 1:2", params(List.of("T")), "k::It", adt("k::Outer", T),
                        List.of(new AssocItem.Type("Item", Generics.EMPTY, List.of(), T))),
                impl("2:1: 2:2", params(List.of("T")), "k::It", adt("k::Once", T),
                        List.of(new AssocItem.Type("Item", Generics.EMPTY, List.of(), T))),
                impl("3:1: 3:2", params(List.of("T")), "k::IntoIt", adt("k::Once", T),
                        List.of(new AssocItem.Type("Item", Generics.EMPTY, List.of(), T),
                                new AssocItem.Type("IntoIter", Generics.EMPTY, List.of(), adt("k::Once", T)))),
                impl("4:1: 4:2", params(List.of("T")), "k::OneShot", adt("k::Once", T), List.of()),
                impl("5:1: 5:2", flattenBounds(), "k::It", adt("k::Flat", I, U),
                        List.of(new AssocItem.Type("Item", Generics.EMPTY, List.of(), item(U)), new AssocItem.Fn("next", def + "5:1: 5:2>::next", true))),
                impl("6:1: 6:2", flattenBounds("k::OneShot"), "k::It", adt("k::Flat", I, U),
                        List.of(new AssocItem.Fn("next", def + "6:1: 6:2>::next", true)))),
                Set.of());
        return ItemTables.of(k);
    }

    @Test
    void implWithAnExtraBoundOnAParamOfAProjectionSpecializes() {
        TraitSelector sel = new TraitSelector(tables(), "k");
        Ty once = adt("k::Once", U8);
        TraitRef ref = sel.traitRef(path("k::It"), adt("k::Flat", adt("k::Outer", once), once));
        Selection.Impl s = assertInstanceOf(Selection.Impl.class, sel.select(ref));
        assertEquals("k::<impl at k.rs:6:1: 6:2>", s.impl().defPath());
        assertEquals(List.of("k::<impl at k.rs:5:1: 5:2>"), s.ancestors().stream().map(a -> a.impl().defPath()).toList());
        assertEquals("k::<impl at k.rs:6:1: 6:2>::next", sel.resolveAssocFn(ref, "next").defPath());
    }
}
