package dev.mirlink.mir.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mirlink.mir.CrateItem;
import dev.mirlink.mir.body.BasicBlockData;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.BodyKind;
import dev.mirlink.mir.body.ClosureUpvars;
import dev.mirlink.mir.body.Local;
import dev.mirlink.mir.body.LocalDecl;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.Operand;
import dev.mirlink.mir.body.Place;
import dev.mirlink.mir.body.ProjectionElem;
import dev.mirlink.mir.body.Rvalue;
import dev.mirlink.mir.body.Statement;
import dev.mirlink.mir.body.Terminator;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.item.ItemTables;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Closure bodies built by hand: {@code fn f<T>(x: &T, n: u8) { || (x, n) }} and variants. */
class MirClosureEnvTest {
    static final Ty U8 = new Ty.Int(Ty.IntTy.U8), U64 = new Ty.Int(Ty.IntTy.U64), T = new Ty.Param("T");
    static final Ty REF_T = new Ty.Ref(null, T, Ty.Mutability.NOT);

    static Path closurePath(Ty arg, boolean withCrate) {
        List<PathSegment> segs = new ArrayList<>();
        if (withCrate) segs.add(new PathSegment.Ident("demo"));
        segs.add(new PathSegment.Ident("f", List.of(new GenericArg.Type(arg))));
        segs.add(new PathSegment.Disambiguated("closure", 0));
        return new Path(segs);
    }

    /** {@code _0 = (copy (*_1).i, ...)} reading the given fields of a closure taken by reference. */
    static Body body(Map<Integer, Ty> reads) {
        Ty self = new Ty.Ref(null, new Ty.Closure(closurePath(T, false)), Ty.Mutability.NOT);
        List<Statement> stmts = new ArrayList<>();
        reads.forEach((i, ty) -> stmts.add(new Statement.Assign(new Place(new Local(0)), new Rvalue.Use(new Operand.Copy(
                new Place(new Local(1), List.of(new ProjectionElem.Deref(), new ProjectionElem.Field(i, ty))))))));
        return new Body(BodyKind.FN, false, new Path(List.of(new PathSegment.Ident("f"), new PathSegment.Disambiguated("closure", 0))),
                -1, 1, null, List.of(new LocalDecl(null, U8, 0), new LocalDecl(null, self, 0)), List.of(), List.of(),
                List.of(new BasicBlockData(false, stmts, List.of(), new Terminator.Return(), null)));
    }

    static LayoutCx cx(Body body) {
        CrateItem item = new CrateItem("demo::f", List.of(), List.of(new MirEntry.BodyEntry(body, List.of())));
        MirClosureEnv env = new MirClosureEnv(new ItemTables(List.of(new ItemTable("demo", List.of(), List.of()))),
                List.of("demo::f"), key -> key.equals("demo::f") ? item : null);
        return new LayoutCx(TargetDataLayout.X86_64, env);
    }

    @Test
    void upvarsAreTheFieldsReadThroughTheClosure() {
        assertEquals(List.of(REF_T, U8), ClosureUpvars.of(body(Map.of(1, U8, 0, REF_T))));
        assertNull(ClosureUpvars.of(body(Map.of(1, U8))), "field 0 never read: its type is unknown");
    }

    @Test
    void closureIsAUnivariantStructOfItsSubstitutedUpvars() {
        LayoutCx cx = cx(body(Map.of(0, REF_T, 1, U8)));
        Layout l = cx.layoutOf(new Ty.Closure(closurePath(U64, true)));
        assertEquals(16, l.size());
        assertEquals(8, l.align());
        // With T = str the captured reference is a wide pointer.
        Layout unsized = cx.layoutOf(new Ty.Closure(closurePath(new Ty.Str(), true)));
        assertEquals(24, unsized.size());
    }

    @Test
    void captureFreeClosureIsZeroSized() {
        assertEquals(0, cx(body(Map.of())).layoutOf(new Ty.Closure(closurePath(U64, true))).size());
    }

    @Test
    void unknownClosureIsReported() {
        LayoutCx cx = cx(body(Map.of()));
        Path other = new Path(List.of(new PathSegment.Ident("demo"), new PathSegment.Ident("g"), new PathSegment.Disambiguated("closure", 0)));
        assertThrows(LayoutException.class, () -> cx.layoutOf(new Ty.Closure(other)));
    }
}
