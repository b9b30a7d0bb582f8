package dev.mirlink.driver.collect;

import dev.mirlink.driver.consteval.ConstEvaluator;
import dev.mirlink.mir.CrateItem;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.BodyKind;
import dev.mirlink.mir.body.ConstValue;
import dev.mirlink.mir.body.LocalDecl;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.item.Field;
import dev.mirlink.mir.item.GenericParam;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.Variant;
import dev.mirlink.mir.layout.Layout;
import dev.mirlink.mir.layout.LayoutCx;
import dev.mirlink.mir.layout.TargetDataLayout;
import dev.mirlink.mir.layout.TypeEnv;
import dev.mirlink.mir.layout.Variants;
import dev.mirlink.mir.traits.Subst;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Ty;

import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code -Zprint-type-sizes} for a collected program: the concrete types codegen lays out (every
 * local of every collected body, drop glue and shim types, vtable types, statics, and recursively
 * their fields, upvars, elements and pointees), recorded as rustc's {@code record_layout_for_printing}
 * does (rustc_ty_utils/src/layout.rs: ADTs and closures) and printed as {@code CodeStats::print_type_sizes}
 * (rustc_session/src/code_stats.rs). The whole program is seen, so upstream crates' types print too.
 */
public final class TypeSizes {
    /** rustc's {@code DataTypeKind} (coroutines are not laid out yet). */
    enum Kind { STRUCT, UNION, ENUM, CLOSURE }

    record FieldInfo(String name, long offset, long size, long align) {}

    record VariantInfo(String name, long size, List<FieldInfo> fields) {
        VariantInfo { fields = List.copyOf(fields); }
    }

    /** rustc's {@code TypeSizeInfo}; {@code discrSize} is null without a direct tag. */
    record Info(Kind kind, String description, long align, long size, boolean packed, Long discrSize,
                List<VariantInfo> variants) {
        Info { variants = List.copyOf(variants); }
    }

    private static final boolean DEBUG = System.getenv("MIRLINK_TYPE_SIZES_DEBUG") != null;

    private final Program program;
    private final Collector collector;
    private final Resolver resolver;
    private final LayoutCx lcx;
    private final MonoItemNames names;
    private final Set<Ty> seen = new HashSet<>();
    private final ArrayDeque<Ty> todo = new ArrayDeque<>();
    private final Set<Info> infos = new LinkedHashSet<>();
    /** Types whose layout or fields could not be computed, with why (for diagnostics). */
    private final Map<Ty, String> failed = new HashMap<>();

    TypeSizes(Program program, Collector collector, String target, MonoItemNames names) {
        this.program = program;
        this.collector = collector;
        this.resolver = collector.resolver();
        this.names = names;
        this.lcx = new LayoutCx(TargetDataLayout.forTarget(target), env());
    }

