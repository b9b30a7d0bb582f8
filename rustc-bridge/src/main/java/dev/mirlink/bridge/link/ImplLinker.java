package dev.mirlink.bridge.link;

import dev.mirlink.mir.body.BodyKind;
import dev.mirlink.mir.body.VarDebugInfo;
import dev.mirlink.mir.item.AssocItem;
import dev.mirlink.mir.item.DefPaths;
import dev.mirlink.mir.item.Generics;
import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTable;
import dev.mirlink.mir.item.Span;
import dev.mirlink.mir.item.Visibility;
import dev.mirlink.mir.ty.GenericArg;
import dev.mirlink.mir.ty.Ty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links the {@code <impl at FILE:L:C: L:C>} segments of MIR body paths to rustdoc impls.
 *
 * <p>rustc prints {@code tcx.def_span(impl)}: from {@code impl} to the end of the where-clause,
 * inside the macro for macro output (rustc_middle/src/hir/map.rs {@code hir_span}). rustdoc
 * gives the whole item at its outermost call site (librustdoc/clean/types.rs {@code Span::new}).
 * Both count lines and columns from 1. So a hand-written impl is found by its begin; impls a
 * macro made share one printed span and are told apart by member names and signatures
 * (Self substituted), and where even those agree (say {@code impl Binary for u8} and
 * {@code impl Octal for u8}) by order: rustc emits MIR in DefIndex order, which rustdoc's impl
 * lists keep.
 *
 * <p>Bodies of one impl are printed together, members after the impl's own anon consts, each
 * member followed by its CTFE copy, promoteds, closures and local items. A run of bodies with
 * the same impl prefix is cut into impls where a member repeats, where an anon const follows
 * members, or where no candidate impl has all the names seen.
 */
final class ImplLinker {
    private static final String IMPL_AT = "<impl at ";

    private final ItemTable table;
    private final TypeMatcher matcher;
    private final MirNames names;
    private final List<BodyHeader> headers;
    private final List<List<String>> paths;
    private final Map<String, List<Item.Impl>> byBegin = new HashMap<>();
    private final Map<String, List<Item.Impl>> byContainer = new HashMap<>();
    private final List<Item.Impl> inexact = new ArrayList<>();
    private final Map<Item.Impl, Set<String>> assigned = new IdentityHashMap<>();
    private final Map<Item.Impl, Set<String>> memberNames = new IdentityHashMap<>();
    private final Map<String, Integer> canonicalUses = new HashMap<>();
    private final Map<Item.Impl, String> renames = new IdentityHashMap<>();
    private final Map<String, Item.Impl> synthesized = new LinkedHashMap<>();
    private final Set<Integer> unlinked = new HashSet<>();

    ImplLinker(ItemTable table, TypeMatcher matcher, MirNames names, List<BodyHeader> headers,
               List<List<String>> paths) {
        this.table = table;
        this.names = names;
        this.matcher = matcher;
        this.headers = headers;
        this.paths = paths;
    }

    /**
     * rustdoc impls to the def path MIR prints, with {@code #k} where impls share it. Impls are
     * keyed by identity: rustdoc gives one path to the impls a derive makes at one span
     * ({@code StructuralPartialEq} beside {@code PartialEq}).
     */
    Map<Item.Impl, String> renames() {
        return renames;
    }

    /** Impls rustdoc omits (inside fn bodies), recovered from their bodies, by canonical path. */
    Map<String, Item.Impl> synthesized() {
        return synthesized;
    }

    /** Entries under an impl rustdoc should have listed but that no rustdoc impl fits. */
    Set<Integer> unlinked() {
        return unlinked;
    }

