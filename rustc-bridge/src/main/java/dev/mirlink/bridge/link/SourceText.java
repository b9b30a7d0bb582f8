package dev.mirlink.bridge.link;

import dev.mirlink.mir.item.Span;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crate's source, for what neither rustdoc nor MIR records of items declared in bodies:
 * an impl's header, the names of a struct's or union's fields that MIR only ever projects by
 * index. Spans are relative to {@code root}, rustc's working directory; text comes back with
 * its whitespace collapsed, and null where the file or span cannot be read.
 */
final class SourceText {
    private SourceText() {}

    static String read(Path root, Span span) {
        if (root == null || span == null) return null;
        try {
            List<String> lines = Files.readAllLines(root.resolve(span.file()));
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
        int depth = 0, close = -1;
        for (int i = open; i < body.length() && close < 0; i++) {
            char c = body.charAt(i);
            if (c == '{' || c == '(' || c == '[' || c == '<') depth++;
            else if (c == '}' || c == ')' || c == ']' || c == '>' && body.charAt(i - 1) != '-') {
                if (--depth == 0) close = i;
            }
        }
        if (close < 0) return null;
        List<Member> out = new ArrayList<>();
        Pattern member = Pattern.compile("^(?:#\\[[^\\]]*\\] )*(?:pub(?:\\([^)]*\\))? )?([A-Za-z_][A-Za-z0-9_]*)(.*)$");
        for (String f : LocalImplHeader.splitTopLevel(body.substring(open + 1, close), ',')) {
            Matcher fm = member.matcher(f);
            if (!fm.find()) return null;
            String rest = fm.group(2).strip();
            boolean unit = rest.isEmpty() || rest.startsWith("=");
            out.add(new Member(fm.group(1), unit, rest.startsWith("=") ? rest.substring(1).strip() : null));
        }
        return new Declaration(kind, out);
    }
}