    /** The lines rustc would print for the program {@code result} collected, in rustc's order. */
    public static List<String> lines(Program program, Collector collector, Collector.Result result, String target, MonoItemNames names) {
        long t0 = System.nanoTime();
        TypeSizes ts = new TypeSizes(program, collector, target, names);
        ts.seed(result);
        long t1 = System.nanoTime();
        ts.drain();
        List<String> lines = format(ts.infos);
        if (DEBUG) {
            System.err.printf("type-sizes: seed %d ms, layout and names %d ms, %d types, %d printed%n",
                    (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000, ts.seen.size(), ts.infos.size());
            ts.failed.forEach((t, why) -> System.err.println("type-sizes: skipped " + MonoItemPrinter.CANONICAL.ty(t) + ": " + why));
        }
        return lines;
    }

    private TypeEnv env() {
        return new SelectingTypeEnv(program, resolver, collector::upvars);
    }

    // ---- which types codegen lays out

    private void seed(Collector.Result result) {
        for (MonoItem item : result.items()) {
            switch (item) {
                case MonoItem.Fn f when f.kind() == MonoItem.InstanceKind.ITEM || f.kind() == MonoItem.InstanceKind.REIFY_SHIM -> {
                    MirEntry.BodyEntry e = program.body(f.defPath());
                    if (e != null) {
                        locals(f.defPath(), f.args(), e.body());
                        evaluated(f.defPath(), f.args(), e.body(), 0);
                    }
                }
                case MonoItem.Fn f -> {
                    // shims: their bodies are built by rustc from the types they are for
                    for (GenericArg a : f.args()) if (a instanceof GenericArg.Type t) add(t.ty());
                    if (f.shimTy() != null) add(f.shimTy());
                }
                case MonoItem.Static s -> {
                    MirEntry.BodyEntry e = program.staticBody(s.defPath());
                    if (e != null) locals(s.defPath(), List.of(), e.body());
                }
            }
        }
        for (Collector.Vtable v : result.vtables()) add(v.concrete());
    }

    /** The types of a body's locals under an instance's args, as {@link BodyUses} reads them. */
    private void locals(String owner, List<GenericArg> args, Body body) {
        Subst subst;
        try {
            subst = resolver.substFor(owner, args);
        } catch (RuntimeException e) {
            return;
        }
        String crate = Program.crateOf(owner);
        for (LocalDecl d : body.localDecls()) {
            try {
                Ty t = resolver.ty(crate, subst.ty(d.ty()));
                if (DEBUG && hasParam(t)) System.err.println("type-sizes: generic local in " + owner + " " + subst.args() + ": " + MonoItemPrinter.CANONICAL.ty(t));
                add(t);
            } catch (RuntimeException e) {
                // a local whose type we cannot make concrete: its layout is not printed
                failed.put(d.ty(), owner + ": " + e.getMessage());
            }
        }
    }

    private final Set<String> evaluatedConsts = new HashSet<>(), constPaths = new HashSet<>();
    private final Map<Body, List<ConstValue>> bodyConsts = new java.util.IdentityHashMap<>();

    /**
     * Constants a body uses are evaluated at compile time, and the interpreter's layouts are recorded
     * as codegen's are (layout_of is one query): the locals of promoteds and of const items' bodies,
     * and of the consts those use in turn (not of the const fns they call).
     */
    private void evaluated(String owner, List<GenericArg> args, Body body, int depth) {
        if (depth > 4) return;
        String crate = Program.crateOf(owner);
        Subst subst;
        try {
            subst = resolver.substFor(owner, args);
        } catch (RuntimeException e) {
            return;
        }
        List<ConstValue> consts = bodyConsts.get(body);
        if (consts == null) {
            consts = new ArrayList<>();
            constants(body.basicBlocks(), consts);
            bodyConsts.put(body, consts);
        }
        for (ConstValue c : consts) {
            try {
                switch (c) {
                    case ConstValue.Promoted p -> {
                        MonoItem.Fn of = resolver.item(crate, subst.path(p.owner()));
                        if (!evaluatedConsts.add(MonoItemPrinter.CANONICAL.print(of) + "#" + p.index())) continue;
                        MirEntry.BodyEntry pe = program.promoted(of.defPath(), p.index());
                        Body promoted = pe == null ? null : pe.body();
                        if (promoted != null) {
                            locals(of.defPath(), of.args(), promoted);
                            evaluated(of.defPath(), of.args(), promoted, depth + 1);
                        }
                    }
                    case ConstValue.ValuePath v -> {
                        Path path = subst.path(v.path());
                        if (!constPaths.add(crate + " " + MonoItemPrinter.CANONICAL.path(path))) continue;
                        String def = constEvaluator().resolveDefPath(crate, path);
                        if (def == null) continue;
                        // an assoc const's args as a value path's, when the resolver can tell them
                        List<GenericArg> constArgs = List.of();
                        try {
                            MonoItem.Fn it = resolver.item(crate, path);
                            if (it.defPath().equals(def)) constArgs = it.args();
                        } catch (RuntimeException e) {
                            // read without args: its generic locals are skipped
                        }
                        if (!evaluatedConsts.add(def + " " + constArgs)) continue;
                        Body b = constBody(def);
                        if (b != null) {
                            locals(def, constArgs, b);
                            evaluated(def, constArgs, b, depth + 1);
                        }
                    }
                    default -> { }
                }
            } catch (RuntimeException e) {
                // a const we cannot resolve: its evaluation's layouts are not printed
            }
        }
    }

    private ConstEvaluator constEvaluator;

    private ConstEvaluator constEvaluator() {
        if (constEvaluator == null) constEvaluator = collector.evaluator() != null ? collector.evaluator() : new ConstEvaluator(program, resolver, lcx);
        return constEvaluator;
    }

    /** The const body at {@code defPath} (a {@code {constant#N}} under its owner), or null. */
    private Body constBody(String defPath) {
        for (MirEntry.BodyEntry b : program.bodiesAt(defPath)) {
            if (b.body().promoted() < 0 && !b.body().forCtfe()
                    && (b.body().kind() == BodyKind.CONST || b.body().kind() == BodyKind.ANON_CONST)) return b.body();
        }
        return null;
    }

    /** The promoted and unevaluated constants among a body's operands, found by walking its MIR records. */
    private static void constants(Object node, List<ConstValue> out) {
        switch (node) {
            case ConstValue.Promoted p -> out.add(p);
            case ConstValue.ValuePath v -> out.add(v);
            case List<?> l -> {
                for (Object x : l) constants(x, out);
            }
            case Record r -> {
                for (var accessor : COMPONENTS.get(r.getClass())) {
                    Object v;
                    try {
                        v = accessor.invoke(r);
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                    if (v != null) constants(v, out);
                }
            }
            case null, default -> { }
        }
    }

    /** The components of a MIR body record that may hold operands (types, paths and spans never do). */
    private static final ClassValue<List<java.lang.invoke.MethodHandle>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<java.lang.invoke.MethodHandle> computeValue(Class<?> c) {
            List<java.lang.invoke.MethodHandle> out = new ArrayList<>();
            if (!c.getPackageName().equals(Body.class.getPackageName())) return out;
            for (RecordComponent rc : c.getRecordComponents()) {
                Class<?> t = rc.getType();
                if (t.isPrimitive() || t == String.class || Ty.class.isAssignableFrom(t) || t == Path.class) continue;
                try {
                    rc.getAccessor().setAccessible(true);
                    out.add(java.lang.invoke.MethodHandles.lookup().unreflect(rc.getAccessor()));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // not readable: it holds no operands we could use
                }
            }
            return out;
        }
    };

    Collection<Info> infos() {
        return infos;
    }

    void add(Ty t) {
        if (t != null && seen.add(t)) todo.add(t);
    }

    void drain() {
        while (!todo.isEmpty()) {
            Ty t = todo.poll();
            try {
                visit(t);
            } catch (RuntimeException | StackOverflowError e) {
                failed.put(t, String.valueOf(e.getMessage()));
            }
        }
    }

    /**
     * Records {@code t} and queues what its layout needs (layout_of of fields, upvars, elements);
     * pointees too, as codegen lays them out for derefs and for argument attributes.
     */
    private void visit(Ty t) {
        switch (t) {
            case Ty.Adt a -> {
                if (hasParam(a)) return;
                Item.Adt def = lcx.adtDef(a);
                if (def == null) return;
                List<List<Ty>> fields = fieldTys(a, def);
                fields.forEach(vs -> vs.forEach(this::add));
                infos.add(adtInfo(a, def, lcx.layoutOf(a)));
            }
            case Ty.Closure c -> {
                if (hasParam(c)) return;
                List<Ty> upvars = collector.upvars(c);
                upvars.forEach(this::add);
                Layout l = lcx.layoutOf(c);
                // record_layout_for_printing records closures without variants
                infos.add(new Info(Kind.CLOSURE, names.ty(c), l.align(), l.size(), false, null, List.of()));
            }
            case Ty.Tuple tu -> tu.elements().forEach(this::add);
            case Ty.Array ar -> add(ar.element());
            case Ty.Slice s -> add(s.element());
            case Ty.Ref r -> pointer(r.pointee());
            case Ty.RawPtr r -> pointer(r.pointee());
            case Ty.Pat p -> add(p.base());
            default -> { }
        }
    }

    /**
     * A pointer's metadata field of a {@code dyn} pointee is {@code DynMetadata<dyn Trait>}
     * (rustc_middle/src/ty/layout.rs {@code field_ty_or_layout}), laid out when codegen splits the pointer.
     */
    private void pointer(Ty pointee) {
        add(pointee);
        Ty tail = structTail(pointee);
        if (tail instanceof Ty.Dynamic) {
            add(new Ty.Adt(new Path(List.of(new PathSegment.Ident(DYN_METADATA, List.of(new GenericArg.Type(tail)))))));
        }
    }

    /** rustc's {@code struct_tail}: the last field, recursively, of structs and tuples. */
    private Ty structTail(Ty t) {
        for (int depth = 0; depth < 16; depth++) {
            if (t instanceof Ty.Tuple tu && !tu.elements().isEmpty()) {
                t = tu.elements().get(tu.elements().size() - 1);
            } else if (t instanceof Ty.Adt a && !hasParam(a) && lcx.adtDef(a) instanceof Item.Adt def
                    && def.kind() == Item.Adt.Kind.STRUCT && !def.fields().isEmpty()) {
                List<Ty> fs = fieldTys(a, def).get(0);
                if (fs.size() != def.fields().size()) return t;
                t = fs.get(fs.size() - 1);
            } else {
                return t;
            }
        }
        return t;
    }

    private static final String DYN_METADATA = "core::ptr::metadata::DynMetadata";

    /** The field types of each variant, with the ADT's args (defaults filled) substituted, canonical. */
    private List<List<Ty>> fieldTys(Ty.Adt a, Item.Adt def) {
        List<GenericArg> args = ((PathSegment.Ident) a.path().last()).args();
        Map<String, GenericArg> m = new HashMap<>();
        int i = 0;
        for (GenericParam p : def.generics().params()) {
            if (p instanceof GenericParam.Lifetime) continue;
            if (i < args.size()) m.put(p.name(), args.get(i++));
            else if (p instanceof GenericParam.Type ty && ty.defaultTy() != null) {
                m.put(p.name(), new GenericArg.Type(new Subst(m).ty(ty.defaultTy())));
            }
        }
        Subst s = new Subst(m);
        List<List<Ty>> out = new ArrayList<>();
        for (Variant v : def.variants()) {
            List<Ty> tys = new ArrayList<>();
            for (Field f : v.fields()) {
                try {
                    tys.add(resolver.tyIn(def.defPath(), s.ty(f.ty())));
                } catch (RuntimeException e) {
                    // its layout still comes from LayoutCx; only the recursion misses it
                }
            }
            out.add(tys);
        }
        return out;
    }

    /** rustc_ty_utils/src/layout.rs {@code variant_info_for_adt}. */
    private Info adtInfo(Ty.Adt a, Item.Adt def, Layout layout) {
        List<List<Layout>> fieldLayouts = lcx.fieldLayouts(a);
        List<VariantInfo> variants = new ArrayList<>();
        Long discr = null;
        switch (layout.variants()) {
            case Variants.Empty e -> { }
            case Variants.Single s -> variants.add(variantInfo(def.variants().get(s.index()), fieldLayouts.get(s.index()), layout));
            case Variants.Multiple m -> {
                for (int i = 0; i < def.variants().size(); i++) {
                    variants.add(variantInfo(def.variants().get(i), fieldLayouts.get(i), m.variants().get(i)));
                }
                if (m.encoding() instanceof Variants.Direct) discr = (long) m.tag().size();
            }
        }
        Kind kind = switch (def.kind()) {
            case STRUCT -> Kind.STRUCT;
            case ENUM -> Kind.ENUM;
            case UNION -> Kind.UNION;
        };
        return new Info(kind, names.ty(a), layout.align(), layout.size(), def.repr().packed() != null, discr, variants);
    }

    private static VariantInfo variantInfo(Variant v, List<Layout> fieldLayouts, Layout layout) {
        long minSize = 0;
        List<FieldInfo> fields = new ArrayList<>();
        for (int i = 0; i < v.fields().size(); i++) {
            Layout f = fieldLayouts.get(i);
            long offset = layout.fields().offset(i);
            minSize = Math.max(minSize, offset + f.size());
            fields.add(new FieldInfo(v.fields().get(i).name(), offset, f.size(), f.align()));
        }
        return new VariantInfo(v.name(), minSize == 0 ? layout.size() : minSize, fields);
    }

    /** rustc skips layouts with type params ({@code has_non_region_param}). */
    private static boolean hasParam(Ty t) {
        return switch (t) {
            case Ty.Param p -> true;
            case Ty.Projection p -> true;
            case Ty.Adt a -> pathHasParam(a.path());
            case Ty.Closure c -> pathHasParam(c.path());
            case Ty.FnDef f -> pathHasParam(f.path());
            case Ty.Ref r -> hasParam(r.pointee());
            case Ty.RawPtr r -> hasParam(r.pointee());
            case Ty.Slice s -> hasParam(s.element());
            case Ty.Array a -> hasParam(a.element()) || a.length() instanceof dev.mirlink.mir.ty.TyConst.Param;
            case Ty.Tuple tu -> tu.elements().stream().anyMatch(TypeSizes::hasParam);
            default -> false;
        };
    }

    private static boolean pathHasParam(Path p) {
        for (PathSegment s : p.segments()) {
            if (s instanceof PathSegment.Ident id) {
                for (GenericArg g : id.args()) {
                    if (g instanceof GenericArg.Type ty && hasParam(ty.ty())) return true;
                    if (g instanceof GenericArg.Const c && c.value() instanceof dev.mirlink.mir.ty.TyConst.Param) return true;
                }
            }
        }
        return false;
    }

    // ---- printing

    /**
     * rustc_session/src/code_stats.rs: variants by size, largest first (stable); types by size,
     * largest first, then by name; fields by offset, padding and alignment where they cause padding.
     */
    static List<String> format(Collection<Info> infos) {
        List<Info> sorted = new ArrayList<>(new LinkedHashSet<>(infos));
        sorted.sort(Comparator.comparingLong((Info i) -> -i.size()).thenComparing(Info::description));
        List<String> out = new ArrayList<>();
        String p = "print-type-size ";
        for (Info info : sorted) {
            out.add(p + "type: `" + info.description() + "`: " + info.size() + " bytes, alignment: " + info.align() + " bytes");
            String indent = "    ";
            long discr = 0;
            if (info.discrSize() != null) {
                discr = info.discrSize();
                out.add(p + indent + "discriminant: " + discr + " bytes");
            }
            long maxVariant = discr;
            boolean structLike = info.kind() == Kind.STRUCT || info.kind() == Kind.CLOSURE;
            List<VariantInfo> variants = new ArrayList<>(info.variants());
            variants.sort(Comparator.comparingLong((VariantInfo v) -> -v.size()));
            for (int i = 0; i < variants.size(); i++) {
                VariantInfo v = variants.get(i);
                String ind;
                if (!structLike) {
                    out.add(p + indent + "variant `" + (v.name() != null ? v.name() : String.valueOf(i)) + "`: " + (v.size() - discr) + " bytes");
                    ind = "        ";
                } else {
                    ind = "    ";
                }
                maxVariant = Math.max(maxVariant, v.size());
                long minOffset = discr;
                List<FieldInfo> fields = new ArrayList<>(v.fields());
                fields.sort(Comparator.comparingLong(FieldInfo::offset).thenComparingLong(FieldInfo::size));
                for (FieldInfo f : fields) {
                    if (f.offset() > minOffset) out.add(p + ind + "padding: " + (f.offset() - minOffset) + " bytes");
                    String line = p + ind + "field `." + f.name() + "`: " + f.size() + " bytes";
                    if (f.offset() < minOffset) {
                        line += ", offset: " + f.offset() + " bytes, alignment: " + f.align() + " bytes";
                    } else if (!info.packed() && f.offset() != minOffset) {
                        line += ", alignment: " + f.align() + " bytes";
                    }
                    out.add(line);
                    minOffset = f.offset() + f.size();
                }
            }
            if (info.size() > maxVariant) out.add(p + indent + "end padding: " + (info.size() - maxVariant) + " bytes");
        }
        return out;
    }
}
