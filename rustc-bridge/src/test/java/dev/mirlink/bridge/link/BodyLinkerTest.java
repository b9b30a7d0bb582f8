package dev.mirlink.bridge.link;

import dev.mirlink.bridge.mirtext.MirTextReader;
import dev.mirlink.bridge.rustdoc.RustdocReader;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.MirFile;
import dev.mirlink.mir.item.AssocItem;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.FnHeader;
import dev.mirlink.mir.item.GenericBound;
import dev.mirlink.mir.item.GenericParam;
import dev.mirlink.mir.item.Generics;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.item.ItemTables;
import dev.mirlink.mir.item.Variant;
import dev.mirlink.mir.item.Visibility;
import dev.mirlink.mir.item.WherePredicate;
import dev.mirlink.mir.ty.FnSig;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Links {@code link/fixture.mir} to {@code link/fixture.json}, both made from {@code link/fixture.rs} by generate.sh. */
class BodyLinkerTest {
    static MirFile mir;
    static LinkResult result;

    @BeforeAll
    static void link() throws Exception {
        ItemTable table = RustdocReader.read(resource("fixture.json"));
        mir = MirTextReader.read(resource("fixture.mir"),
                new MirTextReader.Options(8, false, table.rootTypeAndValueNames()));
        result = BodyLinker.link(table, mir, ItemTables.of(table), resource("fixture.rs").getParent());
    }

    private static Path resource(String name) throws Exception {
        return Path.of(BodyLinkerTest.class.getResource("/link/" + name).toURI());
    }

    @Test
    void linksEveryBodyAndResolvesEveryPath() {
        assertEquals(List.of(), result.check());
        assertEquals(mir.entries().size(), result.links().size());
    }

    @Test
    void givesImplsTheSpanMirPrints() {
        Item.Impl point = assertInstanceOf(Item.Impl.class,
                result.items().get("fixture::shapes::<impl at fixture.rs:42:5: 42:15>"));
        assertEquals("Point", lastName(point.selfTy()));
        assertEquals(BodyLink.Role.ITEM, link("fixture::shapes::<impl at fixture.rs:42:5: 42:15>::norm1").role());
        assertInstanceOf(Item.Fn.class, result.items().get("fixture::shapes::<impl at fixture.rs:42:5: 42:15>::norm1"));
        assertEquals("fixture::shapes::<impl at fixture.rs:42:5: 42:15>::ORIGIN",
                link("fixture::shapes::<impl at fixture.rs:42:5: 42:15>::ORIGIN").item());
    }

    /** One macro line makes `Bits for u8/u16/u32`: `name()` has the same signature in all three. */
    @Test
    void tellsMacroImplsApartBySignatureAndOrder() {
        List<BodyLink> names = links("fixture::<impl at fixture.rs:126:11: 126:27>::name");
        assertEquals(3, names.size());
        List<Ty> selfTypes = names.stream().map(l -> implOf(l.item()).selfTy()).toList();
        assertEquals(List.of(new Ty.Int(Ty.IntTy.U8), new Ty.Int(Ty.IntTy.U16), new Ty.Int(Ty.IntTy.U32)), selfTypes);
        List<BodyLink> bits = links("fixture::<impl at fixture.rs:126:11: 126:27>::bits");
        assertEquals(List.of(implOf(names.get(0).item()), implOf(names.get(1).item()), implOf(names.get(2).item())),
                bits.stream().map(l -> implOf(l.item())).toList());
    }

    /** `counter!(Apples); counter!(Pears);` makes two inherent impls with one printed span. */
    @Test
    void tellsMacroInherentImplsApart() {
        List<BodyLink> gets = links("fixture::<impl at fixture.rs:163:9: 163:19>::get");
        assertEquals(List.of("Apples", "Pears"), gets.stream().map(l -> lastName(implOf(l.item()).selfTy())).toList());
        List<BodyLink> zeros = links("fixture::<impl at fixture.rs:163:9: 163:19>::ZERO");
        assertEquals(List.of(implOf(gets.get(0).item()), implOf(gets.get(1).item())),
                zeros.stream().map(l -> implOf(l.item())).toList());
        assertEquals("fixture::<impl at fixture.rs:163:9: 163:19>#1::get", gets.get(1).item());
    }

