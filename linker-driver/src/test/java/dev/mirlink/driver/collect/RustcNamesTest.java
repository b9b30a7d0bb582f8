package dev.mirlink.driver.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mirlink.mir.item.AssocItem;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.item.VisiblePaths;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mono items of std programs named against the MIR-only sysroot's item tables; the expected
 * strings are rustc 1.96's {@code -Zprint-mono-items -Zspan-free-formats} lines for a std binary.
 * Skipped when no sysroot has been built ({@code mirlink sysroot}).
 */
class RustcNamesTest {
    private static Program program;
    private static RustcNames names;

    @BeforeAll
    static void load() throws IOException {
        program = CachedSysroot.program("lib(core|alloc|std)(-.*)?\\.rlib");
        java.nio.file.Path sources;
        try {
            sources = dev.mirlink.bridge.rustc.Rustc.locate(null).rustSrc();
        } catch (RuntimeException e) {
            sources = null;
        }
        java.nio.file.Path src = sources;
        names = new RustcNames(program, () -> new VisiblePaths(program.tables(), "main", List.of("std")), () -> src);
    }

    private static GenericArg t(Ty ty) {
        return new GenericArg.Type(ty);
    }

    private static Ty adt(String def, GenericArg... args) {
        return new Ty.Adt(new Path(List.of(new PathSegment.Ident(def, List.of(args)))));
    }

    private static final Ty I32 = new Ty.Int(Ty.IntTy.I32), UNIT = new Ty.Tuple(List.of()),
            GLOBAL = adt("alloc::alloc::Global");

    /** The fn {@code name} of the first impl in {@code crate} that {@code which} accepts. */
    private static String implFn(String crate, Predicate<Item.Impl> which, String name) {
        ItemTable table = program.tables().get(crate);
        for (Item.Impl impl : table.impls()) {
            if (which.test(impl) && impl.item(name) instanceof AssocItem.Fn f) return f.defPath();
        }
        throw new AssertionError("no impl in " + crate + " with " + name);
    }

    private static Predicate<Item.Impl> inherentOf(String last) {
        return i -> i.traitRef() == null && i.selfTy() instanceof Ty.Adt a && a.path().last() instanceof PathSegment.Ident id
                && id.name().equals(last);
    }

    private static String name(MonoItem item) {
        return names.name(item);
    }

    @Test
    void inherentMethodOfAdtPrintsTheTypeWithDefaultsElided() {
        String len = implFn("alloc", inherentOf("Vec"), "len");
        assertEquals("fn std::vec::Vec::<i32>::len", name(MonoItem.Fn.item(len, List.of(t(I32), t(GLOBAL)))));
    }

    @Test
    void nestedFnPrintsTheImplWithIdentityArgs() {
        String reserve = implFn("alloc", inherentOf("RawVecInner"), "reserve");
        assertEquals("fn alloc::raw_vec::RawVecInner::<A>::reserve::do_reserve_and_handle::<std::alloc::Global>",
                name(MonoItem.Fn.item(reserve + "::do_reserve_and_handle", List.of(t(GLOBAL)))));
    }

    @Test
    void typeDeclaredInAnImplsFnPrintsTheImplWithIdentityArgs() {
        String drop = implFn("alloc", i -> i.traitRef() != null && i.traitRef().last() instanceof PathSegment.Ident t
                && t.name().equals("Drop") && i.selfTy() instanceof Ty.Adt a && a.path().last() instanceof PathSegment.Ident s
                && s.name().equals("VecDeque"), "drop");
        assertEquals("<std::collections::VecDeque<T, A> as std::ops::Drop>::drop::Dropper", names.path(drop + "::Dropper"));
        String tryClone = implFn("alloc", inherentOf("Box"), "try_clone_from_ref_in");
        assertEquals("std::boxed::Box<T, A>::try_clone_from_ref_in::DeallocDropGuard", names.path(tryClone + "::DeallocDropGuard"));
    }

    @Test
    void lifetimeParamsPrintErased() {
        String nu = implFn("core", inherentOf("Arguments"), "new");
        BigInteger ten = BigInteger.TEN, three = BigInteger.valueOf(3);
        assertEquals("fn std::fmt::Arguments::<'_>::new::<10, 3>", name(MonoItem.Fn.item(nu,
                List.of(new GenericArg.Const(new TyConst.Value(ten, null)), new GenericArg.Const(new TyConst.Value(three, null))))));
    }

    @Test
    void traitImplInOtherModulePrintsImplSegment() {
        String lt = implFn("core", i -> i.traitRef() != null && i.traitRef().last() instanceof PathSegment.Ident id
                && id.name().equals("PartialOrd") && i.selfTy() instanceof Ty.Int n && n.kind() == Ty.IntTy.I32, "lt");
        assertEquals("fn std::cmp::impls::<impl std::cmp::PartialOrd for i32>::lt", name(MonoItem.Fn.item(lt, List.of())));
    }

    @Test
    void variantConstructorPrintsItsEnumsArgs() {
        assertEquals("fn std::ops::ControlFlow::<i32>::Break",
                name(MonoItem.Fn.item("core::ops::control_flow::ControlFlow::Break", List.of(t(I32), t(UNIT)))));
    }