    /** Rewrites {@code paths} in place: every impl segment becomes the canonical one. */
    void run() {
        Set<String> mirBegins = new HashSet<>();
        for (List<String> p : paths) {
            for (String s : p) if (s.startsWith(IMPL_AT)) mirBegins.add(beginKey(spanOf(s)));
        }
        for (Item.Impl impl : table.impls()) {
            if (impl.span() == null) continue;
            String begin = beginKey(impl.span());
            byBegin.computeIfAbsent(begin, k -> new ArrayList<>()).add(impl);
            if (!mirBegins.contains(begin)) {
                inexact.add(impl);
                byContainer.computeIfAbsent(containerOf(impl.defPath()), k -> new ArrayList<>()).add(impl);
            }
        }
        int n = paths.size();
        int[] done = new int[n];
        while (true) {
            String[] key = new String[n];
            int[] at = new int[n];
            boolean any = false;
            for (int e = 0; e < n; e++) {
                List<String> p = paths.get(e);
                for (int k = done[e]; k < p.size(); k++) {
                    if (p.get(k).startsWith(IMPL_AT)) {
                        key[e] = DefPaths.join(p.subList(0, k + 1));
                        at[e] = k;
                        any = true;
                        break;
                    }
                }
                if (key[e] == null) done[e] = p.size();
            }
            if (!any) break;
            for (int i = 0; i < n; i++) {
                if (key[i] == null) continue;
                int j = i;
                while (j + 1 < n && key[i].equals(key[j + 1])) j++;
                linkRun(i, j, at[i]);
                for (int e = i; e <= j; e++) done[e] = at[e] + 1;
                i = j;
            }
        }
        separateSharedPaths();
    }

    /**
     * An impl MIR never names (one without bodies, like the {@code StructuralPartialEq} a derive
     * puts beside {@code PartialEq}) keeps rustdoc's path unless another impl ends up with it;
     * then it takes the next {@code #k}, so that every impl has its own def path.
     */
    private void separateSharedPaths() {
        Set<String> taken = new HashSet<>(renames.values());
        for (Item.Impl impl : table.impls()) {
            if (renames.containsKey(impl)) continue;
            String path = impl.defPath();
            while (!taken.add(path)) {
                canonicalUses.putIfAbsent(impl.defPath(), 1);
                path = impl.defPath() + "#" + (canonicalUses.merge(impl.defPath(), 1, Integer::sum) - 1);
            }
            if (!path.equals(impl.defPath())) renames.put(impl, path);
        }
    }

    private record Instance(List<Integer> entries, Set<String> members, Set<String> names) {}

    private void linkRun(int from, int to, int k) {
        List<String> first = paths.get(from);
        String container = DefPaths.join(first.subList(0, k));
        String segment = first.get(k);
        Span span = spanOf(segment);
        List<Item.Impl> exact = byBegin.get(beginKey(span));
        List<Item.Impl> primary = exact != null ? exact : byContainer.getOrDefault(container, List.of());
        List<Item.Impl> fallback = exact != null ? List.of() : inexact;
        for (Instance inst : instances(from, to, k, primary.isEmpty() ? fallback : primary)) {
            Item.Impl impl = choose(inst, k, primary);
            if (impl == null) impl = choose(inst, k, fallback);
            if (impl == null && exact != null) impl = soleByNames(inst, exact);
            String canonical;
            if (impl != null && renames.containsKey(impl)) {
                canonical = renames.get(impl);
            } else {
                canonical = container + "::" + segment;
                int uses = canonicalUses.merge(canonical, 1, Integer::sum);
                if (uses > 1) canonical += "#" + (uses - 1);
                if (impl != null) renames.put(impl, canonical);
                else if (bodyOwner(container) || incoherent(inst, k)) synthesize(canonical, span, inst, k);
                else unlinked.addAll(inst.entries);
            }
            String last = DefPaths.last(canonical);
            for (int e : inst.entries) paths.get(e).set(k, last);
        }
    }