    /**
     * `impl $tr for $t { fn tag(&self) -> u8 }` for Tag and Mark on Local and u8: four bodies with
     * one printed path and two signatures; each must reach the impl whose constant it returns.
     */
    @Test
    void tellsImplsOfDifferentTraitsOnOneLineApart() {
        List<BodyLink> tags = links("fixture::<impl at fixture.rs:145:9: 145:24>::tag");
        assertEquals(4, tags.size());
        List<String> got = tags.stream()
                .map(l -> traitName(implOf(l.item())) + " for " + lastName(implOf(l.item()).selfTy()) + " = "
                        + returnedConstant(l))
                .toList();
        assertEquals(List.of("Tag for Local = 5", "Mark for Local = 6", "Tag for u8 = 1", "Mark for u8 = 2"), got);
    }

    @Test
    void linksNestedBodiesToTheirItem() {
        BodyLink closure = link("fixture::with_locals::{closure#0}");
        assertEquals("fixture::with_locals", closure.item());
        assertEquals("{closure#0}", closure.nested());
        assertEquals(BodyLink.Role.NESTED, closure.role());
        List<BodyLink> promoted = links("fixture::promoted");
        assertEquals(List.of(BodyLink.Role.ITEM, BodyLink.Role.PROMOTED),
                promoted.stream().map(BodyLink::role).toList());
        assertEquals(List.of(BodyLink.Role.ITEM, BodyLink.Role.CTFE),
                links("fixture::square").stream().map(BodyLink::role).toList());
        BodyLink red = link("fixture::shapes::Color::Red::{constant#0}");
        assertEquals("fixture::shapes::Color", red.item());
        assertEquals("Red::{constant#0}", red.nested());
        assertEquals("fixture::TABLE", link("fixture::TABLE::{constant#0}").item());
    }

    @Test
    void linksCtorsToTheirAdt() {
        BodyLink rect = links("fixture::shapes::Shape::Rect").get(0);
        assertEquals(BodyLink.Role.CTOR, rect.role());
        assertEquals("fixture::shapes::Shape", rect.item());
        assertEquals("Rect", rect.nested());
        assertEquals("fixture::shapes::Meters", links("fixture::shapes::Meters").get(0).item());
    }

    @Test
    void recoversItemsDeclaredInBodies() {
        Item.Adt acc = assertInstanceOf(Item.Adt.class, result.items().get("fixture::with_locals::Acc"));
        assertTrue(acc.synthesized());
        assertEquals(Item.Adt.Kind.STRUCT, acc.kind());
        assertEquals(List.of("total", "count"), acc.fields().stream().map(f -> f.name()).toList());
        assertEquals(List.of(new Ty.Int(Ty.IntTy.U32), new Ty.Int(Ty.IntTy.U8)),
                acc.fields().stream().map(f -> f.ty()).toList());

        Item.Adt step = assertInstanceOf(Item.Adt.class, result.items().get("fixture::with_locals::Step"));
        assertEquals(Item.Adt.Kind.ENUM, step.kind());
        Variant add = step.variant("Add");
        assertEquals(Variant.Shape.TUPLE, add.shape());
        assertEquals(new Ty.Int(Ty.IntTy.U32), add.fields().get(0).ty());
        // `Step::Skip` is optimized out of every body, so MIR never names it

        Item.Impl impl = implOf("fixture::with_locals::<impl at fixture.rs:182:5: 182:13>::push");
        assertTrue(impl.synthesized());
        assertEquals("fixture::with_locals::Acc", lastName(impl.selfTy()));
        assertInstanceOf(AssocItem.Fn.class, impl.item("push"));

        Item.Fn helper = assertInstanceOf(Item.Fn.class, result.items().get("fixture::with_locals::helper"));
        assertTrue(helper.synthesized());
        assertEquals(List.of(new Ty.Int(Ty.IntTy.U32)), helper.sig().inputs());
        assertEquals(List.of("x"), helper.paramNames());
        assertInstanceOf(Item.Const.class, result.items().get("fixture::with_locals::LIMIT"));
    }

    /** rustdoc lists an impl of the crate's own trait even inside a fn body. */
    @Test
    void findsImplsOfLocalTraitsInBodiesInRustdoc() {
        Item.Impl impl = implOf(link("fixture::guarded::<impl at fixture.rs:245:5: 245:25>::reset").item());
        assertEquals(Item.Origin.RUSTDOC, impl.origin());
        assertEquals("Reset", traitName(impl));
    }