    @Test
    void fnItemTypeKeepsItsDeclaredProjections() {
        Ty add = new Ty.FnDef(new dev.mirlink.mir.ty.FnSig(List.of(), false, null, List.of(I32, I32), false, I32),
                new Path(List.of(new PathSegment.Ident("core::ops::arith::Add::add", List.of(t(I32), t(I32))))), false);
        String fn = "fn(i32, i32) -> <i32 as std::ops::Add>::Output {<i32 as std::ops::Add>::add}";
        assertEquals("fn <" + fn + " as std::ops::FnMut<(i32, i32)>>::call_mut - shim(" + fn + ")",
                name(new MonoItem.Fn(MonoItem.InstanceKind.FN_PTR_SHIM, Resolver.FN_MUT + "::call_mut",
                        List.of(t(add), t(new Ty.Tuple(List.of(I32, I32)))), add)));
    }

    @Test
    void methodOfTraitDeclaredInAFnBodyPrintsTraitQualified() {
        String toVec = implFn("alloc", i -> i.defPath().contains("::to_vec_in::<impl at "), "to_vec");
        String name = name(MonoItem.Fn.item(toVec, List.of(t(new Ty.Int(Ty.IntTy.U8)), t(GLOBAL))));
        assumeTrue(!name.contains("<impl _>"), "no rust-src to read the impl's header from");
        assertEquals("fn <u8 as std::slice::<impl [T]>::to_vec_in::ConvertVec>::to_vec::<std::alloc::Global>", name);
    }

    @Test
    void fnDeclaredInABodyPrintsItsEarlyBoundLifetimes() {
        Ty vec = adt("alloc::vec::Vec", t(I32), t(GLOBAL));
        assertEquals("fn std::iter::Iterator::partition::extend::<'_, i32, std::vec::Vec<i32>, bool>", name(MonoItem.Fn.item(
                "core::iter::traits::iterator::Iterator::partition::extend", List.of(t(I32), t(vec), t(new Ty.Bool())))));
    }

    @Test
    void legacyConstGenericsPrintAsArgs() {
        // std::arch::x86 here: these tables' visible paths are built without the target's cfg
        assertEquals("fn std::arch::x86::_mm_shuffle_epi32::<0>", name(MonoItem.Fn.item("core::core_arch::x86::sse2::_mm_shuffle_epi32",
                List.of(new GenericArg.Const(new TyConst.Value(BigInteger.ZERO, null))))));
    }

    private static String fromResidualOf(String self) {
        return implFn("core", i -> i.traitRef() != null && i.traitRef().last() instanceof PathSegment.Ident id
                && id.name().equals("FromResidual") && i.selfTy() instanceof Ty.Adt a && a.path().last() instanceof PathSegment.Ident s
                && s.name().equals(self), "from_residual");
    }

    @Test
    void defaultTraitArgIsElidedOnlyWhereTheImplLeftItOut() {
        // the default, <Self as Try>::Residual, is compared unnormalized
        assertEquals("fn <std::ops::try_trait::NeverShortCircuit<()> as std::ops::FromResidual>::from_residual",
                name(MonoItem.Fn.item(fromResidualOf("NeverShortCircuit"), List.of(t(UNIT)))));
        assertEquals("fn <std::ops::ControlFlow<()> as std::ops::FromResidual<std::ops::ControlFlow<(), std::convert::Infallible>>>::from_residual",
                name(MonoItem.Fn.item(fromResidualOf("ControlFlow"), List.of(t(UNIT), t(UNIT)))));
    }

    @Test
    void dropGlue() {
        Ty vec = adt("alloc::vec::Vec", t(I32), t(GLOBAL));
        assertEquals("fn std::ptr::drop_in_place::<std::vec::Vec<i32>> - shim(Some(std::vec::Vec<i32>))",
                name(new MonoItem.Fn(MonoItem.InstanceKind.DROP_GLUE, Resolver.DROP_IN_PLACE, List.of(t(vec)), vec)));
    }

    @Test
    void shims() {
        Ty closure = new Ty.Closure(new Path(List.of(new PathSegment.Ident("std::rt::lang_start::{closure#0}", List.of(t(UNIT))))));
        String callOnce = Resolver.FN_ONCE + "::call_once";
        assertEquals("fn <{closure@std::rt::lang_start<()>::{closure#0}} as std::ops::FnOnce<()>>::call_once - shim",
                name(new MonoItem.Fn(MonoItem.InstanceKind.CLOSURE_ONCE_SHIM, callOnce, List.of(t(closure), t(UNIT)), null)));
        Ty fn = new Ty.FnPtr(new dev.mirlink.mir.ty.FnSig(List.of(), false, null, List.of(), false, UNIT));
        assertEquals("fn <fn() as std::ops::FnOnce<()>>::call_once - shim(fn())",
                name(new MonoItem.Fn(MonoItem.InstanceKind.FN_PTR_SHIM, callOnce, List.of(t(fn), t(UNIT)), fn)));
        assertEquals("fn std::rt::lang_start::<()>", name(MonoItem.Fn.item("std::rt::lang_start", List.of(t(UNIT)))));
    }
}