    private List<Instance> instances(int from, int to, int k, List<Item.Impl> candidates) {
        List<Instance> out = new ArrayList<>();
        Instance cur = null;
        for (int e = from; e <= to; e++) {
            List<String> rest = paths.get(e).subList(k + 1, paths.get(e).size());
            String member = rest.isEmpty() ? "" : rest.get(0);
            boolean direct = rest.size() == 1;
            boolean twin = headers.get(e).twin();
            boolean named = !member.startsWith("{");
            boolean split = cur == null;
            if (!split && direct && !twin) {
                if (cur.members.contains(member)) split = true;
                else if (!named && cur.members.stream().anyMatch(m -> !m.startsWith("{"))) split = true;
            }
            if (!split && named && !twin && !cur.names.contains(member)) {
                Set<String> wanted = new HashSet<>(cur.names);
                wanted.add(member);
                // only where the names so far fit an impl: an impl rustdoc lacks fits none from the start
                Set<String> sofar = cur.names;
                split = candidates.stream().anyMatch(c -> hasAll(c, sofar))
                        && candidates.stream().noneMatch(c -> hasAll(c, wanted));
            }
            if (split) {
                cur = new Instance(new ArrayList<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
                out.add(cur);
            }
            cur.entries.add(e);
            if (direct && !twin) cur.members.add(member);
            if (named) cur.names.add(member);
        }
        return out;
    }

    private Item.Impl choose(Instance inst, int k, List<Item.Impl> candidates) {
        Item.Impl best = null;
        int bestScore = -1;
        boolean bestTaken = true;
        for (Item.Impl c : candidates) {
            if (!hasAll(c, inst.names)) continue;
            Set<String> taken = assigned.get(c);
            // an impl's members appear once; what comes back later (ctors of local structs, which
            // rustc prints last) sits below members already seen
            if (taken != null && (inst.members.isEmpty() ? !taken.containsAll(inst.names)
                    : taken.stream().anyMatch(inst.members::contains))) {
                continue;
            }
            int score = score(inst, k, c);
            if (score < 0) continue;
            boolean isTaken = taken != null && !inst.members.isEmpty();
            if (best == null || (bestTaken && !isTaken) || (bestTaken == isTaken && score > bestScore)) {
                best = c;
                bestScore = score;
                bestTaken = isTaken;
            }
        }
        if (best != null) assigned.computeIfAbsent(best, x -> new HashSet<>()).addAll(inst.members);
        return best;
    }

    /**
     * The one impl at the printed begin that has the instance's members, whatever the
     * signatures say: rustdoc documents {@code cfg(doc)} stand-ins (std's {@code InnerPidFd}),
     * so a hand-written impl may disagree in types with what was compiled.
     */
    private Item.Impl soleByNames(Instance inst, List<Item.Impl> exact) {
        Item.Impl found = null;
        for (Item.Impl c : exact) {
            if (!hasAll(c, inst.names)) continue;
            if (found != null) return null;
            found = c;
        }
        if (found != null) assigned.computeIfAbsent(found, x -> new HashSet<>()).addAll(inst.members);
        return found;
    }

    /** How well the instance's member signatures fit the impl's, Self being the impl's self type; -1 if not at all. */
    private int score(Instance inst, int k, Item.Impl impl) {
        int total = 0;
        for (int e : inst.entries) {
            BodyHeader h = headers.get(e);
            List<String> p = paths.get(e);
            if (h.twin() || p.size() != k + 2) continue;
            AssocItem member = impl.item(p.get(k + 1));
            if (member == null) continue;
            int s = switch (member) {
                case AssocItem.Fn f when h.kind() == BodyKind.FN -> fnScore(table.valueItem(f.defPath()), h, impl);
                case AssocItem.Const c when h.kind() == BodyKind.CONST -> matcher.match(c.ty(), h.ret(), impl.selfTy(), impl);
                default -> -1;
            };
            if (s < 0) return -1;
            total += s;
        }
        return total;
    }

    private int fnScore(Item item, BodyHeader h, Item.Impl impl) {
        if (!(item instanceof Item.Fn fn)) return 0;
        if (fn.sig().inputs().size() != h.args().size()) return -1;
        int total = matcher.match(fn.sig().output(), h.ret(), impl.selfTy(), impl);
        for (int i = 0; i < h.args().size() && total >= 0; i++) {
            int s = matcher.match(fn.sig().inputs().get(i), h.args().get(i), impl.selfTy(), impl);
            total = s < 0 ? -1 : total + s;
        }
        return total;
    }

    private boolean hasAll(Item.Impl impl, Set<String> names) {
        Set<String> members = memberNames.computeIfAbsent(impl, i -> {
            Set<String> set = new HashSet<>();
            for (AssocItem a : i.items()) set.add(a.name());
            return set;
        });
        return members.containsAll(names);
    }

    /**
     * An impl rustdoc does not list: one declared inside a fn body. Its self type comes from a
     * method's {@code self} argument when there is one; the trait is not printed in MIR.
     */
    private void synthesize(String canonical, Span span, Instance inst, int k) {
        Ty self = null;
        List<AssocItem> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int e : inst.entries) {
            BodyHeader h = headers.get(e);
            List<String> p = paths.get(e);
            if (h.twin() || p.size() != k + 2 || !seen.add(p.get(k + 1))) continue;
            String name = p.get(k + 1);
            String memberPath = canonical + "::" + name;
            switch (h.kind()) {
                case FN -> {
                    items.add(new AssocItem.Fn(name, memberPath, true));
                    if (self == null && h.body() != null && !h.args().isEmpty() && isSelfArg(h)) {
                        self = names.qualify(peelSelf(h.args().get(0)));
                    }
                }
                case CONST -> items.add(new AssocItem.Const(name, memberPath, names.qualify(h.ret()), true));
                default -> { }
            }
        }
        synthesized.put(canonical, new Item.Impl(canonical, span, Visibility.INHERITED, Item.Origin.SYNTHESIZED,
                Generics.EMPTY, null, self != null ? self : new Ty.Other("_"), items, List.of(), false, false, false));
    }

