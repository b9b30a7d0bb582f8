package dev.mirlink.llvm;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.bytedeco.llvm.global.LLVM.*;

/**
 * Compiles codegen units to objects on a bounded pool (STYLE 7): each unit gets its own context,
 * module and TargetMachine, and results are joined in unit order, so the objects do not depend on
 * the number of jobs.
 */
public final class Codegen {
    public record Options(CodegenTarget target, int optLevel, int jobs) {}

    /** One unit's object and how long it took: building the IR, then LLVM's optimization, then emission. */
    public record UnitResult(String name, byte[] object, int fns, long irNanos, long optimizeNanos, long emitNanos) {}

    private Codegen() {}

    public static List<UnitResult> compile(CodegenEnv env, List<CodegenUnit> units, Options options) {
        if (options.jobs() < 1) throw new LlvmException("--jobs must be at least 1, not " + options.jobs());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.jobs(), Math.max(1, units.size())), r -> {
            Thread t = new Thread(r, "mirlink-codegen");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<UnitResult>> futures = new ArrayList<>();
            for (CodegenUnit u : units) futures.add(pool.submit(() -> compile(env, u, options)));
            List<UnitResult> out = new ArrayList<>();
            for (Future<UnitResult> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new LlvmException(String.valueOf(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LlvmException("interrupted");
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code $MIRLINK_DUMP_IR}: a directory that receives each unit's LLVM IR before optimization, for debugging. */
    private static final String DUMP_IR = System.getenv("MIRLINK_DUMP_IR");

    private static UnitResult compile(CodegenEnv env, CodegenUnit unit, Options options) {
        try (ModuleCx cx = new ModuleCx(env, options.target(), unit.name());
             TargetMachine tm = new TargetMachine(options.target(), options.optLevel())) {
            long t0 = System.nanoTime();
            tm.prepare(cx.module);
            List<LLVMValueRef> llfns = new ArrayList<>();
            List<FnAbi> abis = new ArrayList<>();
            for (MonoFn fn : unit.fns()) {
                FnAbi abi = FnAbi.of(cx, fn.conv(), FunctionCx.argTys(fn), fn.monomorphize(fn.body().returnTy()), fn.trackCaller(), fn.describe());
                LLVMValueRef llfn = cx.function(fn.symbol(), cx.fnType(abi));
                if (LLVMCountBasicBlocks(llfn) > 0) throw new LlvmException("symbol " + fn.symbol() + " defined twice (" + fn.describe() + ")");
                if (!fn.exported()) LLVMSetVisibility(llfn, LLVMHiddenVisibility);
                cx.addAttribute(llfn, LLVMAttributeFunctionIndex, "nounwind");
                abi.applyAttributes(cx, llfn, false);
                llfns.add(llfn);
                abis.add(abi);
            }
            // after the fns, so that data pointing at them does not declare them first with a placeholder type
            defineData(cx, unit.data());
            for (int i = 0; i < unit.fns().size(); i++) {
                MonoFn fn = unit.fns().get(i);
                try {
                    new FunctionCx(cx, fn, llfns.get(i), abis.get(i)).codegen();
                } catch (LlvmException e) {
                    throw e.getMessage().contains(" in " + fn.describe()) ? e : new LlvmException(e.getMessage() + " (in " + fn.describe() + ")", e);
                } catch (RuntimeException e) {
                    throw new LlvmException("cannot generate " + fn.describe() + ": " + e, e);
                }
            }
            long t1 = System.nanoTime();
            if (DUMP_IR != null) LLVMPrintModuleToFile(cx.module, DUMP_IR + "/" + unit.name() + ".ll", new BytePointer((Pointer) null));
            tm.optimize(cx.module);
            long t2 = System.nanoTime();
            byte[] object = tm.emit(cx.module);
            long t3 = System.nanoTime();
            return new UnitResult(unit.name(), object, unit.fns().size(), t1 - t0, t2 - t1, t3 - t2);
        }
    }

    /** Globals first, all of them, so that initializers can point at each other. */
    private static void defineData(ModuleCx cx, List<DataItem> data) {
        List<LLVMValueRef> globals = new ArrayList<>();
        for (DataItem d : data) {
            if (LLVMGetNamedGlobal(cx.module, d.symbol()) != null && !LLVMGetNamedGlobal(cx.module, d.symbol()).isNull()) {
                throw new LlvmException("symbol " + d.symbol() + " defined twice (" + d.describe() + ")");
            }
            LLVMValueRef g = LLVMAddGlobal(cx.module, cx.constType(d.value()), d.symbol());
            LLVMSetAlignment(g, Math.max(1, d.value().align()));
            LLVMSetGlobalConstant(g, d.value().mutable() ? 0 : 1);
            if (d.threadLocal()) LLVMSetThreadLocal(g, 1);
            if (!d.exported()) LLVMSetVisibility(g, LLVMHiddenVisibility);
            globals.add(g);
        }
        for (int i = 0; i < data.size(); i++) LLVMSetInitializer(globals.get(i), cx.constValue(data.get(i).value()));
    }
}
