package dev.mirlink.tests.mono;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The collector's JSON report ({@code MIRLINK_REPORT}, schema {@code mirlink-collect/1}). Only the
 * fields the oracle uses are read; unknown fields are ignored. Missing fields read as empty/null
 * and are reported by {@link InstanceComparison} as report problems rather than thrown.
 */
record CollectReport(String schema, String target, String crate, List<String> roots,
        Map<String, Instance> instances, List<String> duplicates, List<String> kindPrefixed, int requests, int merged,
        List<String> unevaluatedConsts) {
    static final String SCHEMA = "mirlink-collect/1";

    /** One collected instance; {@code kind} is {@code fn}, {@code drop-glue}, {@code shim} or {@code static}. */
    record Instance(String name, String kind, String crate, boolean generic, List<String> requestedBy,
            List<String> reachedFrom) {
        /** The word rustc's {@code -Zprint-mono-items} uses for this kind. */
        String monoKind() {
            return "static".equals(kind) ? "static" : "fn";
        }
    }

    static CollectReport read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CollectReport parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("report is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("report is not a JSON object");
        Map<String, Instance> instances = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        Set<String> kindPrefixed = new LinkedHashSet<>();
        for (JsonNode n : root.path("instances")) {
            Instance i = new Instance(bare(text(n, "name"), kindPrefixed), text(n, "kind"), text(n, "crate"),
                    n.path("generic").asBoolean(false), strings(n.path("requestedBy")),
                    bare(strings(n.path("reachedFrom")), kindPrefixed));
            if (instances.putIfAbsent(i.name(), i) != null) duplicates.add(i.name());
        }
        return new CollectReport(text(root, "schema"), text(root, "target"), text(root, "crate"),
                bare(strings(root.path("roots")), kindPrefixed), instances, duplicates, List.copyOf(kindPrefixed),
                root.path("requests").asInt(-1), root.path("merged").asInt(-1), strings(root.path("unevaluatedConsts")));
    }

    /**
     * Names are bare ({@code main::main}, as printed after {@code MONO_ITEM fn}). A name that carries
     * the kind word ({@code fn main::main}) is read without it, so the rest of the comparison still
     * means something, and remembered in {@code kindPrefixed} so the comparison reports it.
     */
    private static String bare(String name, Set<String> kindPrefixed) {
        if (name == null) return null;
        for (String kind : List.of("fn ", "static ")) {
            if (name.startsWith(kind)) {
                kindPrefixed.add(name);
                return name.substring(kind.length());
            }
        }
        return name;
    }

    private static List<String> bare(List<String> names, Set<String> kindPrefixed) {
        List<String> out = new ArrayList<>();
        for (String n : names) out.add(bare(n, kindPrefixed));
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.asText());
        return out;
    }
}
