package dev.mirlink.driver.collect;

import dev.mirlink.bridge.rustc.Rustc;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.GenericParam;
import dev.mirlink.mir.item.Generics;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.item.VisiblePaths;
import dev.mirlink.mir.print.MirPrinter;
import dev.mirlink.mir.traits.Subst;
import dev.mirlink.mir.ty.FnSig;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.PathSegment;
import dev.mirlink.mir.ty.Region;
import dev.mirlink.mir.ty.TraitBound;
import dev.mirlink.mir.ty.Ty;
import dev.mirlink.mir.ty.TyConst;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Names mono items as {@code rustc -Zprint-mono-items -Zspan-free-formats} does: rustc's
 * {@code FmtPrinter} (rustc_middle/src/ty/print/pretty.rs) driving {@code default_print_def_path}
 * and {@code default_print_impl_path} (ty/print/mod.rs), in the value namespace, with paths of
 * other crates as {@link VisiblePaths} prints them and the binary crate's without a crate prefix.
 * Canonical args carry no lifetimes; rustc's carry erased ones, printed {@code '_}, so they are
 * put back from the generics of each item on the path.
 */
public final class RustcNames implements MonoItemNames {
    private static final GenericArg ERASED = new GenericArg.Lifetime(new Region("'_"));

    private final Program program;
    private final Resolver resolver;
    private final Supplier<VisiblePaths> visibleSupplier;
    private volatile VisiblePaths visible;
    private final Map<String, Gen> generics = new ConcurrentHashMap<>();
    private final Map<String, Ty> implSelf = new ConcurrentHashMap<>();
    private final Map<String, Object> implTrait = new ConcurrentHashMap<>();
    private final Map<String, Object> localImpls = new ConcurrentHashMap<>();
    /** The rust-src {@code library} directory spans resolve against, or null: fn-local impls then print as the tables have them. */
    private final Supplier<java.nio.file.Path> sources;

    RustcNames(Program program, Supplier<VisiblePaths> visible) {
        this(program, visible, () -> null);
    }

    RustcNames(Program program, Supplier<VisiblePaths> visible, Supplier<java.nio.file.Path> sources) {
        this.program = program;
        this.resolver = new Resolver(program);
        this.visibleSupplier = visible;
        this.sources = sources;
    }

    /** Names for {@code program}, visible paths searched from the crates the binary crate names directly. */
    public static RustcNames of(Program program) {
        return of(program, null);
    }

    /**
     * As {@link #of(Program)}; {@code target} (null: the host) selects the cfg under which the
     * library sources are read for {@code #[doc(hidden)]} and doc-only modules.
     */
    public static RustcNames of(Program program, String target) {
        Supplier<Rustc> rustc = new Supplier<>() {
            private Rustc found;
            private boolean located;

            @Override
            public synchronized Rustc get() {
                if (!located) {
                    located = true;
                    try {
                        found = Rustc.locate(null);
                    } catch (RuntimeException e) {
                        found = null;
                    }
                }
                return found;
            }
        };
        return new RustcNames(program, () -> new VisiblePaths(program.tables(), program.localCrate(), roots(program),
                attrs(program, rustc.get(), target)), () -> rustc.get() == null ? null : rustc.get().rustSrc());
    }