    /**
     * rustdoc leaves out `impl Drop for Bomb` inside a fn, and MIR prints no trait: the one trait
     * in the crate graph that fits its members is taken (here a stand-in for core's Drop).
     */
    @Test
    void infersTheTraitOfAnImplRustdocLeavesOut() throws Exception {
        ItemTable table = RustdocReader.read(resource("fixture.json"));
        ItemTable core = new ItemTable("core", List.of(
                new Item.Trait("core::ops::drop::Drop", null, Visibility.PUBLIC, Item.Origin.RUSTDOC,
                        Generics.EMPTY, List.of(), List.of(new AssocItem.Fn("drop", "core::ops::drop::Drop::drop", false)),
                        false, false),
                new Item.Fn("core::ops::drop::Drop::drop", null, Visibility.PUBLIC, Item.Origin.RUSTDOC, Generics.EMPTY,
                        new FnSig(List.of(), false, null, List.of(new Ty.Ref(null, new Ty.Param("Self"), Ty.Mutability.MUT)),
                                false, new Ty.Tuple(List.of())), FnHeader.PLAIN, List.of("self"), false)), List.of());
        // the stand-in core lacks what fixture uses from core; only the impl matters here
        LinkResult withCore = BodyLinker.link(table, mir, ItemTables.of(table, core), null);
        String drop = "fixture::guarded::<impl at fixture.rs:251:5: 251:23>";
        Item.Impl impl = assertInstanceOf(Item.Impl.class, withCore.items().get(drop));
        assertTrue(impl.synthesized());
        assertEquals("Drop", traitName(impl));
        assertEquals("fixture::guarded::Bomb", lastName(impl.selfTy()));
        // without core's table there is no trait to find: the impl stays without one
        assertEquals(null, ((Item.Impl) result.items().get(drop)).traitRef());
    }

    private static BodyLink link(String bodyPath) {
        List<BodyLink> found = links(bodyPath);
        assertEquals(1, found.size(), bodyPath);
        return found.get(0);
    }

    private static List<BodyLink> links(String bodyPath) {
        return result.links().stream().filter(l -> l.bodyPath().equals(bodyPath)).toList();
    }

    private static Item.Impl implOf(String memberPath) {
        String impl = memberPath.substring(0, memberPath.lastIndexOf("::"));
        return assertInstanceOf(Item.Impl.class, result.items().get(impl), impl);
    }

    private static String traitName(Item.Impl impl) {
        var segs = impl.traitRef().segments();
        return ((PathSegment.Ident) segs.get(segs.size() - 1)).name();
    }

    private static String lastName(Ty ty) {
        return switch (ty) {
            case Ty.Adt a -> ((PathSegment.Ident) a.path().segments().get(a.path().segments().size() - 1)).name();
            case Ty.Int i -> i.kind().name().toLowerCase(java.util.Locale.ROOT);
            default -> ty.toString();
        };
    }

    /** The u8 constant a `fn tag(&self) -> u8 { N }` body returns. */
    private static String returnedConstant(BodyLink link) {
        MirEntry.BodyEntry entry = (MirEntry.BodyEntry) mir.entries().get(link.entry());
        Matcher m = Pattern.compile("Int\\[value=(\\d+), ty=U8]").matcher(entry.body().basicBlocks().toString());
        return m.find() ? m.group(1) : "?";
    }

    /** The derive's marker impl has no body but the same span: it must not hide `PartialEq` under its path. */
    @Test
    void givesEveryImplItsOwnPath() {
        String at = "fixture::<impl at fixture.rs:263:10: 263:19>";
        Item.Impl partialEq = assertInstanceOf(Item.Impl.class, result.items().get(at));
        assertEquals("PartialEq", traitName(partialEq));
        assertEquals("StructuralPartialEq", traitName(assertInstanceOf(Item.Impl.class, result.items().get(at + "#1"))));
    }

    /** `struct Dropper<'a, T>(&'a mut [T])` in `Drop::drop`: an ADT with its generics, named by def path in its impl. */
    @Test
    void recoversTupleStructsDeclaredInMethods() {
        String dropper = "fixture::<impl at fixture.rs:268:1: 268:28>::drop::Dropper";
        Item.Adt adt = assertInstanceOf(Item.Adt.class, result.items().get(dropper));
        assertEquals(List.of("'_", "T"), adt.generics().params().stream().map(p -> p.name()).toList());
        Item.Impl impl = assertInstanceOf(Item.Impl.class,
                result.items().get("fixture::<impl at fixture.rs:268:1: 268:28>::drop::<impl at fixture.rs:271:9: 271:40>"));
        assertEquals(dropper, ((PathSegment.Ident) ((Ty.Adt) impl.selfTy()).path().last()).name());
    }

