package dev.mirlink.driver.codegen;

import dev.mirlink.driver.collect.CollectException;
import dev.mirlink.driver.collect.Collector;
import dev.mirlink.driver.collect.MonoItem;
import dev.mirlink.driver.collect.MonoItemPrinter;
import dev.mirlink.driver.collect.Program;
import dev.mirlink.driver.collect.Resolver;
import dev.mirlink.driver.consteval.ConstAlloc;
import dev.mirlink.llvm.Callee;
import dev.mirlink.llvm.CallConv;
import dev.mirlink.llvm.CodegenEnv;
import dev.mirlink.llvm.CodegenUnit;
import dev.mirlink.llvm.ConstData;
import dev.mirlink.llvm.DataItem;
import dev.mirlink.llvm.LlvmException;
import dev.mirlink.llvm.MonoFn;
import dev.mirlink.mir.body.AssertMessage;
import dev.mirlink.mir.item.CodegenAttrs;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.layout.ItemTablesTypeEnv;
import dev.mirlink.mir.layout.Layout;
import dev.mirlink.mir.layout.LayoutCx;
import dev.mirlink.mir.layout.TargetDataLayout;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Ty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The program as code generation sees it (the {@link CodegenEnv}): symbols of instances, statics
 * and vtables, layouts, drop glue, and the codegen units. The collector's structures are not
 * thread-safe, so every question from the codegen threads takes {@link #lock}; the answers do not
 * depend on the order in which they are asked.
 */
public final class ProgramCodegen implements CodegenEnv {
    final Object lock = new Object();
    final Program program;
    final Collector collector;
    final Resolver resolver;
    private final LayoutCx lcx;
    private final Map<MonoItem, String> symbols = new HashMap<>();
    private final Map<ConstAlloc, ConstData> data = new IdentityHashMap<>();
    final Shims shims;

    public ProgramCodegen(Program program, Collector collector, String target) {
        this.program = program;
        this.collector = collector;
        this.resolver = collector.resolver();
        this.lcx = new LayoutCx(TargetDataLayout.forTarget(target), new ItemTablesTypeEnv(program.tables()));
        this.shims = new Shims(this);
    }

    // ---- units

    /**
     * The codegen units: fns sorted by symbol, cut into at most {@code 16} units of similar size, so the
     * partition depends on the program only, never on the number of jobs (rustc's default for
     * non-incremental builds is 16 units too).
     */
    public List<CodegenUnit> units(Collector.Result result) {
        List<MonoFn> fns = new ArrayList<>();
        List<DataItem> globals = new ArrayList<>();
        for (MonoItem item : result.items()) {
            switch (item) {
                case MonoItem.Fn f -> fns.add(monoFn(f));
                case MonoItem.Static s -> globals.add(staticItem(s));
            }
        }
        for (Collector.Vtable v : result.vtables()) {
            globals.add(vtableItem(v.concrete(), v.dyn()));
            collectedVtables.add(Symbols.vtable(v.concrete(), v.dyn()));
        }
        fns.sort(Comparator.comparing(MonoFn::symbol));
        globals.sort(Comparator.comparing(DataItem::symbol));
        int count = Math.max(1, Math.min(16, fns.size() / 32));
        List<CodegenUnit> units = new ArrayList<>();
        for (int u = 0; u < count; u++) {
            List<MonoFn> part = fns.subList(fns.size() * u / count, fns.size() * (u + 1) / count);
            units.add(new CodegenUnit("cgu." + u, part, u == 0 ? globals : List.of()));
        }
        return units;
    }

    private MonoFn monoFn(MonoItem.Fn f) {
        if (f.kind() == MonoItem.InstanceKind.ITEM || f.kind() == MonoItem.InstanceKind.REIFY_SHIM) {
            var entry = program.body(f.defPath());
            if (entry != null) return new InstanceFn(this, f, entry);
        }
        return shims.of(f);
    }

    // ---- symbols

    String symbol(MonoItem item) {
        synchronized (lock) {
            return symbols.computeIfAbsent(item, this::computeSymbol);
        }
    }

    private String computeSymbol(MonoItem item) {
        String def = switch (item) {
            case MonoItem.Fn f -> f.kind() == MonoItem.InstanceKind.ITEM ? f.defPath() : null;
            case MonoItem.Static s -> s.defPath();
        };
        if (def != null) {
            List<String> attrs = switch (resolver.valueItem(def)) {
                case Item.Fn fn -> fn.attrs();
                case Item.Static st -> st.attrs();
                case null, default -> List.of();
            };
            String export = CodegenAttrs.exportName(attrs);
            if (export != null) return export;
            if (attrs.contains(CodegenAttrs.NO_MANGLE)) return DefPaths.last(def);
            if ("PanicImpl".equals(CodegenAttrs.lang(attrs))) return "panic_impl";
        }
        return Symbols.of(item);
    }

    /** For each instance's symbol, the instance that reached it (for undefined-symbol errors). */
    public Map<String, String> referrers(Collector.Result result) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<MonoItem, java.util.Set<MonoItem>> e : result.reachedFrom().entrySet()) {
            if (!e.getValue().isEmpty()) out.put(symbol(e.getKey()), MonoItemPrinter.CANONICAL.print(e.getValue().iterator().next()));
        }
        return out;
    }

    boolean exported(MonoItem item) {
        return !symbol(item).startsWith("_ZN");
    }

    /** The callee for a resolved instance. */
    Callee.Fn fnCallee(MonoItem.Fn fn) {
        return new Callee.Fn(symbol(fn), callConv(fn), trackCaller(fn));
    }

    boolean trackCaller(MonoItem.Fn fn) {
        return fn.kind() == MonoItem.InstanceKind.ITEM && resolver.valueItem(fn.defPath()) instanceof Item.Fn f
                && f.attrs().contains(CodegenAttrs.TRACK_CALLER);
    }

    /** How callers pass args to an instance: closures and shims of Fn-trait methods take the args tuple spread. */
    CallConv callConv(MonoItem.Fn fn) {
        if (fn.kind() != MonoItem.InstanceKind.ITEM && fn.kind() != MonoItem.InstanceKind.REIFY_SHIM) return shims.callConv(fn);
        if (isClosure(fn.defPath())) return CallConv.RUST_CALL;
        return resolver.valueItem(fn.defPath()) instanceof Item.Fn f ? declaredConv(f) : CallConv.RUST;
    }

    private static CallConv declaredConv(Item.Fn f) {
        return CallConv.of(f.header().abi() == null ? f.sig().abi() : f.header().abi());
    }

    static boolean isClosure(String defPath) {
        return DefPaths.last(defPath).startsWith("{closure#");
    }

    // ---- CodegenEnv

    @Override
    public Layout layout(Ty ty) {
        synchronized (lock) {
            try {
                return collector.evaluator().layout(ty);
            } catch (RuntimeException e) {
                throw new LlvmException("no layout for " + MonoItemPrinter.CANONICAL.ty(ty) + ": " + e.getMessage());
            }
        }
    }

    @Override
    public Item.Adt adtDef(Ty.Adt adt) {
        synchronized (lock) {
            return lcx.adtDef(adt);
        }
    }

    @Override
    public List<Ty> fieldTys(Ty.Adt adt) {
        synchronized (lock) {
            return collector.adtFieldTys(adt);
        }
    }

    @Override
    public Callee dropInPlace(Ty ty) {
        synchronized (lock) {
            if (!collector.needsDrop(ty)) return new Callee.NoOp();
            return new Callee.Fn(symbol(Collector.dropGlueOf(ty)), CallConv.RUST, false);
        }
    }

    @Override
    public String vtable(Ty concrete, Ty.Dynamic dyn) {
        String symbol = Symbols.vtable(concrete, dyn);
        if (!collectedVtables.contains(symbol)) {
            throw new LlvmException("the vtable of " + MonoItemPrinter.CANONICAL.ty(concrete) + " as " + MonoItemPrinter.CANONICAL.ty(dyn)
                    + " was not collected");
        }
        return symbol;
    }

    @Override
    public boolean vtablePrefix(Ty.Dynamic from, Ty.Dynamic to) {
        synchronized (lock) {
            List<Collector.VtableMethod> f = collector.vtableMethods(null, from), t = collector.vtableMethods(null, to);
            return f.size() >= t.size() && f.subList(0, t.size()).equals(t);
        }
    }

    /** Written once by {@link #units} before the codegen threads start. */
    private final java.util.Set<String> collectedVtables = new java.util.HashSet<>();

    @Override
    public String assertPanic(AssertMessage msg) {
        synchronized (lock) {
            return symbol(MonoItem.Fn.item(collector.langItem(Collector.assertPanicLang(msg)), List.of()));
        }
    }

    /** What a resolved call runs, for the backend. */
    Callee callee(Resolver.Callee c) {
        return switch (c) {
            case Resolver.Callee.Instance i -> fnCallee(i.fn());
            case Resolver.Callee.Virtual v -> new Callee.Virtual(vtableIndex(v.traitMethod(), (Ty.Dynamic) v.self()),
                    resolver.valueItem(v.traitMethod()) instanceof Item.Fn f ? declaredConv(f) : CallConv.RUST);
            case Resolver.Callee.Intrinsic in -> new Callee.Intrinsic(DefPaths.last(in.defPath()), in.args(),
                    in.hasFallback() ? symbol(MonoItem.Fn.item(in.defPath(), in.args())) : null);
            case Resolver.Callee.NoOp n -> new Callee.NoOp();
            case Resolver.Callee.Foreign f -> foreignCallee(f.symbol());
        };
    }

    /** A call by symbol: the program's fn it names (or the allocator shim forwards to); the shim's marker fn does nothing. */
    private Callee foreignCallee(String symbol) {
        if (symbol.equals("__rust_no_alloc_shim_is_unstable_v2")) return new Callee.NoOp();
        String target = collector.foreignTarget(symbol);
        return target != null ? fnCallee(MonoItem.Fn.item(target, List.of())) : new Callee.Fn(symbol, foreignConv(symbol), false);
    }

    /** Symbols core calls through {@code extern "Rust"} declarations; everything else outside the program is C. */
    private static CallConv foreignConv(String symbol) {
        return symbol.equals("panic_impl") || symbol.startsWith("__rust_") || symbol.startsWith("__rdl_") ? CallConv.RUST : CallConv.C;
    }

    /** The symbol a fn item becomes as a fn pointer. */
    String reify(Resolver.Callee c) {
        return switch (c) {
            case Resolver.Callee.Instance i -> symbol(collector.forFnPointer(i.fn()));
            case Resolver.Callee.Foreign f -> f.symbol();
            case Resolver.Callee.NoOp n -> symbol(Collector.dropGlueOf(null));
            default -> throw new LlvmException("unsupported: a fn pointer to " + c);
        };
    }

    /** A {@code core::panic::Location} constant: the file name (NUL-terminated, the length without it), line and column. */
    ConstData location(String file, int line, int col) {
        Ty.Adt ty = new Ty.Adt(new dev.mirlink.mir.ty.Path(List.of(new dev.mirlink.mir.ty.PathSegment.Ident(
                "core::panic::location::Location", List.of()))));
        Layout l = layout(ty);
        byte[] name = (file + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ConstData nameData = new ConstData(name, 1, false, Map.of());
        byte[] bytes = new byte[(int) l.size()];
        long nameOff = l.fields().offset(0);
        putLong(bytes, (int) nameOff + 8, name.length - 1);
        putInt(bytes, (int) l.fields().offset(1), line);
        putInt(bytes, (int) l.fields().offset(2), col);
        return new ConstData(bytes, l.align(), false, Map.of(nameOff, new ConstData.Reloc.Memory(nameData)));
    }

    private static void putInt(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) b[off + i] = (byte) (v >>> (8 * i));
    }

    /** The vtable slot of a virtual call to {@code traitMethod} on {@code self}: after drop glue, size and align. */
    int vtableIndex(String traitMethod, Ty.Dynamic self) {
        List<Collector.VtableMethod> methods = collector.vtableMethods(null, self);
        for (int i = 0; i < methods.size(); i++) if (methods.get(i).traitMethod().equals(traitMethod)) return 3 + i;
        throw new LlvmException("no vtable entry for " + traitMethod + " in " + MonoItemPrinter.CANONICAL.ty(self));
    }

    // ---- data

    private DataItem staticItem(MonoItem.Static s) {
        Item item = resolver.valueItem(s.defPath());
        boolean threadLocal = item instanceof Item.Static st && st.attrs().contains("thread_local");
        ConstAlloc value;
        try {
            value = collector.evaluator().evalStatic(s.defPath());
        } catch (RuntimeException e) {
            throw new CollectException("cannot evaluate static " + s.defPath() + ": " + e.getMessage());
        }
        // writable whatever the declaration: a static with interior mutability must be, and the others lose only .rodata
        ConstData d = constData(value);
        d = new ConstData(d.bytes(), d.align(), true, d.relocations());
        return new DataItem(symbol(s), d, exported(s), threadLocal, "static " + s.defPath());
    }

    /** A vtable (rustc_middle/src/ty/vtable.rs): drop glue, size, align, then the methods. */
    private DataItem vtableItem(Ty concrete, Ty.Dynamic dyn) {
        Layout l = layout(concrete);
        List<Collector.VtableMethod> methods = collector.vtableMethods(concrete, dyn);
        int ps = 8;
        byte[] bytes = new byte[ps * (3 + methods.size())];
        TreeMap<Long, ConstData.Reloc> relocs = new TreeMap<>();
        if (collector.needsDrop(concrete)) relocs.put(0L, new ConstData.Reloc.Fn(symbol(Collector.dropGlueOf(concrete))));
        putLong(bytes, ps, l.size());
        putLong(bytes, 2 * ps, l.align());
        for (int i = 0; i < methods.size(); i++) {
            MonoItem m = methods.get(i).instance();
            if (m != null) relocs.put((long) (3 + i) * ps, new ConstData.Reloc.Fn(symbol(m)));
        }
        return new DataItem(Symbols.vtable(concrete, dyn), new ConstData(bytes, ps, false, relocs), false, false,
                "vtable of " + MonoItemPrinter.CANONICAL.ty(concrete));
    }

    private static void putLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) b[off + i] = (byte) (v >>> (8 * i));
    }

    /** An evaluated constant with its pointers as symbols. */
    ConstData constData(ConstAlloc a) {
        synchronized (lock) {
            ConstData d = data.get(a);
            if (d != null) return d;
            TreeMap<Long, ConstData.Reloc> relocs = new TreeMap<>();
            for (Map.Entry<Long, ConstAlloc.Target> e : a.relocations().entrySet()) {
                // a TypeId's pointers: their offsets are the hash's bytes, kept without provenance (as rustc's codegen does)
                if (e.getValue() instanceof ConstAlloc.Target.TypeId) continue;
                relocs.put(e.getKey(), switch (e.getValue()) {
                    case ConstAlloc.Target.Memory m -> new ConstData.Reloc.Memory(constData(m.alloc()));
                    case ConstAlloc.Target.Fn f -> new ConstData.Reloc.Fn(symbol(collector.forFnPointer(f.instance())));
                    case ConstAlloc.Target.Static s -> new ConstData.Reloc.Data(symbol(new MonoItem.Static(s.defPath())));
                    case ConstAlloc.Target.ExternStatic s -> s.weak() ? new ConstData.Reloc.ExternWeak(s.symbol()) : new ConstData.Reloc.Data(s.symbol());
                    case ConstAlloc.Target.VTable v when v.dynTy() instanceof Ty.Dynamic dyn -> new ConstData.Reloc.Data(Symbols.vtable(v.ty(), dyn));
                    default -> throw new LlvmException("unsupported: pointer to " + e.getValue() + " in a constant");
                });
            }
            int align = a.ty() == null ? 1 : layout(a.ty()).align();
            d = new ConstData(a.bytes(), align, a.mutable(), relocs);
            data.put(a, d);
            return d;
        }
    }
}