    /** {@link VisiblePaths#attrsFromSources} from the rust-src of the rustc mirlink drives; none when it cannot be found. */
    private static VisiblePaths.Attrs attrs(Program program, Rustc rustc, String target) {
        if (rustc == null) return VisiblePaths.Attrs.NONE;
        try {
            List<String> cmd = new ArrayList<>(List.of(rustc.executable().toString(), "--print", "cfg"));
            if (target != null) cmd.addAll(List.of("--target", target));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
            Rustc.withoutJobserver(pb);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.waitFor() != 0) return VisiblePaths.Attrs.NONE;
            return VisiblePaths.attrsFromSources(program.tables(), rustc.rustSrc(), Set.of(out.strip().split("\n")));
        } catch (java.io.IOException | RuntimeException e) {
            return VisiblePaths.Attrs.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return VisiblePaths.Attrs.NONE;
        }
    }

    /**
     * cstore_impl.rs visible_parent_map starts from the crates the local crate depends on directly:
     * the injected {@code std} ({@code core} under {@code #![no_std]}) first, then those it names.
     */
    static List<String> roots(Program program) {
        ItemTable local = program.tables().get(program.localCrate());
        Set<String> ext = local == null ? Set.of() : local.externCrates();
        String source = source(local);
        List<String> roots = new ArrayList<>();
        boolean noStd = !ext.contains("std");
        roots.add(noStd ? "core" : "std");
        // a crate named by path in a 2018+ crate is a root; the tables' extern crates also list crates
        // only mentioned through types, so the source decides when it can be read
        if (!noStd && (source == null ? ext.contains("core") : source.contains("core::"))) roots.add("core");
        if (source == null ? ext.contains("alloc") : source.contains("extern crate alloc")) roots.add("alloc");
        if (noStd && !roots.contains("alloc")) roots.add("compiler_builtins");
        return roots;
    }

    /** The text of the crate root's file, or null when it cannot be read from here. */
    private static String source(ItemTable local) {
        if (local == null || !(local.typeItem(local.crateName()) instanceof Item.Module m) || m.span() == null) return null;
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(m.span().file()));
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private VisiblePaths visible() {
        VisiblePaths v = visible;
        if (v == null) {
            synchronized (this) {
                if (visible == null) visible = visibleSupplier.get();
                v = visible;
            }
        }
        return v;
    }

    @Override
    public String name(MonoItem item) {
        try {
            return switch (item) {
                case MonoItem.Static s -> "static " + new P(true).defPathStr(s.defPath(), List.of());
                case MonoItem.Fn f -> "fn " + new P(true).defPathStr(f.defPath(), fullArgs(f.defPath(), f.args())) + switch (f.kind()) {
                    case ITEM -> "";
                    case DROP_GLUE -> " - shim(" + (f.shimTy() == null ? "None" : "Some(" + ty(f.shimTy()) + ")") + ")";
                    case VTABLE_SHIM -> " - shim(vtable)";
                    case REIFY_SHIM -> " - shim(reify)";
                    case CLOSURE_ONCE_SHIM -> " - shim";
                    case FN_PTR_SHIM, CLONE_SHIM, FN_PTR_ADDR_SHIM -> " - shim(" + ty(f.shimTy()) + ")";
                };
            };
        } catch (RuntimeException e) {
            // a name is for output only: never fail the link over it
            return MonoItemPrinter.CANONICAL.print(item) + " /* " + e + " */";
        }
    }

    @Override
    public String ty(Ty ty) {
        P p = new P(false);
        p.ty(ty);
        return p.sb.toString();
    }

    /**
     * {@code def} as rustc prints it with no args, in the type namespace: print_def_path with empty
     * args, so an impl on the way prints its identity args, as for any item nested in one.
     */
    public String path(String def) {
        return new P(false).defPathStr(def, List.of());
    }

    // ---- generics (rustc's generics_of)

    /**
     * The generics of a def: {@code parent} is the def whose params come first (an impl's or
     * trait's for their fns, the enclosing item's for a closure), {@code own} its own params in
     * rustc's order ({@code Self} first for a trait), late-bound lifetimes of fns excluded;
     * {@code ownFromArgs} when they are unknown and every arg of an instance is taken as its own.
     */
    record Gen(String parent, int parentCount, List<GenericParam> own, boolean hasSelf, String def, boolean ownFromArgs) {
        Gen(String parent, int parentCount, List<GenericParam> own, boolean hasSelf, String def) {
            this(parent, parentCount, own, hasSelf, def, false);
        }

        int count() { return parentCount + own.size(); }
    }

    private static final GenericParam SELF = new GenericParam.Type("Self", List.of(), null, false);

    Gen gen(String def) {
        Gen g = generics.get(def);
        if (g != null) return g;
        g = computeGen(def);
        generics.put(def, g);
        return g;
    }

    private Gen computeGen(String def) {
        String last = DefPaths.last(def);
        String parent = DefPaths.parent(def);
        if (DefPaths.isDisambiguated(last)) {
            // closures take their parent's generics, and print none of their own
            Gen pg = parent == null ? null : gen(parent);
            int count = pg == null ? 0 : pg.ownFromArgs() ? Integer.MAX_VALUE / 2 : pg.count();
            return new Gen(parent, count, List.of(), pg != null && pg.hasSelf(), def);
        }
        ItemTable table = program.tables().get(Program.crateOf(def));
        if (table == null) return new Gen(null, 0, List.of(), false, def);
        Item type = table.typeItem(def);
        Item value = table.valueItem(def);
        if (type == null && value == null && parent != null && table.typeItem(parent) instanceof Item.Adt enm
                && enm.variant(last) != null) {
            // generics_of.rs: a variant (and its constructor) has its enum's generics and none of its own
            return new Gen(parent, gen(parent).count(), List.of(), false, def);
        }
        if (DefPaths.isImplSegment(last) && type instanceof Item.Impl impl) {
            LocalImpl local = localImpl(def);
            return new Gen(null, 0, local != null ? local.params() : implParams(impl), false, def);
        }
        if (type instanceof Item.Trait trait) {
            List<GenericParam> own = new ArrayList<>();
            own.add(SELF);
            own.addAll(trait.generics().params());
            return new Gen(null, 0, own, true, def);
        }
        if (value instanceof Item.Fn fn) {
            Item container = parent == null ? null : table.typeItem(parent);
            String genParent = null;
            int parentCount = 0;
            boolean hasSelf = false;
            if (container instanceof Item.Impl || container instanceof Item.Trait) {
                Gen pg = gen(parent);
                genParent = parent;
                parentCount = pg.count();
                hasSelf = pg.hasSelf();
            }
            List<GenericParam> own = new ArrayList<>();
            if (fn.synthesized() && genParent == null) {
                // a fn declared in a body: no parent generics, and its MIR tells only its type params,
                // so every arg an instance carries is its own, after its early-bound lifetimes
                return new Gen(null, 0, earlyBoundFromBody(def), false, def, true);
            } else if (fn.synthesized()) {
                java.util.Set<String> inherited = new java.util.HashSet<>();
                for (GenericParam p : allParams(genParent)) inherited.add(p.name());
                for (String n : resolver.params(def)) {
                    if (!inherited.contains(n)) own.add(new GenericParam.Type(n, List.of(), null, n.startsWith("impl ")));
                }
            } else {
                for (GenericParam p : fn.generics().params()) {
                    if (p instanceof GenericParam.Lifetime l && lateBound(fn, l)) continue;
                    own.add(p);
                }
                own.addAll(legacyConstGenerics(def, fn));
            }
            return new Gen(genParent, parentCount, own, hasSelf, def);
        }
        if (type instanceof Item.Adt adt) return new Gen(null, 0, adt.generics().params(), false, def);
        if (type instanceof Item.TypeAlias alias) return new Gen(null, 0, alias.generics().params(), false, def);
        return new Gen(null, 0, List.of(), false, def);
    }

    /**
     * rustdoc shows the const params of a {@code #[rustc_legacy_const_generics]} fn as inputs
     * (clean_fn_decl_legacy_const_generics: {@code vget_lane_u64(v, IMM5: i32)}): the inputs its
     * MIR body does not take, taken as the last ones, are const params after the others.
     */
    private List<GenericParam> legacyConstGenerics(String def, Item.Fn fn) {
        if (!fn.hasBody() || fn.sig() == null || fn.paramNames().size() != fn.sig().inputs().size()) return List.of();
        var entry = program.body(def);
        int extra = entry == null ? 0 : fn.sig().inputs().size() - entry.body().argCount();
        List<GenericParam> out = new ArrayList<>();
        for (int i = fn.paramNames().size() - Math.max(extra, 0); i < fn.paramNames().size(); i++) {
            out.add(new GenericParam.Const(fn.paramNames().get(i), fn.sig().inputs().get(i), null));
        }
        return out;
    }

    /**
     * The early-bound lifetimes of a fn declared in a body, which its instances' args leave out: a
     * closure it builds prints the fn's own args, lifetimes first ({@code extend<'_, T, B, impl
     * FnMut(&T) -> bool + 'a>::{closure#0}}); none when its body builds no closure.
     */
    private List<GenericParam> earlyBoundFromBody(String def) {
        List<GenericArg> identity = resolver.identityFromClosures(def);
        if (identity == null) return List.of();
        return identity.stream().filter(a -> a instanceof GenericArg.Lifetime)
                .map(a -> (GenericParam) new GenericParam.Lifetime("'_", List.of())).toList();
    }

    /**
     * An impl's params; an impl the tables synthesized from MIR (one in a fn body, or one rustdoc
     * left out) has none recorded, so they are read off its header: the lifetimes, then the type
     * params in order of appearance.
     */
    private static List<GenericParam> implParams(Item.Impl impl) {
        if (!impl.synthesized() || !impl.generics().params().isEmpty()) return impl.generics().params();
        List<GenericParam> lifetimes = new ArrayList<>(), types = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Ty> header = new ArrayList<>(List.of(impl.selfTy()));
        if (impl.traitRef() != null) header.add(new Ty.Adt(impl.traitRef()));
        for (Ty t : header) headerParams(t, lifetimes, types, seen);
        lifetimes.addAll(types);
        return lifetimes;
    }

    private static void headerParams(Ty t, List<GenericParam> lifetimes, List<GenericParam> types, java.util.Set<String> seen) {
        switch (t) {
            case Ty.Param p -> {
                if (seen.add(p.name())) types.add(new GenericParam.Type(p.name(), List.of(), null, false));
            }
            case Ty.Ref r -> {
                if (r.region() != null && (r.region().name().equals("'_") || seen.add(r.region().name()))) {
                    lifetimes.add(new GenericParam.Lifetime(r.region().name(), List.of()));
                }
                headerParams(r.pointee(), lifetimes, types, seen);
            }
            case Ty.RawPtr r -> headerParams(r.pointee(), lifetimes, types, seen);
            case Ty.Slice sl -> headerParams(sl.element(), lifetimes, types, seen);
            case Ty.Array a -> headerParams(a.element(), lifetimes, types, seen);
            case Ty.Tuple tu -> tu.elements().forEach(e -> headerParams(e, lifetimes, types, seen));
            case Ty.Adt a -> {
                for (PathSegment seg : a.path().segments()) {
                    if (!(seg instanceof PathSegment.Ident id)) continue;
                    for (GenericArg g : id.args()) {
                        switch (g) {
                            case GenericArg.Type ty -> headerParams(ty.ty(), lifetimes, types, seen);
                            case GenericArg.Lifetime l -> {
                                if (l.region() != null && !l.region().name().equals("'static")
                                        && (l.region().name().equals("'_") || seen.add(l.region().name()))) {
                                    lifetimes.add(new GenericParam.Lifetime(l.region().name(), List.of()));
                                }
                            }
                            case GenericArg.Const c -> {
                                if (c.value() instanceof TyConst.Param cp && seen.add(cp.name())) {
                                    types.add(new GenericParam.Const(cp.name(), null, null));
                                }
                            }
                        }
                    }
                }
            }
            default -> { }
        }
    }

    /** All params of {@code def}, its parents' first. */
    private List<GenericParam> allParams(String def) {
        Gen g = gen(def);
        List<GenericParam> out = new ArrayList<>(g.parent() == null ? List.of() : allParams(g.parent()));
        out.addAll(g.own());
        return out;
    }

    /**
     * rustc_hir_analysis resolve_bound_vars is_late_bound_map: a fn's lifetime is late-bound when
     * its inputs mention it and no bound or where-clause does.
     */
    private static boolean lateBound(Item.Fn fn, GenericParam.Lifetime l) {
        String needle = "Region[name=" + l.name() + "]";
        if (!l.outlives().isEmpty()) return false;
        Generics g = fn.generics();
        for (GenericParam p : g.params()) {
            if (p instanceof GenericParam.Lifetime o && o.outlives().contains(l.name())) return false;
            if (p instanceof GenericParam.Type t && t.bounds().toString().contains(needle)) return false;
        }
        if (g.where().toString().contains(needle)) return false;
        return fn.sig() != null && fn.sig().inputs().toString().contains(needle);
    }

    /** Canonical args (no lifetimes) to rustc's: an erased lifetime for each lifetime param, in order. */
    List<GenericArg> fullArgs(String def, List<GenericArg> args) {
        List<GenericParam> params = allParams(def);
        // no args at all for a def with type or const params: the identity, left to the printer
        if (args.isEmpty() && params.stream().anyMatch(p -> !(p instanceof GenericParam.Lifetime))) return args;
        List<GenericArg> out = new ArrayList<>();
        int i = 0;
        for (GenericParam p : params) {
            if (p instanceof GenericParam.Lifetime) {
                out.add(ERASED);
            } else {
                if (i >= args.size()) break;
                out.add(args.get(i++));
            }
        }
        while (i < args.size()) out.add(args.get(i++));
        return out;
    }

    private Subst subst(String def, List<GenericArg> fullArgs) {
        List<GenericParam> params = allParams(def);
        Map<String, GenericArg> m = new HashMap<>();
        for (int i = 0; i < Math.min(params.size(), fullArgs.size()); i++) {
            if (!(params.get(i) instanceof GenericParam.Lifetime)) m.put(params.get(i).name(), fullArgs.get(i));
        }
        return new Subst(m);
    }

    /** generics.rs own_args_no_defaults: own args, {@code Self} left out, trailing ones equal to their default dropped. */
    private List<GenericArg> ownArgsNoDefaults(String def, Gen g, List<GenericArg> args) {
        int start = g.parentCount();
        if (g.hasSelf() && g.parent() == null) start = 1;
        int end = g.count();
        Subst s = null;
        for (int k = g.own().size() - 1; k >= 0; k--) {
            GenericParam p = g.own().get(k);
            int index = g.parentCount() + k;
            if (index >= args.size() || index < start) break;
            boolean same = false;
            if (p instanceof GenericParam.Type t && t.defaultTy() != null && args.get(index) instanceof GenericArg.Type at) {
                if (s == null) {
                    Map<String, GenericArg> m = new HashMap<>(subst(def, args).args());
                    if (g.hasSelf()) m.put("Self", args.get(0));
                    s = new Subst(m);
                }
                try {
                    same = defaultTy(def, t.defaultTy(), s).equals(at.ty());
                } catch (RuntimeException e) {
                    same = false;
                }
            } else if (p instanceof GenericParam.Const c && c.defaultValue() != null && args.get(index) instanceof GenericArg.Const ac
                    && ac.value() instanceof TyConst.Value v) {
                same = c.defaultValue().strip().equals(v.bits().toString());
            }
            if (!same) break;
            end--;
        }
        return args.subList(Math.min(start, args.size()), Math.min(end, args.size()));
    }

    /** rustdoc leaves out trailing args equal to their defaults ({@code impl Sum for u32}): put them back. */
    private List<GenericArg> withDefaults(String def, List<GenericArg> args) {
        Gen g = gen(def);
        if (args.size() >= g.count()) return args;
        List<GenericArg> out = new ArrayList<>(args);
        for (int k = args.size() - g.parentCount(); k < g.own().size(); k++) {
            if (k < 0) return args;
            GenericParam p = g.own().get(k);
            if (p instanceof GenericParam.Lifetime) {
                out.add(ERASED);
            } else if (p instanceof GenericParam.Type t && t.defaultTy() != null) {
                Map<String, GenericArg> m = new HashMap<>(subst(def, out).args());
                if (g.hasSelf()) m.put("Self", out.get(0));
                out.add(new GenericArg.Type(defaultTy(def, t.defaultTy(), new Subst(m))));
            } else {
                return args;
            }
        }
        return out;
    }

    /**
     * A param's default (written in {@code def}) under the args {@code s}. generics.rs
     * own_args_no_defaults compares the instantiated default with the arg structurally, so a
     * projection ({@code FromResidual<R = <Self as Try>::Residual>}) stays one: it equals only an
     * arg that was left to the default, never the type it normalizes to.
     */
    private Ty defaultTy(String def, Ty dflt, Subst s) {
        return dflt instanceof Ty.Projection ? unnormalized(def, s, dflt, null) : s.ty(canonIn(def, dflt));
    }

    private Ty canonIn(String def, Ty t) {
        return resolver.tyIn(def, t);
    }

    // ---- impls

    private Item.Impl impl(String def) {
        ItemTable t = program.tables().get(Program.crateOf(def));
        return t != null && t.typeItem(def) instanceof Item.Impl i ? i : null;
    }

    private Ty implSelfTy(String def) {
        return implSelf.computeIfAbsent(def, d -> {
            LocalImpl local = localImpl(d);
            if (local != null) return local.self();
            Item.Impl impl = impl(d);
            try {
                return canonIn(d, impl.selfTy());
            } catch (RuntimeException e) {
                return impl.selfTy();
            }
        });
    }

    /** The impl's trait as a canonical bound (trait def path, its args without Self), or null for an inherent impl. */
    private TraitBound implTraitBound(String def) {
        Object o = implTrait.computeIfAbsent(def, d -> {
            LocalImpl local = localImpl(d);
            if (local != null) {
                Path trait = new Path(List.of(new PathSegment.Ident(DefPaths.parent(d) + "::" + local.trait(), List.of())));
                return new TraitBound(List.of(), null, trait, List.of());
            }
            Item.Impl impl = impl(d);
            if (impl.traitRef() == null) return Boolean.FALSE;
            Ty dyn = new Ty.Dynamic(List.of(new TraitBound(List.of(), null, impl.traitRef(), List.of())), null);
            Ty c = canonIn(d, dyn);
            return ((Ty.Dynamic) c).bounds().get(0);
        });
        return o instanceof TraitBound b ? b : null;
    }

    /**
     * An impl of a trait declared in the same fn body ({@code impl<T: Clone> ConvertVec for T} in
     * {@code <[T]>::to_vec_in}): rustdoc documents neither, and the impl the tables recovered from
     * MIR has no generics, no trait and at best its method's receiver as self type. Its header is
     * read from the source its span points into: its params, trait name and self type (a param,
     * possibly behind references, pointers, slices or tuples). Null for any other impl, or when the
     * source cannot be read or the header is beyond that.
     */
    record LocalImpl(List<GenericParam> params, String trait, Ty self) {}

    private LocalImpl localImpl(String def) {
        Object o = localImpls.computeIfAbsent(def, d -> {
            try {
                LocalImpl l = readLocalImpl(d);
                return l != null ? l : Boolean.FALSE;
            } catch (java.io.IOException | RuntimeException e) {
                return Boolean.FALSE;
            }
        });
        return o instanceof LocalImpl l ? l : null;
    }

    /** {@code impl<PARAMS> Trait for SELF}: a trait named by one identifier, without args. */
    private static final java.util.regex.Pattern LOCAL_IMPL_HEADER =
            java.util.regex.Pattern.compile("impl\\s*(?:<(.*)>)?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s+for\\s+(.+)");

    private LocalImpl readLocalImpl(String def) throws java.io.IOException {
        Item.Impl impl = impl(def);
        String fn = DefPaths.parent(def);
        ItemTable table = program.tables().get(Program.crateOf(def));
        if (impl == null || !impl.synthesized() || impl.traitRef() != null || impl.span() == null
                || fn == null || !(table.valueItem(fn) instanceof Item.Fn f)) {
            return null;
        }
        java.nio.file.Path root = sources.get();
        if (root == null) return null;
        dev.mirlink.mir.item.Span span = impl.span();
        if (span.beginLine() != span.endLine()) return null;
        List<String> lines = java.nio.file.Files.readAllLines(root.resolve(span.file()));
        String header = lines.get(span.beginLine() - 1).substring(span.beginCol() - 1, span.endCol() - 1);
        java.util.regex.Matcher m = LOCAL_IMPL_HEADER.matcher(header.strip());
        if (!m.matches()) return null;
        // the trait must be the body's own: declared between the fn's start and the impl
        int from = f.span() != null && f.span().file().equals(span.file()) ? f.span().beginLine() - 1 : 0;
        java.util.regex.Pattern decl = java.util.regex.Pattern.compile("\\btrait\\s+" + m.group(2) + "\\b");
        if (lines.subList(from, span.beginLine() - 1).stream().noneMatch(l -> decl.matcher(l).find())) return null;
        // the producer read the params from the same header
        List<GenericParam> params = impl.generics().params();
        if (m.group(1) != null && params.isEmpty()) return null;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (GenericParam p : params) names.add(p.name());
        Ty self = headerTy(m.group(3).strip(), names);
        return self == null ? null : new LocalImpl(params, m.group(2), self);
    }

    /** A type as written in an impl header, for the shapes {@link #readLocalImpl} supports; null otherwise. */
    private static Ty headerTy(String t, java.util.Set<String> params) {
        if (t.startsWith("&")) {
            String rest = t.substring(1).strip().replaceFirst("^'[A-Za-z_][A-Za-z0-9_]*\\s*", "");
            boolean mut = rest.startsWith("mut ");
            Ty inner = headerTy(mut ? rest.substring(4).strip() : rest, params);
            return inner == null ? null : new Ty.Ref(null, inner, mut ? Ty.Mutability.MUT : Ty.Mutability.NOT);
        }
        if (t.startsWith("*const ") || t.startsWith("*mut ")) {
            boolean mut = t.startsWith("*mut ");
            Ty inner = headerTy(t.substring(mut ? 5 : 7).strip(), params);
            return inner == null ? null : new Ty.RawPtr(inner, mut ? Ty.Mutability.MUT : Ty.Mutability.NOT);
        }
        if (t.startsWith("[") && t.endsWith("]")) {
            Ty inner = headerTy(t.substring(1, t.length() - 1).strip(), params);
            return inner == null ? null : new Ty.Slice(inner);
        }
        if (t.startsWith("(") && t.endsWith(")")) {
            List<Ty> elements = new ArrayList<>();
            for (String e : splitTopLevel(t.substring(1, t.length() - 1))) {
                Ty ty = headerTy(e, params);
                if (ty == null) return null;
                elements.add(ty);
            }
            return new Ty.Tuple(elements);
        }
        return params.contains(t) ? new Ty.Param(t) : null;
    }

    /** {@code text} split at the commas outside brackets, parts stripped, empty ones dropped. */
    private static List<String> splitTopLevel(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '<' || c == '(' || c == '[') depth++;
            else if (c == '>' || c == ')' || c == ']') depth--;
            else if (c == ',' && depth == 0) {
                String part = text.substring(start, i).strip();
                if (!part.isEmpty()) out.add(part);
                start = i + 1;
            }
        }
        return out;
    }

    /**
     * Impls from one macro or derive share a span, so MIR text names them alike and the tables
     * tell them apart by a {@code #N} suffix: the one of them that holds {@code member}.
     */
    private String implHolding(String implDef, String member) {
        Item.Impl impl = impl(implDef);
        if (impl == null || impl.item(member) != null) return implDef;
        String base = implDef.replaceFirst("#\\d+$", "");
        for (int k = 0; k < 64; k++) {
            String cand = k == 0 ? base : base + "#" + k;
            Item.Impl i = impl(cand);
            if (i == null && k > 0) break;
            if (i != null && i.item(member) != null) return cand;
        }
        return implDef;
    }

    /**
     * pretty.rs prints a fn item's type with {@code fn_sig(def_id).instantiate(args)}: the declared
     * signature, its projections not normalized ({@code fn(V2, V2) -> <V2 as Add>::Output}). The
     * canonical signature ({@code sig}) with the projections of {@code declared} put back where
     * it has them; {@code sig} itself when there are none or the fn is not known.
     */
    private FnSig declaredProjections(Ty.FnDef f, FnSig declared) {
        FnSig sig = f.sig();
        if (declared == null || declared.inputs().size() != sig.inputs().size() || f.path().segments().size() != 1
                || !(f.path().last() instanceof PathSegment.Ident id)) {
            return sig;
        }
        String def = id.name();
        try {
            Subst s = subst(def, fullArgs(def, id.args()));
            String parent = DefPaths.parent(def);
            if (s.get("Self") == null && parent != null && impl(parent) != null) {
                // an impl method's Self::Item is its self type's
                Map<String, GenericArg> m = new HashMap<>(s.args());
                m.put("Self", new GenericArg.Type(s.ty(implSelfTy(parent))));
                s = new Subst(m);
            }
            List<Ty> inputs = new ArrayList<>();
            for (int i = 0; i < sig.inputs().size(); i++) inputs.add(unnormalized(def, s, declared.inputs().get(i), sig.inputs().get(i)));
            return new FnSig(sig.boundRegions(), sig.unsafe(), sig.abi(), inputs, sig.cVariadic(),
                    unnormalized(def, s, declared.output(), sig.output()));
        } catch (RuntimeException e) {
            return sig;
        }
    }

    /**
     * {@code actual} with the projections {@code declared} (a type written in {@code def}) has at the
     * same places, under {@code s}; a declared projection alone when {@code actual} is null.
     */
    private Ty unnormalized(String def, Subst s, Ty declared, Ty actual) {
        return switch (declared) {
            case Ty.Projection p when p.trait() != null && !(actual instanceof Ty.Projection) -> {
                Ty.Dynamic dyn = (Ty.Dynamic) canonIn(def, new Ty.Dynamic(List.of(new TraitBound(List.of(), null, p.trait(), List.of())), null));
                Path trait = dyn.bounds().get(0).trait();
                Path substituted = new Path(List.of(new PathSegment.Ident(singleName(trait), s.argList(lastArgs(trait)))));
                yield new Ty.Projection(s.ty(canonIn(def, p.self())), substituted, p.name(), List.of());
            }
            case Ty.Ref d when actual instanceof Ty.Ref a -> new Ty.Ref(a.region(), unnormalized(def, s, d.pointee(), a.pointee()), a.mutability());
            case Ty.RawPtr d when actual instanceof Ty.RawPtr a -> new Ty.RawPtr(unnormalized(def, s, d.pointee(), a.pointee()), a.mutability());
            case Ty.Slice d when actual instanceof Ty.Slice a -> new Ty.Slice(unnormalized(def, s, d.element(), a.element()));
            case Ty.Array d when actual instanceof Ty.Array a -> new Ty.Array(unnormalized(def, s, d.element(), a.element()), a.length());
            case Ty.Tuple d when actual instanceof Ty.Tuple a && d.elements().size() == a.elements().size() -> {
                List<Ty> es = new ArrayList<>();
                for (int i = 0; i < a.elements().size(); i++) es.add(unnormalized(def, s, d.elements().get(i), a.elements().get(i)));
                yield new Ty.Tuple(es);
            }
            case Ty.Adt d when actual instanceof Ty.Adt a && a.path().segments().size() == 1 && a.path().last() instanceof PathSegment.Ident ai -> {
                List<Ty> dtys = new ArrayList<>();
                for (GenericArg g : lastArgs(d.path())) if (g instanceof GenericArg.Type t) dtys.add(t.ty());
                List<GenericArg> args = new ArrayList<>();
                int k = 0;
                for (GenericArg g : ai.args()) {
                    args.add(g instanceof GenericArg.Type t && k < dtys.size() ? new GenericArg.Type(unnormalized(def, s, dtys.get(k), t.ty())) : g);
                    if (g instanceof GenericArg.Type) k++;
                }
                yield new Ty.Adt(new Path(List.of(new PathSegment.Ident(ai.name(), args))));
            }
            default -> actual;
        };
    }

    /** A trait ref: the trait's def path and its full args, Self first. */
    record TraitRef(String trait, List<GenericArg> args) {}

    private static String singleName(Path p) {
        if (p.segments().size() == 1 && p.last() instanceof PathSegment.Ident id) return id.name();
        StringBuilder sb = new StringBuilder();
        for (PathSegment s : p.segments()) {
            if (!sb.isEmpty()) sb.append("::");
            sb.append(s instanceof PathSegment.Ident id ? id.name() : s.toString());
        }
        return sb.toString();
    }

    private static List<GenericArg> lastArgs(Path p) {
        return p.last() instanceof PathSegment.Ident id ? id.args() : List.of();
    }

    /** print/mod.rs characteristic_def_id_of_type. */
    private static String characteristicDef(Ty t) {
        return switch (t) {
            case Ty.Adt a -> singleName(a.path());
            case Ty.Dynamic d -> {
                for (TraitBound b : d.bounds()) if (!isAutoTraitName(singleName(b.trait()))) yield singleName(b.trait());
                yield null;
            }
            case Ty.Pat p -> characteristicDef(p.base());
            case Ty.Array a -> characteristicDef(a.element());
            case Ty.Slice s -> characteristicDef(s.element());
            case Ty.RawPtr r -> characteristicDef(r.pointee());
            case Ty.Ref r -> characteristicDef(r.pointee());
            case Ty.Tuple tu -> {
                for (Ty e : tu.elements()) {
                    String d = characteristicDef(e);
                    if (d != null) yield d;
                }
                yield null;
            }
            case Ty.FnDef f -> singleName(f.path());
            case Ty.Closure c -> singleName(c.path());
            default -> null;
        };
    }

    private static final Set<String> AUTO_TRAITS = Set.of("core::marker::Send", "core::marker::Sync", "core::marker::Unpin",
            "core::panic::unwind_safe::UnwindSafe", "core::panic::unwind_safe::RefUnwindSafe", "core::marker::Freeze");

    private static boolean isAutoTraitName(String def) {
        return AUTO_TRAITS.contains(def);
    }

    private boolean isAutoTrait(String def) {
        ItemTable t = program.tables().get(Program.crateOf(def));
        if (t != null && t.typeItem(def) instanceof Item.Trait tr) return tr.isAuto();
        return isAutoTraitName(def);
    }

    // ---- the printer

    /** One FmtPrinter: {@code inValue} puts generic args behind {@code ::<}, {@code emptyPath} is rustc's flag of that name. */
    private final class P {
        final StringBuilder sb = new StringBuilder();
        boolean inValue;
        boolean emptyPath;
        /** In a fn signature: whether each region still to print is bound, and the names to hand out. */
        java.util.ArrayDeque<String> bound;
        java.util.ArrayDeque<Boolean> marks;
        String outputName;
        int regionIndex;

        P(boolean inValue) {
            this.inValue = inValue;
        }

        String defPathStr(String def, List<GenericArg> args) {
            printDefPath(def, args);
            return sb.toString();
        }

        /** pretty.rs FmtPrinter::print_def_path, then print/mod.rs default_print_def_path. */
        void printDefPath(String def, List<GenericArg> args) {
            boolean local = Program.crateOf(def).equals(program.localCrate());
            if (args.isEmpty() && !local && plain(def)) {
                // try_print_visible_def_path, with default_print_def_path's fallback for the rest
                sb.append(visible().print(def));
                emptyPath = false;
                return;
            }
            List<String> segs = DefPaths.split(def);
            if (segs.size() == 1) {
                // print_crate_name: the local crate prints as nothing
                emptyPath = true;
                if (!local) {
                    sb.append(def);
                    emptyPath = false;
                }
                return;
            }
            String last = segs.get(segs.size() - 1);
            String parent = DefPaths.join(segs.subList(0, segs.size() - 1));
            if (DefPaths.isImplSegment(last) && impl(def) != null) {
                printImplPath(def, args);
                return;
            }
            if (DefPaths.isImplSegment(DefPaths.last(parent))) parent = implHolding(parent, last);
            List<GenericArg> parentArgs = args;
            boolean traitQualify = false;
            if (!args.isEmpty()) {
                Gen g = gen(def);
                parentArgs = args.subList(0, Math.min(g.parentCount(), args.size()));
                if (g.ownFromArgs()) {
                    printPathWithGenericArgs(() -> printDefPath(def, List.of()), args);
                    return;
                }
                if (!DefPaths.isDisambiguated(last)) {
                    if (!g.own().isEmpty() && args.size() >= g.count()) {
                        List<GenericArg> own = ownArgsNoDefaults(def, g, args);
                        List<GenericArg> pa = parentArgs;
                        printPathWithGenericArgs(() -> printDefPath(def, pa), own);
                        return;
                    }
                    traitQualify = g.hasSelf() && parent.equals(g.parent()) && parentArgs.size() == g.parentCount()
                            && gen(parent).parentCount() == 0;
                }
            }
            if (traitQualify) {
                GenericArg self = parentArgs.get(0);
                printPathWithQualified(((GenericArg.Type) self).ty(), new TraitRef(parent, parentArgs));
            } else {
                printDefPath(parent, parentArgs);
            }
            // print_path_with_simple
            if (!emptyPath) sb.append("::");
            sb.append(last);
            emptyPath = false;
        }

        /** Plain names only: impls and closures are never visible, and print through the default path. */
        private boolean plain(String def) {
            for (String s : DefPaths.split(def)) if (DefPaths.isImplSegment(s) || DefPaths.isDisambiguated(s)) return false;
            return true;
        }

        /** print/mod.rs print_impl_path: the impl's args when given, else its identity args (a nested item). */
        void printImplPath(String def, List<GenericArg> args) {
            Gen g = gen(def);
            Ty self = implSelfTy(def);
            TraitBound bound = implTraitBound(def);
            Subst s = g.count() <= args.size() ? subst(def, args) : Subst.EMPTY;
            self = s.ty(self);
            TraitRef trait = null;
            if (bound != null) {
                List<GenericArg> targs = new ArrayList<>();
                targs.add(new GenericArg.Type(self));
                for (GenericArg a : s.argList(lastArgs(bound.trait()))) targs.add(a);
                String tdef = singleName(bound.trait());
                trait = new TraitRef(tdef, withDefaults(tdef, fullArgs(tdef, targs)));
            }
            // default_print_impl_path: omit the module when the impl sits next to its self type or trait
            String parent = DefPaths.parent(def);
            String ch = characteristicDef(self);
            boolean inSelfMod = ch != null && parent.equals(DefPaths.parent(ch));
            boolean inTraitMod = trait != null && parent.equals(DefPaths.parent(trait.trait()));
            if (!inSelfMod && !inTraitMod) {
                printDefPath(parent, List.of());
                if (!emptyPath) sb.append("::");
                boolean was = inValue;
                inValue = false;
                sb.append("<impl ");
                if (trait != null) {
                    printDefPath(trait.trait(), trait.args());
                    sb.append(" for ");
                }
                ty(self);
                sb.append('>');
                inValue = was;
                emptyPath = false;
            } else {
                printPathWithQualified(self, trait);
            }
        }

        /** pretty.rs pretty_print_path_with_qualified. */
        void printPathWithQualified(Ty self, TraitRef trait) {
            if (trait == null && (self instanceof Ty.Adt || self instanceof Ty.Bool || self instanceof Ty.Char
                    || self instanceof Ty.Str || self instanceof Ty.Int || self instanceof Ty.Float)) {
                ty(self);
                emptyPath = false;
                return;
            }
            boolean was = inValue;
            inValue = false;
            sb.append('<');
            ty(self);
            if (trait != null) {
                sb.append(" as ");
                printDefPath(trait.trait(), trait.args());
            }
            sb.append('>');
            inValue = was;
            emptyPath = false;
        }

        void printPathWithGenericArgs(Runnable prefix, List<GenericArg> args) {
            prefix.run();
            if (args.isEmpty()) return;
            if (inValue) sb.append("::");
            genericArgs(args);
        }

        private void genericArgs(List<GenericArg> args) {
            boolean was = inValue;
            inValue = false;
            sb.append('<');
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) sb.append(", ");
                arg(args.get(i));
            }
            sb.append('>');
            inValue = was;
        }

        void arg(GenericArg a) {
            switch (a) {
                case GenericArg.Type t -> ty(t.ty());
                case GenericArg.Const c -> konst(c.value());
                case GenericArg.Lifetime l -> {
                    String r = l.region() != null && l.region().name().equals("'_") ? nextRegion() : null;
                    sb.append(r != null ? r : l.region() == null ? "'_" : l.region().name());
                }
            }
        }

        void konst(TyConst c) {
            switch (c) {
                case TyConst.Value v -> {
                    if (v.ty() instanceof Ty.Bool) sb.append(v.bits().signum() != 0 ? "true" : "false");
                    else if (v.ty() instanceof Ty.Char) sb.append('\'').appendCodePoint(v.bits().intValueExact()).append('\'');
                    else if (v.ty() instanceof Ty.Int i) intValue(v.bits(), i.kind());
                    else sb.append(v.bits());
                }
                case TyConst.Param p -> sb.append(p.name());
                case TyConst.Unevaluated u -> sb.append(u.text());
            }
        }

        /** consts/int.rs ConstInt's Debug: extremes by name (a bare number in MIR text is none of them). */
        void intValue(java.math.BigInteger v, Ty.IntTy t) {
            int bits = (t.fixedBytes() == 0 ? 8 : t.fixedBytes()) * 8;
            java.math.BigInteger one = java.math.BigInteger.ONE;
            java.math.BigInteger max = t.signed() ? one.shiftLeft(bits - 1).subtract(one) : one.shiftLeft(bits).subtract(one);
            if (v.equals(max)) sb.append(t.rustName()).append("::MAX");
            else if (t.signed() && v.equals(one.shiftLeft(bits - 1).negate())) sb.append(t.rustName()).append("::MIN");
            else sb.append(v);
        }

        /** pretty.rs pretty_print_type. */
        void ty(Ty t) {
            switch (t) {
                case Ty.Bool b -> sb.append("bool");
                case Ty.Char c -> sb.append("char");
                case Ty.Str s -> sb.append("str");
                case Ty.Never n -> sb.append('!');
                case Ty.Int i -> sb.append(i.kind().rustName());
                case Ty.Float f -> sb.append(f.kind().rustName());
                case Ty.Param p -> sb.append(p.name());
                case Ty.Adt a -> {
                    String def = singleName(a.path());
                    printDefPath(def, fullArgs(def, lastArgs(a.path())));
                }
                case Ty.Array a -> {
                    sb.append('[');
                    ty(a.element());
                    sb.append("; ");
                    konst(a.length());
                    sb.append(']');
                }
                case Ty.Slice s -> {
                    sb.append('[');
                    ty(s.element());
                    sb.append(']');
                }
                case Ty.Tuple tu -> {
                    sb.append('(');
                    tys(tu.elements());
                    if (tu.elements().size() == 1) sb.append(',');
                    sb.append(')');
                }
                case Ty.RawPtr p -> {
                    sb.append(p.mutability() == Ty.Mutability.MUT ? "*mut " : "*const ");
                    ty(p.pointee());
                }
                case Ty.Ref r -> {
                    // regions are erased in instances: never printed on references
                    sb.append('&');
                    String region = nextRegion();
                    if (region != null) sb.append(region).append(' ');
                    if (r.mutability() == Ty.Mutability.MUT) sb.append("mut ");
                    ty(r.pointee());
                }
                case Ty.FnPtr f -> fnSig(f.sig(), null);
                case Ty.FnDef f -> {
                    if (f.targetFeatures()) sb.append("#[target_features] ");
                    FnSig declared = declaredSig(f.path());
                    fnSig(declaredProjections(f, declared), declared);
                    sb.append(" {");
                    boolean was = inValue;
                    inValue = true;
                    unbound(() -> fnDefPath(f.path()));
                    inValue = was;
                    sb.append('}');
                }
                case Ty.Projection p when p.trait() != null && p.trait().segments().size() == 1 && p.args().isEmpty()
                        && program.tables().get(Program.crateOf(singleName(p.trait()))) != null -> {
                    // pretty.rs AliasTerm: print_def_path of the associated type, its trait-qualified parent
                    String trait = singleName(p.trait());
                    List<GenericArg> targs = new ArrayList<>();
                    targs.add(new GenericArg.Type(p.self()));
                    targs.addAll(lastArgs(p.trait()));
                    unbound(() -> printPathWithQualified(p.self(), new TraitRef(trait, withDefaults(trait, fullArgs(trait, targs)))));
                    sb.append("::").append(p.name());
                }
                case Ty.Closure c -> {
                    sb.append("{closure@");
                    String def = Resolver.closureDefPath(c);
                    unbound(() -> printDefPath(def, fullArgs(def, Resolver.closureArgs(c))));
                    sb.append('}');
                }
                case Ty.Dynamic d -> {
                    sb.append("dyn ");
                    unbound(() -> dyn(d));
                }
                default -> sb.append(new MirPrinter().print(t));
            }
        }

        /** The declared signature of the fn item at {@code p}, when the tables have it. */
        private FnSig declaredSig(Path p) {
            String def;
            if (p.segments().size() == 1 && p.last() instanceof PathSegment.Ident id) {
                def = id.name();
            } else if (p.segments().size() == 2 && p.segments().get(0) instanceof PathSegment.QualifiedSelf q && q.trait() != null
                    && p.last() instanceof PathSegment.Ident m) {
                try {
                    String crate = program.localCrate();
                    Ty dyn = resolver.ty(crate, new Ty.Dynamic(List.of(new TraitBound(List.of(), null, q.trait(), List.of())), null));
                    def = singleName(((Ty.Dynamic) dyn).bounds().get(0).trait()) + "::" + m.name();
                } catch (RuntimeException e) {
                    return null;
                }
            } else {
                String crate = p.segments().get(0) instanceof PathSegment.Ident first && program.tables().get(first.name()) != null
                        ? first.name() : program.localCrate();
                try {
                    def = resolver.item(crate, p).defPath();
                } catch (RuntimeException e) {
                    return null;
                }
            }
            ItemTable t = program.tables().get(Program.crateOf(def));
            return t != null && t.valueItem(def) instanceof Item.Fn fn ? fn.sig() : null;
        }

        /** A fn item's path, canonical (one segment) or as MIR printed it; trait methods stay unresolved, as in rustc's FnDef. */
        void fnDefPath(Path p) {
            List<PathSegment> segs = p.segments();
            if (segs.size() == 1 && p.last() instanceof PathSegment.Ident id) {
                printDefPath(id.name(), fullArgs(id.name(), id.args()));
                return;
            }
            String crate = segs.get(0) instanceof PathSegment.Ident first && program.tables().get(first.name()) != null
                    ? first.name() : program.localCrate();
            try {
                if (segs.size() == 2 && segs.get(0) instanceof PathSegment.QualifiedSelf q && q.trait() != null
                        && p.last() instanceof PathSegment.Ident m) {
                    Ty dyn = resolver.ty(crate, new Ty.Dynamic(List.of(new TraitBound(List.of(), null, q.trait(), List.of())), null));
                    TraitBound b = ((Ty.Dynamic) dyn).bounds().get(0);
                    String trait = singleName(b.trait());
                    List<GenericArg> args = new ArrayList<>();
                    args.add(new GenericArg.Type(resolver.ty(crate, q.self())));
                    args.addAll(lastArgs(b.trait()));
                    args = new ArrayList<>(withDefaults(trait, fullArgs(trait, args)));
                    args.addAll(resolver.args(crate, m.args()));
                    printDefPath(trait + "::" + m.name(), args);
                    return;
                }
                MonoItem.Fn fn = resolver.item(crate, p);
                printDefPath(fn.defPath(), fullArgs(fn.defPath(), fn.args()));
            } catch (RuntimeException e) {
                sb.append(new MirPrinter().print(p, true));
            }
        }

        void tys(List<Ty> tys) {
            for (int i = 0; i < tys.size(); i++) {
                if (i > 0) sb.append(", ");
                ty(tys.get(i));
            }
        }

        /**
         * pretty.rs name_all_regions: a signature's bound regions are named {@code 'a}, {@code 'b},
         * … in order. Canonical types keep no regions, so they are read off the declared signature
         * of a fn item ({@code declared}, null for a fn pointer): its elided and own lifetimes in the
         * inputs are late-bound, what a type param became is erased; a fn pointer's input regions
         * are all taken as bound. The output shares the one input region, or {@code &self}'s.
         */
        void fnSig(FnSig sig, FnSig declared) {
            List<Boolean> in = new ArrayList<>();
            for (int i = 0; i < sig.inputs().size(); i++) {
                Ty d = declared == null || declared.inputs().size() != sig.inputs().size() ? null : declared.inputs().get(i);
                marks(d, sig.inputs().get(i), in, declared == null);
            }
            int n = (int) in.stream().filter(b -> b).count();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < n; i++) names.add(regionName(regionIndex + i));
            if (n > 0) sb.append("for<").append(String.join(", ", names)).append("> ");
            if (sig.unsafe()) sb.append("unsafe ");
            if (sig.abi() != null && !sig.abi().equals("Rust")) sb.append("extern \"").append(sig.abi()).append("\" ");
            sb.append("fn");
            java.util.ArrayDeque<Boolean> savedMarks = marks;
            java.util.ArrayDeque<String> saved = bound;
            String savedOut = outputName;
            int savedIndex = regionIndex;
            regionIndex += n;
            bound = new java.util.ArrayDeque<>(names);
            marks = new java.util.ArrayDeque<>(in);
            sb.append('(');
            tys(sig.inputs());
            if (sig.cVariadic()) {
                if (!sig.inputs().isEmpty()) sb.append(", ");
                sb.append("...");
            }
            sb.append(')');
            boolean selfRef = declared != null && !declared.inputs().isEmpty() && declared.inputs().get(0) instanceof Ty.Ref r
                    && r.pointee() instanceof Ty.Param p && p.name().equals("Self");
            String out = n == 1 || (selfRef && n > 0) ? names.get(0) : null;
            List<Boolean> outMarks = new ArrayList<>();
            marks(declared == null ? null : declared.output(), sig.output(), outMarks, declared == null);
            bound = null;
            outputName = out;
            marks = new java.util.ArrayDeque<>(outMarks.stream().map(b -> b && out != null).toList());
            if (!(sig.output() instanceof Ty.Tuple tu && tu.elements().isEmpty())) {
                sb.append(" -> ");
                ty(sig.output());
            }
            bound = saved;
            marks = savedMarks;
            outputName = savedOut;
            regionIndex = savedIndex;
        }

        private static String regionName(int i) {
            return i < 26 ? "'" + (char) ('a' + i) : "'z" + (i - 25);
        }

        /** Whether each region of {@code actual}, in printing order, is bound, given its declared type (null: unknown). */
        private void marks(Ty declared, Ty actual, List<Boolean> out, boolean dflt) {
            if (declared instanceof Ty.Param || declared instanceof Ty.Projection) dflt = false;
            boolean known = declared != null && !(declared instanceof Ty.Param) && !(declared instanceof Ty.Projection);
            switch (actual) {
                case Ty.Ref r -> {
                    Ty.Ref dr = known && declared instanceof Ty.Ref x ? x : null;
                    out.add(dr != null ? lateBound(dr.region()) : dflt);
                    marks(dr == null ? null : dr.pointee(), r.pointee(), out, dflt);
                }
                case Ty.RawPtr r -> marks(known && declared instanceof Ty.RawPtr x ? x.pointee() : null, r.pointee(), out, dflt);
                case Ty.Slice sl -> marks(known && declared instanceof Ty.Slice x ? x.element() : null, sl.element(), out, dflt);
                case Ty.Array a -> marks(known && declared instanceof Ty.Array x ? x.element() : null, a.element(), out, dflt);
                case Ty.Tuple tu -> {
                    List<Ty> ds = known && declared instanceof Ty.Tuple x && x.elements().size() == tu.elements().size() ? x.elements() : null;
                    for (int i = 0; i < tu.elements().size(); i++) marks(ds == null ? null : ds.get(i), tu.elements().get(i), out, dflt);
                }
                case Ty.Adt a -> {
                    List<GenericArg> dargs = known && declared instanceof Ty.Adt x ? lastArgs(x.path()) : List.of();
                    List<Region> dl = new ArrayList<>();
                    List<Ty> dt = new ArrayList<>();
                    for (GenericArg g : dargs) {
                        if (g instanceof GenericArg.Lifetime l) dl.add(l.region());
                        else if (g instanceof GenericArg.Type t) dt.add(t.ty());
                    }
                    int li = 0, ti = 0;
                    String def = singleName(a.path());
                    for (GenericArg g : fullArgs(def, lastArgs(a.path()))) {
                        switch (g) {
                            case GenericArg.Lifetime l -> {
                                out.add(known ? li >= dl.size() || lateBound(dl.get(li)) : dflt);
                                li++;
                            }
                            case GenericArg.Type t -> marks(ti < dt.size() ? dt.get(ti) : null, t.ty(), out, known ? false : dflt);
                            case GenericArg.Const c -> { }
                        }
                        if (g instanceof GenericArg.Type) ti++;
                    }
                }
                default -> { }
            }
        }

        /** Elided and named lifetimes in a declared fn signature; {@code 'static} is no bound region. */
        private static boolean lateBound(Region r) {
            return r == null || !r.name().equals("'static");
        }

        /** The name of the next region in a signature, or null where it is erased. */
        private String nextRegion() {
            if (marks == null) return null;
            Boolean b = marks.poll();
            if (b == null || !b) return null;
            return bound == null ? outputName : bound.poll();
        }

        /** Closures, fn items and trait objects print their own args: no signature's regions in them. */
        private void unbound(Runnable r) {
            java.util.ArrayDeque<String> saved = bound;
            java.util.ArrayDeque<Boolean> savedMarks = marks;
            bound = null;
            marks = null;
            r.run();
            bound = saved;
            marks = savedMarks;
        }

        /** pretty.rs pretty_print_fn_sig. */
        void fnArgs(List<Ty> inputs, boolean cVariadic, Ty output) {
            sb.append('(');
            tys(inputs);
            if (cVariadic) {
                if (!inputs.isEmpty()) sb.append(", ");
                sb.append("...");
            }
            sb.append(')');
            if (!(output instanceof Ty.Tuple tu && tu.elements().isEmpty())) {
                sb.append(" -> ");
                ty(output);
            }
        }

        /** pretty.rs pretty_print_dyn_existential: the principal (Fn traits re-sugared), then auto traits by path. */
        void dyn(Ty.Dynamic d) {
            boolean first = true;
            List<String> autos = new ArrayList<>();
            TraitBound principal = null;
            for (TraitBound b : d.bounds()) {
                String def = singleName(b.trait());
                if (isAutoTrait(def)) autos.add(def);
                else if (principal == null) principal = b;
            }
            if (principal != null) {
                String def = singleName(principal.trait());
                printDefPath(def, List.of());
                List<GenericArg> targs = lastArgs(principal.trait());
                boolean fnTrait = def.equals(Resolver.FN) || def.equals(Resolver.FN_MUT) || def.equals(Resolver.FN_ONCE);
                if (fnTrait && targs.size() == 1 && targs.get(0) instanceof GenericArg.Type tt && tt.ty() instanceof Ty.Tuple tup
                        && principal.constraints().size() == 1) {
                    fnArgs(tup.elements(), false, principal.constraints().get(0).ty());
                } else {
                    List<GenericArg> full = new ArrayList<>();
                    full.add(new GenericArg.Type(new Ty.Param("Self")));
                    full.addAll(targs);
                    full = fullArgs(def, full);
                    List<GenericArg> own = ownArgsNoDefaults(def, gen(def), full);
                    List<TraitBound.AssocConstraint> cs = new ArrayList<>(principal.constraints());
                    cs.sort(Comparator.comparing(TraitBound.AssocConstraint::name));
                    if (!own.isEmpty() || !cs.isEmpty()) {
                        boolean was = inValue;
                        inValue = false;
                        sb.append('<');
                        for (int i = 0; i < own.size(); i++) {
                            if (i > 0) sb.append(", ");
                            arg(own.get(i));
                        }
                        for (int i = 0; i < cs.size(); i++) {
                            if (i > 0 || !own.isEmpty()) sb.append(", ");
                            sb.append(cs.get(i).name()).append(" = ");
                            ty(cs.get(i).ty());
                        }
                        sb.append('>');
                        inValue = was;
                    }
                }
                first = false;
            }
            List<String> printed = new ArrayList<>();
            for (String a : autos) printed.add(visible().print(a));
            printed.sort(null);
            for (String a : printed) {
                if (!first) sb.append(" + ");
                first = false;
                sb.append(a);
            }
        }
    }
}
