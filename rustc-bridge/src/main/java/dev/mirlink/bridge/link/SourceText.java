package dev.mirlink.bridge.link;

import dev.mirlink.mir.item.Span;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crate's source, for what neither rustdoc nor MIR records of items declared in bodies:
 * an impl's header, the fields and variants of a braced type. Spans are relative to {@code root},
 * rustc's working directory; each file is read once. Text comes back with its whitespace
 * collapsed, and null where the file or span cannot be read (or there is no root).
 */
final class SourceText {
    private final Path root;
    private final Map<String, List<String>> files = new HashMap<>();

    SourceText(Path root) {
        this.root = root;
    }

    String read(Span span) {
        if (root == null || span == null) return null;
        try {
            List<String> lines = files.get(span.file());
            if (lines == null) {
                lines = Files.readAllLines(root.resolve(span.file()));
                files.put(span.file(), lines);
            }
            StringBuilder sb = new StringBuilder();
            for (int l = span.beginLine(); l <= span.endLine(); l++) {
                String line = lines.get(l - 1);
                int from = l == span.beginLine() ? span.beginCol() - 1 : 0;
                int to = l == span.endLine() ? span.endCol() - 1 : line.length();
                sb.append(line, from, to).append(' ');
            }
            return sb.toString().replaceAll("\\s+", " ").strip();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A braced {@code struct}, {@code union} or {@code enum} as declared: its fields, or its variants. */
    record Declaration(String kind, List<Member> members) {
        /** The member names in declaration order, which is their index order. */
        List<String> names() {
            return members.stream().map(Member::name).toList();
        }
    }

    /** A field, or a variant: then whether it is a unit variant and its explicit discriminant as written (or null). */
    record Member(String name, boolean unit, String discriminant) {}

    /**
     * The braced type called {@code name} that {@code body} (the text of the item whose body
     * declares it) declares; null when it declares no such type once.
     */
    static Declaration declaration(String body, String name) {
        if (body == null) return null;
        Matcher m = Pattern.compile("\\b(struct|union|enum) " + Pattern.quote(name) + "\\b[^;{(]*\\{").matcher(body);
        if (!m.find()) return null;
        String kind = m.group(1);
        int open = m.end() - 1;
        if (m.find()) return null;
        int close = closing(body, open);
        if (close < 0) return null;
        List<Member> out = new ArrayList<>();
        Pattern member = Pattern.compile("^(?:#\\[[^\\]]*\\] )*(?:pub(?:\\([^)]*\\))? )?([A-Za-z_][A-Za-z0-9_]*)(.*)$");
        for (String f : splitTopLevel(body.substring(open + 1, close), ',')) {
            Matcher fm = member.matcher(f);
            if (!fm.find()) return null;
            String rest = fm.group(2).strip();
            boolean unit = rest.isEmpty() || rest.startsWith("=");
            out.add(new Member(fm.group(1), unit, rest.startsWith("=") ? rest.substring(1).strip() : null));
        }
        return new Declaration(kind, out);
    }

    /** The index of the bracket closing the one at {@code open} ({@code <}, {@code (}, {@code [} or a brace), or -1. */
    static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            int d = depthChange(s, i);
            depth += d;
            if (d < 0 && depth == 0) return i;
        }
        return -1;
    }

    /** Where {@code what} first occurs outside brackets, or -1. */
    static int topLevel(String s, String what) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            if (depth == 0 && s.startsWith(what, i)) return i;
            depth += depthChange(s, i);
        }
        return -1;
    }

    /** {@code text} split at {@code sep} outside brackets, parts stripped, empty ones dropped. */
    static List<String> splitTopLevel(String text, char sep) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int at = topLevel(text.substring(start), String.valueOf(sep));
            String part = (at < 0 ? text.substring(start) : text.substring(start, start + at)).strip();
            if (!part.isEmpty()) out.add(part);
            if (at < 0) return out;
            start += at + 1;
        }
    }

    /** +1 for an opening bracket, -1 for a closing one (the {@code >} of {@code ->} is none), else 0. */
    private static int depthChange(String s, int i) {
        return switch (s.charAt(i)) {
            case '<', '(', '[', '{' -> 1;
            case ')', ']', '}' -> -1;
            case '>' -> i > 0 && s.charAt(i - 1) == '-' ? 0 : -1;
            default -> 0;
        };
    }
}
