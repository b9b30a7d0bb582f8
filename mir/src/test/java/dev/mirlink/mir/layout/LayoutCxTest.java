package dev.mirlink.mir.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirlink.mir.item.Field;
import dev.mirlink.mir.item.GenericParam;
import dev.mirlink.mir.item.Generics;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.Repr;
import dev.mirlink.mir.item.Variant;
import dev.mirlink.mir.item.Visibility;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-built types; the real check against rustc is tests' {@code TypeSizeOracleTest}. */
class LayoutCxTest {
    static final Ty U8 = new Ty.Int(Ty.IntTy.U8), U16 = new Ty.Int(Ty.IntTy.U16), U32 = new Ty.Int(Ty.IntTy.U32);
    static final Ty T = new Ty.Param("T");

    final Map<String, Item.Adt> adts = new HashMap<>();
    final LayoutCx cx = new LayoutCx(TargetDataLayout.X86_64, new TypeEnv() {
        public Item.Adt adt(String defPath) { return adts.get(defPath); }
        public Ty normalize(Ty.Projection p) { return null; }
    });

    static Field field(String name, Ty ty) {
        return new Field(name, ty, new Visibility.Public());
    }

    void define(String path, Item.Adt.Kind kind, Repr repr, List<GenericParam> params, Variant... variants) {
        adts.put(path, new Item.Adt(path, null, new Visibility.Public(), Item.Origin.RUSTDOC, kind,
                new Generics(params, List.of()), List.of(variants), repr));
    }

    static Ty adt(String path, Ty... args) {
        String[] names = path.split("::");
        List<PathSegment> segs = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            segs.add(new PathSegment.Ident(names[i], i == names.length - 1
                    ? java.util.Arrays.stream(args).<GenericArg>map(GenericArg.Type::new).toList() : List.of()));
        }
        return new Ty.Adt(new Path(segs));
    }

    @Test
    void primitivesFollowTheDataLayout() {
        assertEquals(16, cx.layoutOf(new Ty.Int(Ty.IntTy.I128)).align());
        assertEquals(8, cx.layoutOf(new Ty.Int(Ty.IntTy.USIZE)).size());
        Layout slice = cx.layoutOf(new Ty.Ref(null, new Ty.Slice(U8), Ty.Mutability.NOT));
        assertEquals(16, slice.size());
        assertInstanceOf(Abi.ScalarPair.class, slice.abi());
    }

    @Test
    void structFieldsAreReorderedByAlignment() {
        define("c::S", Item.Adt.Kind.STRUCT, Repr.DEFAULT, List.of(),
                new Variant("S", Variant.Shape.STRUCT, List.of(field("a", U8), field("b", U32), field("c", U16)), null));
        Layout l = cx.layoutOf(adt("c::S"));
        assertEquals(8, l.size());
        assertEquals(List.of(6L, 0L, 4L), ((FieldsShape.Arbitrary) l.fields()).offsets());
        define("c::C", Item.Adt.Kind.STRUCT, new Repr(Repr.Kind.C, null, null, null), List.of(),
                new Variant("C", Variant.Shape.STRUCT, List.of(field("a", U8), field("b", U32), field("c", U16)), null));
        assertEquals(12, cx.layoutOf(adt("c::C")).size());
    }

    @Test
    void optionOfReferenceUsesTheNullNiche() {
        define("c::Opt", Item.Adt.Kind.ENUM, Repr.DEFAULT, List.of(new GenericParam.Type("T", List.of(), null, false)),
                new Variant("None", Variant.Shape.UNIT, List.of(), null),
                new Variant("Some", Variant.Shape.TUPLE, List.of(field("0", T)), null));
        Layout l = cx.layoutOf(adt("c::Opt", new Ty.Ref(null, U32, Ty.Mutability.NOT)));
        assertEquals(8, l.size());
        Variants.Multiple m = (Variants.Multiple) l.variants();
        Variants.Niche n = (Variants.Niche) m.encoding();
        assertEquals(1, n.untaggedVariant());
        assertEquals(BigInteger.ZERO, n.nicheStart());
        assertTrue(l.abi() instanceof Abi.ScalarAbi);
    }

    @Test
    void directTagGrowsToTheFirstFieldsAlignment() {
        define("c::E", Item.Adt.Kind.ENUM, Repr.DEFAULT, List.of(),
                new Variant("A", Variant.Shape.UNIT, List.of(), null),
                new Variant("B", Variant.Shape.TUPLE, List.of(field("0", U32)), new Variant.Discriminant("7", BigInteger.valueOf(7))));
        Layout l = cx.layoutOf(adt("c::E"));
        assertEquals(8, l.size());
        Variants.Multiple m = (Variants.Multiple) l.variants();
        assertInstanceOf(Variants.Direct.class, m.encoding());
        assertEquals(4, m.tag().size());
        assertEquals(WrappingRange.of(0, 7), ((Scalar.Initialized) m.tag()).validRange());
    }

    @Test
    void unsupportedTypesAreNamedNotGuessed() {
        LayoutException e = assertThrows(LayoutException.class, () -> cx.layoutOf(T));
        assertTrue(e.getMessage().contains("T"));
        assertThrows(LayoutException.class, () -> cx.layoutOf(adt("c::Missing")));
        assertThrows(LayoutException.class,
                () -> cx.layoutOf(new Ty.Projection(U8, new Path(List.of(new PathSegment.Ident("Tr"))), "X", List.of())));
    }
}