    /**
     * Whether {@code container} is (inside) a body: rustdoc omits impls declared there. Under
     * an impl segment the container is an associated fn or const, hence a body.
     */
    private boolean bodyOwner(String container) {
        List<String> segs = DefPaths.split(container);
        for (int i = segs.size(); i >= 1; i--) {
            String last = segs.get(i - 1);
            if (DefPaths.isDisambiguated(last) || last.equals("_") || DefPaths.isImplSegment(last)) return true;
            String prefix = DefPaths.join(segs.subList(0, i));
            Item item = table.valueItem(prefix) != null ? table.valueItem(prefix) : table.typeItem(prefix);
            if (item instanceof Item.Fn || item instanceof Item.Const || item instanceof Item.Static) return true;
            if (item != null) return false;
        }
        return false;
    }

    /**
     * An inherent impl on a type of another crate or a builtin type ({@code impl<T> [T]} in
     * alloc, {@code impl dyn Error} in std): allowed in the standard library by
     * {@code #[rustc_allow_incoherent_impl]}, and left out of rustdoc's JSON.
     */
    private boolean incoherent(Instance inst, int k) {
        Ty self = selfType(inst, k);
        if (self == null) return false;
        if (self instanceof Ty.Adt adt) {
            String path = names.canonical(TypeMatcher.stripArgs(adt.path()));
            return path != null && !path.startsWith(table.crateName() + "::");
        }
        return !(self instanceof Ty.Param || self instanceof Ty.Other);
    }

    private Ty selfType(Instance inst, int k) {
        for (int e : inst.entries) {
            BodyHeader h = headers.get(e);
            if (!h.twin() && paths.get(e).size() == k + 2 && h.kind() == BodyKind.FN && h.body() != null
                    && !h.args().isEmpty() && isSelfArg(h)) {
                return peelSelf(h.args().get(0));
            }
        }
        return null;
    }

    /** {@code &Self}, {@code &mut Self}, {@code Box<Self>}, {@code Rc<Self>}…: the self type inside. */
    private static Ty peelSelf(Ty ty) {
        if (ty instanceof Ty.Ref || ty instanceof Ty.RawPtr) return peel(ty);
        if (ty instanceof Ty.Adt adt) {
            String last = MirNames.segment(adt.path().segments().get(adt.path().segments().size() - 1));
            List<GenericArg> args = TypeMatcher.lastArgs(adt.path());
            if (Set.of("Box", "Rc", "Arc", "Pin").contains(last) && !args.isEmpty()
                    && args.get(0) instanceof GenericArg.Type t) {
                return peelSelf(t.ty());
            }
        }
        return ty;
    }

    private static boolean isSelfArg(BodyHeader h) {
        for (VarDebugInfo v : h.body().varDebugInfo()) {
            if (v.name().equals("self") && v.value() instanceof VarDebugInfo.Contents.PlaceValue pv
                    && pv.place().local().index() == 1 && pv.place().projection().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static Ty peel(Ty ty) {
        return switch (ty) {
            case Ty.Ref r -> r.pointee();
            case Ty.RawPtr r -> r.pointee();
            default -> ty;
        };
    }

    static Span spanOf(String implSegment) {
        String inner = implSegment.substring(IMPL_AT.length(), implSegment.lastIndexOf('>'));
        return Span.parse(inner);
    }

    private static String beginKey(Span s) {
        return s.file() + ":" + s.beginLine() + ":" + s.beginCol();
    }

    private static String containerOf(String implPath) {
        return DefPaths.parent(implPath);
    }
}
