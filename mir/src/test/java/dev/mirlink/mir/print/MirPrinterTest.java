package dev.mirlink.mir.print;

import dev.mirlink.mir.alloc.AllocEntry;
import dev.mirlink.mir.alloc.AllocId;
import dev.mirlink.mir.alloc.Allocation;
import dev.mirlink.mir.alloc.ByteRange;
import dev.mirlink.mir.alloc.Bytes;
import dev.mirlink.mir.alloc.GlobalAlloc;
import dev.mirlink.mir.alloc.Relocation;
import dev.mirlink.mir.body.AggregateKind;
import dev.mirlink.mir.body.AssertMessage;
import dev.mirlink.mir.body.BasicBlock;
import dev.mirlink.mir.body.BasicBlockData;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.BodyKind;
import dev.mirlink.mir.body.ConstOperand;
import dev.mirlink.mir.body.ConstValue;
import dev.mirlink.mir.body.Local;
import dev.mirlink.mir.body.LocalDecl;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.MirFile;
import dev.mirlink.mir.body.Operand;
import dev.mirlink.mir.body.Place;
import dev.mirlink.mir.body.ProjectionElem;
import dev.mirlink.mir.body.Rvalue;
import dev.mirlink.mir.body.SourceInfo;
import dev.mirlink.mir.body.SourceScopeData;
import dev.mirlink.mir.body.Statement;
import dev.mirlink.mir.body.Terminator;
import dev.mirlink.mir.body.UnwindAction;
import dev.mirlink.mir.body.VarDebugInfo;
import dev.mirlink.mir.item.Span;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Instance;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Region;
import dev.mirlink.mir.ty.TraitBound;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class MirPrinterTest {
    private static final Ty U32 = new Ty.Int(Ty.IntTy.U32);
    private static final Ty BOOL = new Ty.Bool();

    private static Path path(String... names) {
        return new Path(java.util.Arrays.stream(names).map(n -> (PathSegment) new PathSegment.Ident(n)).toList());
    }

    private static Place local(int i) { return new Place(new Local(i)); }

    private static Operand u32(long v) {
        return new Operand.Constant(new ConstOperand(new ConstValue.Int(BigInteger.valueOf(v), Ty.IntTy.U32)));
    }

    @Test
    void printsABodyInRustcSyntax() {
        Ty pair = new Ty.Tuple(List.of(U32, BOOL));
        Path len = new Path(List.of(new PathSegment.Ident("core"), new PathSegment.Ident("slice"),
                new PathSegment.ImplFor(null, new Ty.Slice(new Ty.Int(Ty.IntTy.U8))), new PathSegment.Ident("len")));
        Place sum = new Place(new Local(3), List.of(new ProjectionElem.Field(0, U32)));
        Place overflowed = new Place(new Local(3), List.of(new ProjectionElem.Field(1, BOOL)));
        Path panic = new Path(List.of(new PathSegment.Ident("core"), new PathSegment.Ident("panicking"),
                new PathSegment.Ident("panic")));
        Body body = new Body(BodyKind.FN, false, path("demo", "add"), -1, 2, null,
                List.of(new LocalDecl(Ty.Mutability.MUT, U32, 0), new LocalDecl(null, U32, 0),
                        new LocalDecl(null, new Ty.Ref(null, new Ty.Slice(new Ty.Int(Ty.IntTy.U8)), Ty.Mutability.NOT), 0),
                        new LocalDecl(Ty.Mutability.MUT, pair, 0), new LocalDecl(Ty.Mutability.NOT, new Ty.Int(Ty.IntTy.USIZE), 1),
                        new LocalDecl(Ty.Mutability.MUT, new Ty.Never(), 0)),
                List.of(new SourceScopeData(-1, null, false, null), new SourceScopeData(0, new Instance(len), true, new Span("src/lib.rs", 4, 9, 4, 16))),
                List.of(new VarDebugInfo("a", 0, null, List.of(), new VarDebugInfo.Contents.PlaceValue(local(1))),
                        new VarDebugInfo("n", 1, null, List.of(), new VarDebugInfo.Contents.ConstValue(
                                new ConstOperand(new ConstValue.Int(BigInteger.valueOf(-128), Ty.IntTy.I8))))),
                List.of(
                        new BasicBlockData(false, List.of(new Statement.Assign(local(3),
                                new Rvalue.BinaryOp(Rvalue.BinOp.AddWithOverflow, new Operand.Copy(local(1)), u32(1)))), List.of(),
                                new Terminator.Assert(new Operand.Move(overflowed), false,
                                        new AssertMessage.Overflow(Rvalue.BinOp.Add, new Operand.Copy(local(1)), u32(1)),
                                        new BasicBlock(1), new UnwindAction.Continue()),
                                new SourceInfo(new Span("src/lib.rs", 3, 5, 3, 10), 0)),
                        new BasicBlockData(false, List.of(new Statement.Assign(local(0), new Rvalue.Use(new Operand.Move(sum)))),
                                List.of(), new Terminator.SwitchInt(new Operand.Copy(local(0)), List.of(BigInteger.ZERO),
                                        List.of(new BasicBlock(2)), new BasicBlock(3)), null),
                        new BasicBlockData(false, List.of(), List.of(), new Terminator.Call(local(5),
                                new Operand.Constant(new ConstOperand(new ConstValue.FnItem(panic))),
                                List.of(new Operand.Constant(new ConstOperand(new ConstValue.Str("zero \"0\"\n")))),
                                null, new UnwindAction.Cleanup(new BasicBlock(4))), new SourceInfo(null, 1)),
                        new BasicBlockData(false, List.of(new Statement.StorageDead(new Local(4))), List.of(), new Terminator.Return(), null),
                        new BasicBlockData(true, List.of(), List.of(), new Terminator.UnwindResume(), null)));
        String expected = """
                fn demo::add(_1: u32, _2: &[u8]) -> u32 {
                    debug a => _1;
                    let mut _0: u32;
                    let mut _3: (u32, bool);
                    let mut _5: !;
                    scope 1 (inlined #[track_caller] core::slice::<impl [u8]>::len) { // at src/lib.rs:4:9: 4:16
                        debug n => const i8::MIN;
                        let _4: usize;
                    }

                    bb0: {
                        _3 = AddWithOverflow(copy _1, const 1_u32);
                        assert(!move (_3.1: bool), "attempt to compute `{} + {}`, which would overflow", copy _1, const 1_u32) -> [success: bb1, unwind continue]; // scope 0 at src/lib.rs:3:5: 3:10
                    }

                    bb1: {
                        _0 = move (_3.0: u32);
                        switchInt(copy _0) -> [0: bb2, otherwise: bb3];
                    }

                    bb2: {
                        _5 = core::panicking::panic(const "zero \\"0\\"\\n") -> bb4; // scope 1 at no-location
                    }

                    bb3: {
                        StorageDead(_4);
                        return;
                    }

                    bb4 (cleanup): {
                        resume;
                    }
                }
                """;
        assertEquals(expected, new MirPrinter().print(new MirEntry.BodyEntry(body, List.of())));
    }

    @Test
    void valuePathsUseTurbofishAndTypesDoNot() {
        Path vecNew = new Path(List.of(new PathSegment.Ident("vec"),
                new PathSegment.Ident("Vec", List.of(new GenericArg.Type(new Ty.Param("T")))), new PathSegment.Ident("new")));
        MirPrinter p = new MirPrinter();
        assertEquals("vec::Vec::<T>::new", p.print(vecNew, true));
        assertEquals("vec::Vec<T>::new", p.print(vecNew, false));
        Ty closure = new Ty.Closure(new Path(List.of(new PathSegment.Ident("twice", List.of(new GenericArg.Type(new Ty.Param("T")))),
                new PathSegment.Disambiguated("closure", 0))));
        assertEquals("{closure@twice<T>::{closure#0}}", p.print(closure));
        Ty fnItem = new Ty.FnDef(new dev.mirlink.mir.ty.FnSig(List.of(new Region("'a")), false, null,
                List.of(new Ty.Ref(new Region("'a"), new Ty.Param("T"), Ty.Mutability.NOT)), false, new Ty.Tuple(List.of())),
                new Path(List.of(new PathSegment.Ident("drop", List.of(new GenericArg.Type(new Ty.Param("T")))))));
        assertEquals("for<'a> fn(&'a T) {drop::<T>}", p.print(fnItem));
    }

    @Test
    void dynTypesWithRegionsAndFnSugar() {
        TraitBound fn = new TraitBound(List.of(), null,
                new Path(List.of(new PathSegment.Ident("Fn", List.of(new GenericArg.Type(new Ty.Tuple(List.of(U32))))))),
                List.of(new TraitBound.AssocConstraint("Output", List.of(), U32)), true);
        TraitBound send = new TraitBound(List.of(), null, path("marker", "Send"), List.of());
        MirPrinter p = new MirPrinter();
        assertEquals("dyn Fn(u32) -> u32 + marker::Send", p.print(new Ty.Dynamic(List.of(fn, send), null)));
        assertEquals("(dyn marker::Send + 'static)", p.print(new Ty.Dynamic(List.of(send), new Region("'static"))));
        TraitBound iter = new TraitBound(List.of(), null, path("Iterator"),
                List.of(new TraitBound.AssocConstraint("Item", List.of(), U32)));
        assertEquals("dyn Iterator<Item = u32>", p.print(new Ty.Dynamic(List.of(iter), null)));
        assertEquals("[u8; N]", p.print(new Ty.Array(new Ty.Int(Ty.IntTy.U8), new TyConst.Param("N"))));
    }

    @Test
    void constantsPrintLikeRustc() {
        MirPrinter p = new MirPrinter();
        assertEquals(List.of(
                "const usize::MAX", "const isize::MIN", "const u8::MAX", "const -1_i64", "const 'a'", "const '\\''",
                "const '\\u{301}'", "const +Inf_f32", "const 1.5E+300f64", "const \"ü\\u{301}\\u{7f}\"",
                "const b\"\\x00\\x7f\\'\\\"\"", "const (1_u8,)", "const Foo {{ a: true }}", "const {alloc7+0x10<imm>: &u8}",
                "const {transmute(0x00ff): T}", "const 5_u32 is 1..", "const Some(const_fn::<T>)"),
                List.of(
                        konst(p, new ConstValue.Int(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), Ty.IntTy.USIZE)),
                        konst(p, new ConstValue.Int(BigInteger.ONE.shiftLeft(63).negate(), Ty.IntTy.ISIZE)),
                        konst(p, new ConstValue.Int(BigInteger.valueOf(255), Ty.IntTy.U8)),
                        konst(p, new ConstValue.Int(BigInteger.valueOf(-1), Ty.IntTy.I64)),
                        konst(p, new ConstValue.Char('a')),
                        konst(p, new ConstValue.Char('\'')),
                        konst(p, new ConstValue.Char(0x301)),
                        konst(p, new ConstValue.Float("+Inf", Ty.FloatTy.F32)),
                        konst(p, new ConstValue.Float("1.5E+300", Ty.FloatTy.F64)),
                        konst(p, new ConstValue.Str("ü\u0301\u007f")),
                        konst(p, new ConstValue.ByteStr(Bytes.of(new byte[] {0, 0x7f, '\'', '"'}), false)),
                        konst(p, new ConstValue.Tuple(List.of(new ConstValue.Int(BigInteger.ONE, Ty.IntTy.U8)))),
                        konst(p, new ConstValue.Adt(path("Foo"), List.of("a"), List.of(new ConstValue.Bool(true)))),
                        konst(p, new ConstValue.Pointer(new AllocId(7), 16, true, new Ty.Ref(null, new Ty.Int(Ty.IntTy.U8), Ty.Mutability.NOT))),
                        konst(p, new ConstValue.Transmute(BigInteger.valueOf(255), 2, new Ty.Param("T"))),
                        konst(p, new ConstValue.PatValue(new ConstValue.Int(BigInteger.valueOf(5), Ty.IntTy.U32), "1..")),
                        konst(p, new ConstValue.Adt(path("Some"), null, List.of(new ConstValue.ValuePath(
                                new Path(List.of(new PathSegment.Ident("const_fn", List.of(new GenericArg.Type(new Ty.Param("T"))))))))))));
    }

    private static String konst(MirPrinter p, ConstValue v) {
        Body b = new Body(BodyKind.CONST, false, path("X"), -1, 0, null, List.of(new LocalDecl(Ty.Mutability.MUT, U32, 0)),
                List.of(new SourceScopeData(-1, null, false, null)), List.of(),
                List.of(new BasicBlockData(false, List.of(new Statement.Assign(local(0),
                        new Rvalue.Use(new Operand.Constant(new ConstOperand(v))))), List.of(), new Terminator.Return(), null)));
        String text = p.print(new MirEntry.BodyEntry(b, List.of()));
        int start = text.indexOf("_0 = ") + 5;
        return text.substring(start, text.indexOf(";\n", start));
    }

    @Test
    void aggregatesAndProjections() {
        Place deep = new Place(new Local(1), List.of(new ProjectionElem.Deref(), new ProjectionElem.Downcast("Some", null),
                new ProjectionElem.Field(0, new Ty.Param("T")), new ProjectionElem.Index(new Local(2)),
                new ProjectionElem.Subslice(1, 0, true)));
        Rvalue closure = new Rvalue.Aggregate(new AggregateKind.Closure(new Path(List.of(new PathSegment.Ident("f",
                List.of(new GenericArg.Type(new Ty.Param("T")))), new PathSegment.Disambiguated("closure", 0))), List.of("x")),
                List.of(new Operand.Copy(deep)));
        Body b = new Body(BodyKind.FN, false, path("f"), -1, 0, null,
                List.of(new LocalDecl(Ty.Mutability.MUT, new Ty.Tuple(List.of()), 0)),
                List.of(new SourceScopeData(-1, null, false, null)), List.of(),
                List.of(new BasicBlockData(false, List.of(
                        new Statement.Assign(local(0), closure),
                        new Statement.Assign(local(0), new Rvalue.Aggregate(new AggregateKind.Tuple(), List.of(u32(1)))),
                        new Statement.Assign(local(0), new Rvalue.Aggregate(new AggregateKind.RawPtr(U32, Ty.Mutability.MUT),
                                List.of(new Operand.Copy(local(1)), u32(2)))),
                        new Statement.Assign(local(0), new Rvalue.RawPtr(Rvalue.RawPtrKind.FAKE_FOR_PTR_METADATA, local(1))),
                        new Statement.Assign(local(0), new Rvalue.Repeat(u32(0), new TyConst.Value(BigInteger.valueOf(12), null)))),
                        List.of(), new Terminator.Return(), null)));
        String text = new MirPrinter().print(new MirEntry.BodyEntry(b, List.of()));
        assertEquals("""
                        _0 = {closure@f::<T>::{closure#0}} { x: copy (((*_1) as Some).0: T)[_2][1:] };
                        _0 = (const 1_u32,);
                        _0 = *mut u32 from (copy _1, const 2_u32);
                        _0 = &raw const (fake) _1;
                        _0 = [const 0_u32; 12];
                """.replace("                        ", "        ").stripTrailing(),
                text.substring(text.indexOf("        _0 = {closure"), text.indexOf("        return;")).stripTrailing());
    }

    @Test
    void allocationDumpsPointersAcrossLines() {
        byte[] data = new byte[24];
        for (int i = 0; i < 12; i++) data[i] = (byte) (i + 1);
        data[12] = 0x10;
        for (int i = 20; i < 24; i++) data[i] = (byte) 0xaa;
        Allocation a = new Allocation(24, 8, Bytes.of(data), List.of(new Relocation(12, new AllocId(7), false, 8)), List.of());
        byte[] small = {0x61, 0, 0, 0};
        Allocation b = new Allocation(4, 4, Bytes.of(small), List.of(), List.of(new ByteRange(1, 3)));
        Body body = new Body(BodyKind.STATIC, false, path("S"), -1, 0, null, List.of(new LocalDecl(Ty.Mutability.MUT, U32, 0)),
                List.of(new SourceScopeData(-1, null, false, null)), List.of(),
                List.of(new BasicBlockData(false, List.of(), List.of(), new Terminator.Return(), null)));
        String text = new MirPrinter().print(new MirEntry.BodyEntry(body, List.of(
                new AllocEntry(new AllocId(1), new GlobalAlloc.Memory(a)), new AllocEntry(new AllocId(2), new GlobalAlloc.Memory(b)))));
        assertEquals("""
                static S: u32 = {
                    let mut _0: u32;

                    bb0: {
                        return;
                    }
                }

                alloc1 (size: 24, align: 8) {
                    0x00 │ 01 02 03 04 05 06 07 08 09 0a 0b 0c ╾alloc7+0x10 (8 ptr bytes) │ ............╾───
                    0x10 │ ──────────╼ aa aa aa aa                         │ ───╼....
                }

                alloc2 (size: 4, align: 4) {
                    61 __ __ 00                                     │ a░░.
                }
                """, text);
    }

    @Test
    void bytesCompareByValue() {
        assertEquals(Bytes.of(new byte[] {1, 2}), Bytes.of(new byte[] {1, 2}));
        assertEquals(Bytes.of(new byte[] {1, 2}).hashCode(), Bytes.of(new byte[] {1, 2}).hashCode());
        assertNotEquals(Bytes.of(new byte[] {1, 2}), Bytes.of(new byte[] {1, 3}));
        byte[] src = {5};
        Bytes copy = Bytes.of(src);
        src[0] = 6;
        assertEquals(5, copy.get(0));
    }
}
