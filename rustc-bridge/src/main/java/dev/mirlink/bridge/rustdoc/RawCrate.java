package dev.mirlink.bridge.rustdoc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a rustdoc JSON crate that items need, read in one streaming pass: docs, links,
 * deprecations and target features are skipped unread, which keeps core's 68 MB under 2 s.
 */
record RawCrate(int root, Map<Integer, RawItem> index, Map<Integer, Summary> paths,
                Map<Integer, String> externalCrates, int formatVersion) {

    /**
     * One {@code index} entry: {@code kind} is the {@code ItemEnum} variant ({@code "function"}),
     * {@code body} its contents (null for a unit variant such as {@code "extern_type"}).
     */
    record RawItem(int id, int crateId, String name, JsonNode span, JsonNode visibility, JsonNode attrs,
                   String kind, JsonNode body) {}

    /** One {@code paths} entry: the crate and the def path of an item, local or external. */
    record Summary(int crateId, List<String> path, String kind) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static RawCrate parse(InputStream in) throws IOException {
        JsonFactory factory = MAPPER.getFactory();
        int root = -1, formatVersion = -1;
        Map<Integer, RawItem> index = new HashMap<>();
        Map<Integer, Summary> paths = new HashMap<>();
        Map<Integer, String> externalCrates = new HashMap<>();
        try (JsonParser p = factory.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "root" -> root = p.getIntValue();
                    case "format_version" -> formatVersion = p.getIntValue();
                    case "index" -> {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            int id = Integer.parseInt(p.currentName());
                            p.nextToken();
                            index.put(id, item(p));
                        }
                    }
                    case "paths" -> {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            int id = Integer.parseInt(p.currentName());
                            p.nextToken();
                            paths.put(id, summary(p));
                        }
                    }
                    case "external_crates" -> {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            int id = Integer.parseInt(p.currentName());
                            p.nextToken();
                            JsonNode crate = MAPPER.readTree(p);
                            externalCrates.put(id, crate.get("name").asText());
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }
        if (root < 0) throw new RustdocFormatException("rustdoc JSON has no root");
        return new RawCrate(root, index, paths, externalCrates, formatVersion);
    }

    private static RawItem item(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT);
        int id = -1, crateId = -1;
        String name = null;
        JsonNode span = null, visibility = null, attrs = null, inner = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = p.getIntValue();
                case "crate_id" -> crateId = p.getIntValue();
                case "name" -> name = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
                case "span" -> span = MAPPER.readTree(p);
                case "visibility" -> visibility = MAPPER.readTree(p);
                case "attrs" -> attrs = keptAttrs(p);
                case "inner" -> inner = MAPPER.readTree(p);
                default -> p.skipChildren();
            }
        }
        if (inner == null) throw new RustdocFormatException("item " + id + " has no inner");
        String kind = inner.isTextual() ? inner.asText() : inner.fieldNames().next();
        return new RawItem(id, crateId, name, span, visibility, attrs, kind, inner.isTextual() ? null : inner.get(kind));
    }

    /**
     * Only what layout and codegen need is kept: {@code repr}, {@code no_mangle}, {@code export_name}
     * and the {@code other} markers named in {@link #CODEGEN_MARKERS}; the rest is skipped.
     */
    private static JsonNode keptAttrs(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY);
        List<JsonNode> kept = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                if (p.getText().equals("no_mangle")) kept.add(MAPPER.getNodeFactory().textNode("no_mangle"));
            } else if (p.currentToken() == JsonToken.START_OBJECT) {
                p.nextToken();
                String kind = p.currentName();
                p.nextToken();
                JsonNode value = kind.equals("repr") || kind.equals("export_name") || kind.equals("other") ? MAPPER.readTree(p) : null;
                if (value == null) p.skipChildren();
                else if (!kind.equals("other") || CODEGEN_MARKERS.matcher(value.asText()).find()) kept.add(MAPPER.createObjectNode().set(kind, value));
                expect(p.nextToken(), JsonToken.END_OBJECT);
            }
        }
        return kept.isEmpty() ? null : MAPPER.createArrayNode().addAll(kept);
    }

    static final java.util.regex.Pattern CODEGEN_MARKERS = java.util.regex.Pattern.compile(
            "^#\\[(attr = (RustcIntrinsic\\]|TrackCaller|Inline\\(|Used|RustcStdInternalSymbol|Lang\\(|Linkage\\(|LinkName )|unsafe\\(no_mangle\\)|used)");

    private static Summary summary(JsonParser p) throws IOException {
        JsonNode s = MAPPER.readTree(p);
        List<String> path = new ArrayList<>();
        for (JsonNode seg : s.get("path")) path.add(seg.asText());
        return new Summary(s.get("crate_id").asInt(), path, s.get("kind").asText());
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) throw new RustdocFormatException("expected " + expected + " but found " + actual);
    }
}
