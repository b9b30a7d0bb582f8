package dev.mirlink.bridge.rustdoc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mirlink.bridge.rustdoc.RawCrate.RawItem;
import dev.mirlink.mir.item.Span;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every local rustdoc item its def path by walking modules from the crate root, then
 * trait and impl members below their owner. rustdoc does not say where an impl sits, so an
 * impl is placed in the innermost module, fn, const or static whose source covers its span.
 * The impl's own segment uses rustdoc's span, which covers the whole item and, for macro
 * output, the outermost call site; the linker later replaces it with the span rustc prints
 * ({@code tcx.def_span}: the header only, inside the macro). Impls that would get the same
 * path are told apart by a suffix {@code #k} on the impl segment, {@code k >= 1} in
 * {@link ImplOrder}: rustc's own {@code {impl#N}} disambiguator is not printed.
 */
final class DefPathAssigner {
    private final RawCrate raw;
    private final String crateName;
    private final Map<Integer, String> defPaths = new LinkedHashMap<>();
    /** Extent of each module: its span, stretched over same-file descendants (inline modules only give the header). */
    private final Map<Integer, Span> moduleExtents = new HashMap<>();
    private final List<Container> containers = new ArrayList<>();

    private record Container(Span extent, String defPath, boolean module) {}

    private final List<RawItem> impls;

    /** {@code impls} in {@link ImplOrder}: impls sharing a span are told apart by {@code #k} in that order. */
    DefPathAssigner(RawCrate raw, String crateName, List<RawItem> impls) {
        this.raw = raw;
        this.impls = impls;
        this.crateName = crateName;
    }

    Map<Integer, String> assign() {
        walkModule(raw.root(), crateName);
        Map<String, List<Container>> byFile = new HashMap<>();
        for (Container c : containers) byFile.computeIfAbsent(c.extent.file(), k -> new ArrayList<>()).add(c);
        Map<String, Integer> seen = new HashMap<>();
        for (RawItem item : impls) {
            Span span = span(item.span());
            String container = span == null ? crateName : innermost(byFile.getOrDefault(span.file(), List.of()), span);
            String implPath = container + "::<impl at " + span + ">";
            int n = seen.merge(implPath, 1, Integer::sum);
            if (n > 1) implPath += "#" + (n - 1);
            defPaths.put(item.id(), implPath);
            members(item.body().get("items"), implPath);
        }
        return defPaths;
    }

    /** Impls rustdoc copies for each type (blanket impls, auto-trait impls) are not items of this crate. */
    static boolean isRealLocalImpl(RawItem item) {
        if (item.crateId() != 0 || !item.kind().equals("impl")) return false;
        JsonNode impl = item.body();
        return !impl.get("is_synthetic").asBoolean() && impl.get("blanket_impl").isNull();
    }

    private Span walkModule(int id, String path) {
        RawItem module = raw.index().get(id);
        defPaths.put(id, path);
        Span own = span(module.span());
        Span extent = own;
        for (JsonNode childId : module.body().get("items")) {
            RawItem child = raw.index().get(childId.asInt());
            if (child == null) continue;
            String kind = child.kind();
            String childPath;
            if (kind.equals("use")) {
                JsonNode use = child.body();
                childPath = path + "::" + (use.get("is_glob").asBoolean() ? "*" : use.get("name").asText());
            } else if (child.name() != null) {
                childPath = path + "::" + child.name();
            } else {
                continue;
            }
            Span childExtent = span(child.span());
            switch (kind) {
                case "module" -> childExtent = walkModule(child.id(), childPath);
                case "trait" -> {
                    defPaths.put(child.id(), childPath);
                    members(child.body().get("items"), childPath);
                }
                case "function", "constant", "static" -> {
                    defPaths.put(child.id(), childPath);
                    if (childExtent != null) containers.add(new Container(childExtent, childPath, false));
                }
                default -> defPaths.put(child.id(), childPath);
            }
            extent = stretch(extent, childExtent);
        }
        if (extent != null) {
            moduleExtents.put(id, extent);
            containers.add(new Container(extent, path, true));
        }
        return extent;
    }

    private void members(JsonNode items, String owner) {
        for (JsonNode memberId : items) {
            RawItem member = raw.index().get(memberId.asInt());
            if (member != null && member.name() != null) defPaths.put(member.id(), owner + "::" + member.name());
        }
    }

    private static Span stretch(Span extent, Span child) {
        if (extent == null) return child;
        if (child == null || !child.file().equals(extent.file())) return extent;
        boolean later = child.endLine() > extent.endLine()
                || (child.endLine() == extent.endLine() && child.endCol() > extent.endCol());
        return later ? new Span(extent.file(), extent.beginLine(), extent.beginCol(), child.endLine(), child.endCol())
                : extent;
    }

    /**
     * The innermost container of {@code span}: modules may share the span (macro output),
     * fns and consts must strictly enclose it, since an impl and a fn made by one macro call
     * share the call site without nesting.
     */
    private String innermost(List<Container> candidates, Span span) {
        Container best = null;
        for (Container c : candidates) {
            if (!c.extent.contains(span)) continue;
            if (!c.module && c.extent.equals(span)) continue;
            if (best == null || inner(c, best)) best = c;
        }
        return best == null ? crateName : best.defPath;
    }

    private static boolean inner(Container a, Container b) {
        Span x = a.extent, y = b.extent;
        if (x.beginLine() != y.beginLine()) return x.beginLine() > y.beginLine();
        if (x.beginCol() != y.beginCol()) return x.beginCol() > y.beginCol();
        if (x.endLine() != y.endLine()) return x.endLine() < y.endLine();
        if (x.endCol() != y.endCol()) return x.endCol() < y.endCol();
        return a.defPath.length() > b.defPath.length();
    }

    static Span span(JsonNode span) {
        if (span == null || span.isNull()) return null;
        JsonNode begin = span.get("begin"), end = span.get("end");
        return new Span(span.get("filename").asText(), begin.get(0).asInt(), begin.get(1).asInt(),
                end.get(0).asInt(), end.get(1).asInt());
    }
}