    /** `fn compare<T, B: Ord>(x: &&(B, T), …)` in a body: `max_by::<… {compare::<T, B>}>` shows its params' order. */
    @Test
    void ordersParamsOfFnsDeclaredInBodiesByTheirUses() {
        Item.Fn compare = assertInstanceOf(Item.Fn.class, result.items().get("fixture::largest_by_key::compare"));
        assertEquals(List.of("T", "B"), compare.generics().params().stream().map(p -> p.name()).toList());
    }

    /** `fn fold_chunk<const L: usize>(chunk: &[u8; L])` in a body: `{fold_chunk::<N>}` and the array length give `L: usize`. */
    @Test
    void findsConstParamsOfFnsDeclaredInBodiesAsArrayLengths() {
        Item.Fn fold = assertInstanceOf(Item.Fn.class, result.items().get("fixture::chunk_sum::fold_chunk"));
        GenericParam.Const l = assertInstanceOf(GenericParam.Const.class, fold.generics().params().get(0));
        assertEquals("L", l.name());
        assertEquals(new Ty.Int(Ty.IntTy.USIZE), l.ty());
    }

    /** `fn chunk_eq<const L: usize>` in a method of `impl Chunked` in another module: its use prints through the impl, `chunked::<impl Chunked>::chunks_equal::chunk_eq::<N>`. */
    @Test
    void findsConstParamsOfFnsDeclaredInImplMethods() {
        String chunkEq = result.items().impls().stream().map(Item::defPath)
                .filter(p -> p.startsWith("fixture::chunked::<impl at")).findFirst().orElseThrow() + "::chunks_equal::chunk_eq";
        Item.Fn fn = assertInstanceOf(Item.Fn.class, result.items().get(chunkEq));
        assertEquals(List.of("L"), fn.generics().params().stream().map(p -> p.name()).toList());
        assertInstanceOf(GenericParam.Const.class, fn.generics().params().get(0));
    }

    /** `impl<'a, T: Bits + 'a> Kind for T where T: self::Tag` in a body: its generics from the source, paths resolved. */
    @Test
    void readsTheHeaderOfImplsDeclaredInBodies() {
        Item.Impl kind = result.items().impls().stream()
                .filter(i -> i.defPath().startsWith("fixture::kind_of::<impl at")).findFirst().orElseThrow();
        Generics g = kind.generics();
        assertEquals(List.of("'a", "T"), g.params().stream().map(p -> p.name()).toList());
        GenericParam.Type t = assertInstanceOf(GenericParam.Type.class, g.params().get(1));
        assertEquals(List.of("fixture::Bits"), t.bounds().stream().filter(b -> b instanceof GenericBound.Trait)
                .map(b -> DefPaths.join(MirNames.segments(((GenericBound.Trait) b).bound().trait()))).toList());
        WherePredicate.Bound w = assertInstanceOf(WherePredicate.Bound.class, g.where().get(0));
        assertEquals(new Ty.Param("T"), w.ty());
        assertEquals("fixture::Tag", DefPaths.join(MirNames.segments(((GenericBound.Trait) w.bounds().get(0)).bound().trait())));
    }

    /** `struct Keep<'a, T> { slot: &'a mut T }` in `<Wrap<T> as Advance>::advance`: a braced struct no ctor shows, found under its impl. */
    @Test
    void recoversBracedStructsDeclaredInTraitImplFns() {
        Item.Adt keep = assertInstanceOf(Item.Adt.class, result.items().get("fixture::<impl at fixture.rs:311:1: 311:28>::advance::Keep"));
        assertEquals(List.of("slot"), keep.variants().get(0).fields().stream().map(f -> f.name()).toList());
    }

    /** `union Bits { word: u32, bytes: [u8; 4] }` in a body: `bytes` is only projected (`_2.1`), its name comes from the source. */
    @Test
    void namesFieldsOfBodyLocalUnionsFromTheSource() {
        Item.Adt bits = assertInstanceOf(Item.Adt.class, result.items().get("fixture::low_byte::Bits"));
        assertEquals(Item.Adt.Kind.UNION, bits.kind());
        assertEquals(List.of("word", "bytes"), bits.variants().get(0).fields().stream().map(f -> f.name()).toList());
    }

    /** `enum Class { Near, Unused, Far = 7 }` in a body: MIR uses `Far` first and `Unused` never; the source gives order and discriminant. */
    @Test
    void ordersVariantsOfBodyLocalEnumsAsDeclared() {
        Item.Adt c = assertInstanceOf(Item.Adt.class, result.items().get("fixture::distance_class::Class"));
        assertEquals(List.of("Near", "Unused", "Far"), c.variants().stream().map(Variant::name).toList());
        assertEquals(java.math.BigInteger.valueOf(7), c.variants().get(2).discriminant().value());
    }
}
