package dev.mirlink.driver.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mirlink.driver.collect.TypeSizes.FieldInfo;
import dev.mirlink.driver.collect.TypeSizes.Info;
import dev.mirlink.driver.collect.TypeSizes.Kind;
import dev.mirlink.driver.collect.TypeSizes.VariantInfo;

import dev.mirlink.mir.item.VisiblePaths;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link TypeSizes#format} against rustc 1.96's {@code -Zprint-type-sizes} output for a no_std
 * program (the expected lines are rustc's, verbatim): type order, variant order, discriminant,
 * padding, alignment only where it caused padding, union fields with offsets, end padding, closures;
 * and types laid out from the MIR-only sysroot's core (skipped when none is built), fields recursively.
 */
class TypeSizesTest {
    private static final String P = "print-type-size ";

    private static FieldInfo f(String name, long offset, long size, long align) {
        return new FieldInfo(name, offset, size, align);
    }

    @Test
    void formatsLikeRustc() {
        // variants given in declaration order, as variant_info_for_adt builds them
        Info shape = new Info(Kind.ENUM, "Shape", 8, 16, false, 2L, List.of(
                new VariantInfo("Circle", 8, List.of(f("0", 4, 4, 4))),
                new VariantInfo("Rect", 16, List.of(f("w", 2, 2, 2), f("h", 8, 8, 8))),
                new VariantInfo("Empty", 2, List.of())));
        Info point = new Info(Kind.STRUCT, "Point", 4, 8, false, null, List.of(
                new VariantInfo("Point", 7, List.of(f("x", 6, 1, 1), f("y", 0, 4, 4), f("z", 4, 2, 2)))));
        Info union = new Info(Kind.UNION, "U", 4, 8, false, null, List.of(
                new VariantInfo("U", 6, List.of(f("a", 0, 4, 4), f("b", 0, 6, 1)))));
        Info c = new Info(Kind.STRUCT, "C", 4, 8, false, null, List.of(
                new VariantInfo("C", 8, List.of(f("a", 0, 1, 1), f("b", 4, 4, 4)))));
        Info option = new Info(Kind.ENUM, "core::option::Option<u32>", 4, 8, false, 4L, List.of(
                new VariantInfo("None", 4, List.of()), new VariantInfo("Some", 8, List.of(f("0", 4, 4, 4)))));
        Info closure = new Info(Kind.CLOSURE, "{closure@main::{closure#0}}", 8, 16, false, null, List.of());
        Info phantom = new Info(Kind.STRUCT, "core::marker::PhantomData<&str>", 1, 0, false, null, List.of(
                new VariantInfo("PhantomData", 0, List.of())));
        List<String> expected = List.of(
                "type: `Shape`: 16 bytes, alignment: 8 bytes",
                "    discriminant: 2 bytes",
                "    variant `Rect`: 14 bytes",
                "        field `.w`: 2 bytes",
                "        padding: 4 bytes",
                "        field `.h`: 8 bytes, alignment: 8 bytes",
                "    variant `Circle`: 6 bytes",
                "        padding: 2 bytes",
                "        field `.0`: 4 bytes, alignment: 4 bytes",
                "    variant `Empty`: 0 bytes",
                "type: `{closure@main::{closure#0}}`: 16 bytes, alignment: 8 bytes",
                "    end padding: 16 bytes",
                "type: `C`: 8 bytes, alignment: 4 bytes",
                "    field `.a`: 1 bytes",
                "    padding: 3 bytes",
                "    field `.b`: 4 bytes, alignment: 4 bytes",
                "type: `Point`: 8 bytes, alignment: 4 bytes",
                "    field `.y`: 4 bytes",
                "    field `.z`: 2 bytes",
                "    field `.x`: 1 bytes",
                "    end padding: 1 bytes",
                "type: `U`: 8 bytes, alignment: 4 bytes",
                "    variant `U`: 6 bytes",
                "        field `.a`: 4 bytes",
                "        field `.b`: 6 bytes, offset: 0 bytes, alignment: 1 bytes",
                "    end padding: 2 bytes",
                "type: `core::option::Option<u32>`: 8 bytes, alignment: 4 bytes",
                "    discriminant: 4 bytes",
                "    variant `Some`: 4 bytes",
                "        field `.0`: 4 bytes",
                "    variant `None`: 0 bytes",
                "type: `core::marker::PhantomData<&str>`: 0 bytes, alignment: 1 bytes");
        assertEquals(expected.stream().map(l -> P + l).toList(),
                TypeSizes.format(List.of(option, union, point, c, closure, shape, phantom, point)));
    }

    @Test
    void packedFieldsNeverShowAlignment() {
        // code_stats.rs: `info.packed || offset == min_offset` prints the field bare
        Info packed = new Info(Kind.STRUCT, "P", 1, 5, true, null, List.of(
                new VariantInfo("P", 5, List.of(f("a", 0, 1, 1), f("b", 1, 4, 4)))));
        assertEquals(List.of(P + "type: `P`: 5 bytes, alignment: 1 bytes", P + "    field `.a`: 1 bytes", P + "    field `.b`: 4 bytes"),
                TypeSizes.format(List.of(packed)));
    }

    @Test
    void nicheEnumsHaveNoDiscriminantLine() {
        Info opt = new Info(Kind.ENUM, "core::option::Option<&u8>", 8, 8, false, null, List.of(
                new VariantInfo("None", 0, List.of()), new VariantInfo("Some", 8, List.of(f("0", 0, 8, 8)))));
        assertEquals(List.of(P + "type: `core::option::Option<&u8>`: 8 bytes, alignment: 8 bytes",
                P + "    variant `Some`: 8 bytes", P + "        field `.0`: 8 bytes", P + "    variant `None`: 0 bytes"),
                TypeSizes.format(List.of(opt)));
    }

    @Test
    void laysOutCoreTypesAndTheirFields() throws IOException {
        Program program = CachedSysroot.program("libcore(-.*)?\\.rlib");
        RustcNames names = new RustcNames(program, () -> new VisiblePaths(program.tables(), "main", List.of("core")));
        TypeSizes ts = new TypeSizes(program, new Collector(program), "x86_64-unknown-linux-gnu", names);
        ts.add(adt("core::option::Option", new Ty.Int(Ty.IntTy.U32)));
        ts.add(new Ty.Ref(null, adt("core::panic::location::Location"), Ty.Mutability.NOT));
        ts.drain();
        // rustc 1.96 -Zprint-type-sizes for a no_std binary using these types
        List<String> expected = List.of(
                "type: `core::panic::Location<'_>`: 24 bytes, alignment: 8 bytes",
                "    field `.filename`: 16 bytes",
                "    field `.line`: 4 bytes",
                "    field `.col`: 4 bytes",
                "    field `._filename`: 0 bytes",
                "type: `core::ptr::NonNull<str>`: 16 bytes, alignment: 8 bytes",
                "    field `.pointer`: 16 bytes",
                "type: `core::option::Option<u32>`: 8 bytes, alignment: 4 bytes",
                "    discriminant: 4 bytes",
                "    variant `Some`: 4 bytes",
                "        field `.0`: 4 bytes",
                "    variant `None`: 0 bytes",
                "type: `core::marker::PhantomData<&str>`: 0 bytes, alignment: 1 bytes");
        assertEquals(expected.stream().map(l -> P + l).toList(), TypeSizes.format(ts.infos()));
    }

    private static Ty adt(String def, Ty... args) {
        return new Ty.Adt(new Path(List.of(new PathSegment.Ident(def, Stream.of(args).map(a -> (GenericArg) new GenericArg.Type(a)).toList()))));
    }
}
