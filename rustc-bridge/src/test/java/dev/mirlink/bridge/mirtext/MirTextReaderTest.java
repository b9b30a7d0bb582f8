package dev.mirlink.bridge.mirtext;

import dev.mirlink.mir.alloc.AllocEntry;
import dev.mirlink.mir.alloc.AllocId;
import dev.mirlink.mir.alloc.Allocation;
import dev.mirlink.mir.alloc.ByteRange;
import dev.mirlink.mir.alloc.GlobalAlloc;
import dev.mirlink.mir.alloc.Relocation;
import dev.mirlink.mir.body.AggregateKind;
import dev.mirlink.mir.body.AssertMessage;
import dev.mirlink.mir.body.BasicBlock;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.BodyKind;
import dev.mirlink.mir.body.ConstValue;
import dev.mirlink.mir.body.InlineAsmOperand;
import dev.mirlink.mir.body.Local;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.MirFile;
import dev.mirlink.mir.body.Operand;
import dev.mirlink.mir.body.Place;
import dev.mirlink.mir.body.ProjectionElem;
import dev.mirlink.mir.body.Rvalue;
import dev.mirlink.mir.body.SourceScopeData;
import dev.mirlink.mir.body.Statement;
import dev.mirlink.mir.body.StmtDebugInfo;
import dev.mirlink.mir.body.Terminator;
import dev.mirlink.mir.body.UnwindAction;
import dev.mirlink.mir.body.VarDebugInfo;
import dev.mirlink.mir.print.MirPrinter;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Instance;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MirTextReaderTest {
    private final MirPrinter printer = new MirPrinter();

    @Test
    void closureAggregateAndClosureType() {
        MirFile f = Fixtures.parse("closures_and_scopes.mir");
        Body b = Fixtures.body(f, "iter::traits::iterator::Iterator::eq_by::compare");
        assertEquals(BodyKind.FN, b.kind());
        assertEquals(1, b.argCount());
        assertEquals(new Ty.Param("F"), b.localDecls().get(1).ty());
        Ty.Closure ret = assertInstanceOf(Ty.Closure.class, b.returnTy());
        // in a type, the parent fn's args print without turbofish
        assertEquals("iter::traits::iterator::Iterator::eq_by::compare<X, Y, F>::{closure#0}", printer.print(ret.path(), false));
        assertEquals(new PathSegment.Disambiguated("closure", 0), ret.path().last());

        Statement.Assign assign = assertInstanceOf(Statement.Assign.class, b.basicBlocks().get(0).statements().get(0));
        assertEquals(new Place(Local.RETURN_PLACE), assign.place());
        Rvalue.Aggregate agg = assertInstanceOf(Rvalue.Aggregate.class, assign.rvalue());
        AggregateKind.Closure ck = assertInstanceOf(AggregateKind.Closure.class, agg.kind());
        assertEquals(ret.path(), ck.path());
        assertEquals(List.of("eq"), ck.captureNames());
        assertEquals(List.of(new Operand.Move(new Place(new Local(1)))), agg.operands());
    }

    @Test
    void inlinedScopesKeepTheCalleeInstance() {
        MirFile f = Fixtures.parse("closures_and_scopes.mir");
        List<SourceScopeData> scopes = Fixtures.all(f, SourceScopeData.class);
        SourceScopeData read = scopes.stream()
                .filter(s -> s.inlined() != null && printer.print(s.inlined().path(), true).equals("core::ptr::read::<T>"))
                .findFirst().orElseThrow();
        assertTrue(read.inlinedTrackCaller());
        assertEquals(0, read.parent());

        Instance shim = scopes.stream().map(SourceScopeData::inlined)
                .filter(i -> i != null && i.kind() instanceof Instance.InstanceKind.ShimWithTy).findFirst().orElseThrow();
        Ty.FnDef fnDef = assertInstanceOf(Ty.FnDef.class, ((Instance.InstanceKind.ShimWithTy) shim.kind()).ty());
        assertEquals(1, fnDef.sig().boundRegions().size());
        assertEquals("<T as clone::Clone>::clone", printer.print(fnDef.path(), true));
        PathSegment.QualifiedSelf q = assertInstanceOf(PathSegment.QualifiedSelf.class, shim.path().segments().get(0));
        assertEquals(fnDef, q.self());
    }

    @Test
    void compositeDebugInfoAndDroppedStatementDebugInfo() {
        MirFile f = Fixtures.parse("closures_and_scopes.mir");
        VarDebugInfo args = Fixtures.all(f, VarDebugInfo.class).stream()
                .filter(v -> v.compositeTy() != null && v.name().equals("args")).findFirst().orElseThrow();
        assertInstanceOf(Ty.Tuple.class, args.compositeTy());
        ProjectionElem.Field field = assertInstanceOf(ProjectionElem.Field.class, args.compositeProjection().get(0));
        assertEquals(0, field.index());
        assertEquals(new VarDebugInfo.Contents.PlaceValue(new Place(new Local(4))), args.value());

        List<StmtDebugInfo> dbg = Fixtures.all(f, StmtDebugInfo.class);
        assertTrue(dbg.stream().anyMatch(d -> d.kind().equals(new StmtDebugInfo.Kind.InvalidAssign(new Local(11)))));
    }

    @Test
    void implTraitParametersAndTurbofishImplSegments() {
        MirFile f = Fixtures.parse("closures_and_scopes.mir");
        Body b = Fixtures.body(f, "collections::vec_deque::<impl at alloc/src/collections/vec_deque/mod.rs:827:1: 827:37>::resize_with");
        assertEquals(new PathSegment.ImplAt("alloc/src/collections/vec_deque/mod.rs:827:1: 827:37"), b.path().segments().get(2));
        Ty.Param apit = new Ty.Param("impl FnMut() -> T");
        assertEquals(apit, b.localDecls().get(3).ty());
        Rvalue.Aggregate agg = Fixtures.all(b, Rvalue.Aggregate.class).stream()
                .filter(a -> a.kind() instanceof AggregateKind.Adt adt && adt.ctorKind() == AggregateKind.CtorKind.STRUCT)
                .findFirst().orElseThrow();
        AggregateKind.Adt adt = (AggregateKind.Adt) agg.kind();
        assertEquals(List.of("repeater"), adt.fieldNames());
        // `RepeatWith::<impl FnMut() -> T>` is a turbofish, not an impl segment
        assertEquals(new PathSegment.Ident("RepeatWith", List.of(new GenericArg.Type(apit))), adt.path().last());

        // `<(dyn any::Any + 'static)>::downcast_ref::<T>`: an inherent impl on a dyn type with a region
        Body down = Fixtures.body(f, "any::<impl at core/src/any.rs:334:1: 334:20>::downcast_ref");
        Terminator.Call call = Fixtures.all(down, Terminator.Call.class).get(0);
        ConstValue.FnItem fn = (ConstValue.FnItem) ((Operand.Constant) call.func()).constant().value();
        PathSegment.QualifiedSelf q = assertInstanceOf(PathSegment.QualifiedSelf.class, fn.path().segments().get(0));
        assertNull(q.trait());
        Ty.Dynamic dyn = assertInstanceOf(Ty.Dynamic.class, q.self());
        assertEquals("'static", dyn.region().name());
    }

    @Test
    void patternTypesAndCoroutineTypes() {
        MirFile f = Fixtures.parse("closures_and_scopes.mir");
        Body nanos = Fixtures.body(f, "num::niche_types::Nanoseconds");
        Ty.Pat pat = assertInstanceOf(Ty.Pat.class, nanos.localDecls().get(1).ty());
        assertEquals(new Ty.Int(Ty.IntTy.U32), pat.base());
        assertEquals("0..=999999999", pat.pattern());

        Body drop = Fixtures.body(f, "future::async_drop::async_drop_in_place");
        Ty.Coroutine co = assertInstanceOf(Ty.Coroutine.class, drop.returnTy());
        assertEquals("async fn body", co.kind());
        assertEquals("future::async_drop::async_drop_in_place<T>", printer.print(co.path(), false));
    }

    @Test
    void constantForms() {
        MirFile f = Fixtures.parse("consts.mir");
        List<ConstValue> consts = Fixtures.all(f, ConstValue.class);
        assertTrue(consts.contains(new ConstValue.Int(BigInteger.valueOf(Integer.MIN_VALUE), Ty.IntTy.I32)));
        assertTrue(consts.contains(new ConstValue.Char(0x10ffff)));
        assertTrue(consts.contains(new ConstValue.Float("+Inf", Ty.FloatTy.F16)));
        assertTrue(consts.contains(new ConstValue.Uninit()));
        assertTrue(consts.stream().anyMatch(c -> c instanceof ConstValue.Float fl && fl.text().equals("NaN")));
        assertTrue(consts.stream().anyMatch(c -> c instanceof ConstValue.Transmute t && t.size() > 0));
        assertTrue(consts.stream().anyMatch(c -> c instanceof ConstValue.ZeroSized));
        assertTrue(consts.stream().anyMatch(c -> c instanceof ConstValue.Indirect));
        assertTrue(consts.stream().anyMatch(c -> c instanceof ConstValue.IntPointer p && p.address().signum() == 0));
        assertTrue(consts.stream().anyMatch(c -> c instanceof ConstValue.UnprintedBytes u && u.marker().startsWith("static(DefId(")));
        assertTrue(consts.stream().anyMatch(c -> c instanceof ConstValue.ByteStr));
        ConstValue.PatValue pv = consts.stream().filter(ConstValue.PatValue.class::isInstance).map(ConstValue.PatValue.class::cast)
                .findFirst().orElseThrow();
        assertInstanceOf(ConstValue.Int.class, pv.base());
        ConstValue.Adt braced = consts.stream().filter(c -> c instanceof ConstValue.Adt a && a.fieldNames() != null)
                .map(ConstValue.Adt.class::cast).findFirst().orElseThrow();
        assertEquals(List.of("on_newline"), braced.fieldNames());
        assertEquals(List.of(new ConstValue.Bool(true)), braced.fields());

        MirEntry.TrivialConst u256 = f.entries().stream().filter(MirEntry.TrivialConst.class::isInstance)
                .map(MirEntry.TrivialConst.class::cast)
                .filter(t -> printer.print(t.path(), true).equals("int::big::u256::0::{constant#0}")).findFirst().orElseThrow();
        assertEquals(new PathSegment.Ident("0"), u256.path().segments().get(3));
        assertEquals(new ConstValue.Int(BigInteger.valueOf(4), Ty.IntTy.USIZE), u256.value());
    }

    @Test
    void promotedAndCtfeBodies() {
        MirFile f = Fixtures.parse("consts.mir");
        Body promoted = f.entries().stream().filter(MirEntry.BodyEntry.class::isInstance)
                .map(e -> ((MirEntry.BodyEntry) e).body()).filter(b -> b.kind() == BodyKind.PROMOTED).findFirst().orElseThrow();
        assertEquals(0, promoted.promoted());
        assertEquals("num::imp::flt2dec::to_exact_fixed_str", printer.print(promoted.path(), true));
        assertTrue(f.entries().stream().anyMatch(e -> e instanceof MirEntry.BodyEntry be && be.body().forCtfe()));
    }

    @Test
    void inlineAsm() {
        MirFile f = Fixtures.parse("terminators.mir");
        List<Terminator.InlineAsm> asms = Fixtures.all(f, Terminator.InlineAsm.class);
        Terminator.InlineAsm cpuid = asms.stream().filter(a -> a.template().contains("\ncpuid\n")).findFirst().orElseThrow();
        assertEquals("mov {0:r}, rbx\ncpuid\nxchg {0:r}, rbx", cpuid.template());
        assertEquals(List.of("PRESERVES_FLAGS", "NOSTACK"), cpuid.options());
        assertEquals(new InlineAsmOperand.Out("reg", false, new Place(new Local(4))), cpuid.operands().get(0));
        InlineAsmOperand.InOut ax = assertInstanceOf(InlineAsmOperand.InOut.class, cpuid.operands().get(1));
        assertEquals("\"ax\"", ax.reg());
        assertEquals(new BasicBlock(1), cpuid.destination());
        assertEquals(new UnwindAction.Unreachable(), cpuid.unwind());

        Terminator.InlineAsm fpclass = asms.stream().filter(a -> a.template().startsWith("vfpclassph")).findFirst().orElseThrow();
        InlineAsmOperand.Const c = assertInstanceOf(InlineAsmOperand.Const.class, fpclass.operands().get(2));
        assertInstanceOf(ConstValue.ValuePath.class, c.value().value());
        assertEquals(new InlineAsmOperand.Out("kreg", true, new Place(Local.RETURN_PLACE)), fpclass.operands().get(0));
    }

    @Test
    void assertsCallsAndCleanup() {
        MirFile f = Fixtures.parse("terminators.mir");
        List<Terminator.Assert> asserts = Fixtures.all(f, Terminator.Assert.class);
        AssertMessage.Overflow shl = asserts.stream().map(Terminator.Assert::msg).filter(AssertMessage.Overflow.class::isInstance)
                .map(AssertMessage.Overflow.class::cast).findFirst().orElseThrow();
        assertEquals(Rvalue.BinOp.Shl, shl.op());
        assertNull(shl.left());
        assertTrue(asserts.stream().anyMatch(a -> a.msg() instanceof AssertMessage.BoundsCheck));

        Terminator.Call call = Fixtures.all(f, Terminator.Call.class).stream()
                .filter(c -> c.unwind() instanceof UnwindAction.Cleanup).findFirst().orElseThrow();
        assertEquals(new BasicBlock(1), call.target());
        assertEquals(new UnwindAction.Cleanup(new BasicBlock(2)), call.unwind());
        assertEquals(List.of(new Operand.Constant(new dev.mirlink.mir.body.ConstOperand(new ConstValue.Char('Σ')))), call.args());
        Body owner = f.entries().stream().filter(MirEntry.BodyEntry.class::isInstance).map(e -> ((MirEntry.BodyEntry) e).body())
                .filter(b -> Fixtures.all(b, Terminator.Call.class).contains(call)).findFirst().orElseThrow();
        assertTrue(owner.basicBlocks().get(2).cleanup());
        assertInstanceOf(Terminator.UnwindResume.class, owner.basicBlocks().get(2).terminator());
    }

    @Test
    void projectionsAndSpecialRvalues() {
        MirFile f = Fixtures.parse("terminators.mir");
        List<ProjectionElem> proj = Fixtures.all(f, ProjectionElem.class);
        assertTrue(proj.contains(new ProjectionElem.ConstantIndex(0, 1, false)));
        assertTrue(proj.contains(new ProjectionElem.Subslice(1, 0, true)));
        Rvalue.Aggregate raw = Fixtures.all(f, Rvalue.Aggregate.class).stream()
                .filter(a -> a.kind() instanceof AggregateKind.RawPtr).findFirst().orElseThrow();
        assertEquals(new AggregateKind.RawPtr(new Ty.Param("T"), Ty.Mutability.NOT), raw.kind());
        assertEquals(2, raw.operands().size());
        Rvalue.ThreadLocalRef tls = Fixtures.all(f, Rvalue.ThreadLocalRef.class).get(0);
        assertFalse(tls.mutable());
        assertTrue(Fixtures.all(f, Statement.Assume.class).contains(
                new Statement.Assume(new Operand.RuntimeChecks(Operand.RuntimeChecks.Kind.UbChecks))));

        // `_1 = sys::fs::unix::rmdir;` assigns a fn item: the destination's type is a fn item type
        Body promoted = Fixtures.body(f, "sys::fs::remove_dir");
        Statement.Assign a = (Statement.Assign) promoted.basicBlocks().get(0).statements().get(0);
        Rvalue.Use use = assertInstanceOf(Rvalue.Use.class, a.rvalue());
        ConstValue.FnItem fn = assertInstanceOf(ConstValue.FnItem.class, ((Operand.Constant) use.operand()).constant().value());
        assertEquals("sys::fs::unix::rmdir", printer.print(fn.path(), true));
    }

    @Test
    void allocationBytesPointersAndUninit() {
        MirFile f = Fixtures.parse("synthetic_allocs.mir");
        List<AllocEntry> allocs = ((MirEntry.BodyEntry) f.entries().get(0)).allocations();
        Allocation a1 = ((GlobalAlloc.Memory) allocs.get(0).alloc()).allocation();
        assertEquals(48, a1.size());
        assertEquals(List.of(
                new Relocation(14, new AllocId(5), false, 8),
                new Relocation(24, new AllocId(123456789), true, 8),
                new Relocation(32, new AllocId(9), false, 8)), a1.relocations());
        assertEquals(List.of(new ByteRange(22, 24), new ByteRange(46, 47)), a1.uninit());
        assertEquals(0x41, a1.bytes().get(0));
        assertEquals(8, a1.bytes().get(24), "the pointer's offset is stored in its bytes");
        assertEquals(0xff, a1.bytes().get(41));
        assertFalse(a1.isInit(22));
        assertTrue(a1.isInit(47));

        Allocation a2 = ((GlobalAlloc.Memory) allocs.get(1).alloc()).allocation();
        assertEquals(List.of(new Relocation(12, new AllocId(7), false, 8)), a2.relocations());
        assertEquals(0x10, a2.bytes().get(12));
        assertEquals(0xaa, a2.bytes().get(23));

        assertEquals(0, ((GlobalAlloc.Memory) allocs.get(3).alloc()).allocation().size());
        assertInstanceOf(GlobalAlloc.Deallocated.class, allocs.get(4).alloc());
        GlobalAlloc.VTable vt = assertInstanceOf(GlobalAlloc.VTable.class, allocs.get(5).alloc());
        assertEquals(2, ((Ty.Dynamic) vt.dynTy()).bounds().size());
        assertEquals(new GlobalAlloc.TypeId(new Ty.Int(Ty.IntTy.U8)), allocs.get(6).alloc());
        assertInstanceOf(GlobalAlloc.ExternStatic.class, allocs.get(7).alloc());
        GlobalAlloc.Static st = assertInstanceOf(GlobalAlloc.Static.class, allocs.get(8).alloc());
        assertTrue(st.evaluationError());
    }

    @Test
    void staticAllocationsWithFnPointers() {
        MirFile f = Fixtures.parse("allocs.mir");
        MirEntry.BodyEntry e = (MirEntry.BodyEntry) f.entries().get(0);
        GlobalAlloc.Static vtable = assertInstanceOf(GlobalAlloc.Static.class, e.allocations().get(0).alloc());
        assertEquals("task::wake::Waker::from_fn_ptr::VTABLE", printer.print(vtable.path(), true));
        assertEquals(4, vtable.contents().relocations().size());
        GlobalAlloc.Function fn = assertInstanceOf(GlobalAlloc.Function.class, e.allocations().get(1).alloc());
        assertInstanceOf(Instance.InstanceKind.Shim.class, fn.instance().kind());
        assertEquals(vtable.contents().relocations().get(0).target(), e.allocations().get(1).id());

        Body staticMut = f.entries().stream().filter(MirEntry.BodyEntry.class::isInstance).map(x -> ((MirEntry.BodyEntry) x).body())
                .filter(b -> b.kind() == BodyKind.STATIC_MUT).findFirst().orElseThrow();
        assertEquals("sys::pal::unix::stack_overflow::thread_info::THREAD_INFO", printer.print(staticMut.path(), true));
    }

    @Test
    void asyncBodiesFromAUserCrate() {
        MirFile f = Fixtures.parse("user_crate.mir");
        Body asy = Fixtures.body(f, "asy");
        assertEquals("async fn body", ((Ty.Coroutine) asy.returnTy()).kind());
        Rvalue.Aggregate gen = (Rvalue.Aggregate) ((Statement.Assign) asy.basicBlocks().get(0).statements().get(0)).rvalue();
        assertEquals(new AggregateKind.Coroutine("feat.rs:32:33: 32:73 (#0)", List.of("x")), gen.kind());

        Body poll = Fixtures.body(f, "asy::{closure#0}");
        Ty.Coroutine block = assertInstanceOf(Ty.Coroutine.class, poll.localDecls().get(3).ty());
        assertEquals(new Ty.Coroutine("async block", null, "feat.rs:32:43: 32:48"), block);
        assertTrue(Fixtures.all(poll, ProjectionElem.Downcast.class).contains(new ProjectionElem.Downcast(null, 3)));
        assertTrue(Fixtures.all(poll, Terminator.Drop.class).stream()
                .anyMatch(d -> d.unwind().equals(new UnwindAction.Terminate(UnwindAction.TerminateReason.IN_CLEANUP))));

        // switchInt prints i8 values as their unsigned bit patterns
        Terminator.SwitchInt sw = (Terminator.SwitchInt) Fixtures.body(f, "sw").basicBlocks().get(0).terminator();
        assertEquals(List.of(BigInteger.valueOf(128), BigInteger.valueOf(255), BigInteger.ZERO, BigInteger.valueOf(127)), sw.values());
        assertTrue(Fixtures.all(Fixtures.body(f, "tls"), Rvalue.ThreadLocalRef.class).stream().anyMatch(Rvalue.ThreadLocalRef::mutable));
    }

    @Test
    void bareRootNamesAreParamsUnlessDeclared() {
        String text = MirTextReader.FILE_HEADER + """
                fn f(_1: EscapeError) -> EscapeError {
                    debug e => _1;
                    let mut _0: EscapeError;

                    bb0: {
                        _0 = copy _1;
                        return;
                    }
                }
                """;
        Body asParam = ((MirEntry.BodyEntry) MirTextReader.parse(text).entries().get(0)).body();
        assertEquals(new Ty.Param("EscapeError"), asParam.returnTy());
        Body asAdt = ((MirEntry.BodyEntry) MirTextReader.parse(text,
                new MirTextReader.Options(8, false, java.util.Set.of("EscapeError"))).entries().get(0)).body();
        assertInstanceOf(Ty.Adt.class, asAdt.returnTy());
    }
}
