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
            List<String> lines = lines(span.file());
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

    private List<String> lines(String file) throws IOException {
        List<String> lines = files.get(file);
        if (lines == null) {
            lines = Files.readAllLines(root.resolve(file));
            files.put(file, lines);
        }
        return lines;
    }

    /**
     * For a call whose source reads {@code receiver.name(args)} (or {@code .name::<T>(args)}), the
     * span from {@code name} to the end: rustc's {@code fn_span} of a method call (rustc_hir
     * {@code ExprKind::MethodCall}), which codegen reports as its location. Null for any other
     * call, and where the source cannot be read.
     */
    Span methodCallSpan(Span call) {
        List<String> lines;
        try {
            if (root == null) return null;
            lines = lines(call.file());
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (call.endLine() > lines.size()) return null;
        StringBuilder text = new StringBuilder();
        for (int l = call.beginLine(); l <= call.endLine(); l++) {
            String line = lines.get(l - 1);
            int from = l == call.beginLine() ? call.beginCol() - 1 : 0;
            int to = l == call.endLine() ? call.endCol() - 1 : line.length();
            if (from < 0 || from > to || to > line.length()) return null;
            text.append(line, from, to).append('\n');
        }
        text.setLength(text.length() - 1);
        int open = postfixCallArguments(text);
        if (open < 0) return null;
        int i = skipSpaceBack(text, open - 1);
        if (i >= 0 && text.charAt(i) == '>') {
            int depth = 0;
            for (; i >= 0; i--) {
                if (text.charAt(i) == '>') depth++;
                else if (text.charAt(i) == '<' && --depth == 0) break;
            }
            if (i < 2 || text.charAt(i - 1) != ':' || text.charAt(i - 2) != ':') return null;
            i = skipSpaceBack(text, i - 3);
        }
        int end = i;
        while (i >= 0 && isIdent(text.charAt(i))) i--;
        int name = i + 1;
        if (name > end) return null;
        i = skipSpaceBack(text, i);
        if (i < 0 || text.charAt(i) != '.') return null;
        int line = call.beginLine();
        int lineStart = 0;
        for (int k = 0; k < name; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        int col = (line == call.beginLine() ? call.beginCol() : 1) + name - lineStart;
        return new Span(call.file(), line, col, call.endLine(), call.endCol());
    }

    /**
     * Where the {@code (} of the final argument list is, when the text is one postfix expression
     * ending in it (whitespace outside brackets only around a {@code .}, as in a chain split over
     * lines; not {@code a.len() + b.len()}); -1 otherwise. Skips string and char literals and comments.
     */
    private static int postfixCallArguments(CharSequence t) {
        int n = t.length();
        if (n == 0 || t.charAt(n - 1) != ')') return -1;
        int depth = 0;
        int lastOpen = -1;
        int looseSpace = -1;
        for (int i = 0; i < n; i++) {
            char ch = t.charAt(i);
            char next = i + 1 < n ? t.charAt(i + 1) : '\0';
            if (depth == 0 && looseSpace < 0 && Character.isWhitespace(ch)) {
                int before = skipSpaceBack(t, i);
                int after = i;
                while (after < n && Character.isWhitespace(t.charAt(after))) after++;
                if (before >= 0 && t.charAt(before) != '.' && after < n && t.charAt(after) != '.') looseSpace = i;
            }
            if (ch == '/' && next == '/') {
                while (i < n && t.charAt(i) != '\n') i++;
            } else if (ch == '/' && next == '*') {
                i += 2;
                while (i + 1 < n && !(t.charAt(i) == '*' && t.charAt(i + 1) == '/')) i++;
                i++;
            } else if (ch == 'r' && (next == '"' || next == '#') && (i == 0 || !isIdent(t.charAt(i - 1)))) {
                int hashes = 0;
                int j = i + 1;
                while (j < n && t.charAt(j) == '#') { hashes++; j++; }
                if (j >= n || t.charAt(j) != '"') continue;
                String close = "\"" + "#".repeat(hashes);
                int e = t.toString().indexOf(close, j + 1);
                if (e < 0) return -1;
                i = e + close.length() - 1;
            } else if (ch == '"') {
                for (i++; i < n && t.charAt(i) != '"'; i++) if (t.charAt(i) == '\\') i++;
            } else if (ch == '\'') {
                // a char literal, not a lifetime: 'x' or an escape
                if (next == '\\') {
                    for (i += 3; i < n && t.charAt(i) != '\''; i++) {}
                } else if (i + 2 < n && t.charAt(i + 2) == '\'') {
                    i += 2;
                }
            } else if (ch == '(' || ch == '[' || ch == '{') {
                if (depth == 0) lastOpen = ch == '(' ? i : -1;
                depth++;
            } else if (ch == ')' || ch == ']' || ch == '}') {
                if (--depth < 0) return -1;
            }
        }
        return depth == 0 && (looseSpace < 0 || looseSpace > lastOpen) ? lastOpen : -1;
    }

    private static boolean isIdent(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_';
    }

    private static int skipSpaceBack(CharSequence t, int i) {
        while (i >= 0 && Character.isWhitespace(t.charAt(i))) i--;
        return i;
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
