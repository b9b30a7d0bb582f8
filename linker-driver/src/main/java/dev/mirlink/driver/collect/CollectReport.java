package dev.mirlink.driver.collect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mirlink.mir.ty.GenericArg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;

/** The collection report, schema {@code mirlink-collect/1} (documented in docs/REPORT.md). */
public final class CollectReport {
    public static final String SCHEMA = "mirlink-collect/1";

    private CollectReport() {}

    public static ObjectNode json(Collector.Result r, String target, String crate, MonoItemNames names) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("target", target);
        root.put("crate", crate);
        ArrayNode roots = root.putArray("roots");
        r.roots().forEach(i -> roots.add(bare(names.name(i))));
        ArrayNode items = root.putArray("instances");
        for (Map.Entry<MonoItem, Set<MonoItem>> e : r.reachedFrom().entrySet()) {
            MonoItem item = e.getKey();
            ObjectNode o = items.addObject();
            o.put("name", bare(names.name(item)));
            o.put("kind", kind(item));
            o.put("crate", crateOf(item));
            o.put("generic", item instanceof MonoItem.Fn f && f.args().stream().anyMatch(a -> !(a instanceof GenericArg.Lifetime)));
            ArrayNode by = o.putArray("requestedBy");
            r.requestedBy().getOrDefault(item, Set.of()).forEach(by::add);
            ArrayNode from = o.putArray("reachedFrom");
            e.getValue().forEach(f -> from.add(bare(names.name(f))));
        }
        ArrayNode vtables = root.putArray("vtables");
        for (Collector.Vtable v : r.vtables()) {
            ObjectNode o = vtables.addObject();
            o.put("type", names.ty(v.concrete()));
            o.put("dyn", names.ty(v.dyn()));
        }
        root.put("dropGlue", r.reachedFrom().keySet().stream().filter(i -> kind(i).equals("drop-glue")).count());
        root.put("requests", r.requests());
        root.put("merged", r.requests() - (r.reachedFrom().size() - r.roots().size()));
        ArrayNode unevaluated = root.putArray("unevaluatedConsts");
        r.unevaluated().forEach(unevaluated::add);
        return root;
    }

    public static void write(ObjectNode report, Path file) {
        try {
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".report", ".tmp");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), report);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report " + file + ": " + e.getMessage(), e);
        }
    }

    /** A name as printed after {@code MONO_ITEM}, without its {@code fn}/{@code static} word. */
    private static String bare(String printed) {
        return printed.substring(printed.indexOf(' ') + 1);
    }

    static String kind(MonoItem item) {
        return switch (item) {
            case MonoItem.Static s -> "static";
            case MonoItem.Fn f -> switch (f.kind()) {
                case ITEM -> "fn";
                case DROP_GLUE -> "drop-glue";
                default -> "shim";
            };
        };
    }

    private static String crateOf(MonoItem item) {
        return switch (item) {
            case MonoItem.Static s -> Program.crateOf(s.defPath());
            case MonoItem.Fn f -> f.kind() == MonoItem.InstanceKind.ITEM ? Program.crateOf(f.defPath()) : "core";
        };
    }
}
