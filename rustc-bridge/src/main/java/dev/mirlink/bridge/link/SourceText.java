package dev.mirlink.bridge.link;

import dev.mirlink.mir.item.Span;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crate's source, for what neither rustdoc nor MIR records of items declared in bodies:
 * an impl's header, the fields and variants of a braced type. A span's file is relative to the
 * first of {@code roots} that has it: rustc's working directory, then the one spans of other
 * crates are relative to (the sysroot's crates name their files relative to the rust-src library
 * cargo built them in); each file is read once. Text comes back with its whitespace collapsed,
 * and null where the file or span cannot be read.
 */
final class SourceText {
    private final List<Path> roots;
    private final Map<String, List<String>> files = new HashMap<>();

    SourceText(Path... roots) {
        this.roots = Arrays.stream(roots).filter(Objects::nonNull).toList();
    }

    String read(Span span) {
        String text = text(span);
        return text == null ? null : text.replaceAll("\\s+", " ").strip();
    }

    /** The span's text, its lines joined by {@code \n}; null where the file or span cannot be read. */
    private String text(Span span) {
        List<String> lines = span == null ? null : lines(span.file());
        if (lines == null || span.beginLine() < 1 || span.endLine() > lines.size()) return null;
        StringBuilder text = new StringBuilder();
        for (int l = span.beginLine(); l <= span.endLine(); l++) {
            String line = lines.get(l - 1);
            int from = l == span.beginLine() ? span.beginCol() - 1 : 0;
            int to = l == span.endLine() ? span.endCol() - 1 : line.length();
            if (from < 0 || from > to || to > line.length()) return null;
            text.append(line, from, to).append('\n');
        }
        return text.substring(0, text.length() - 1);
    }

    /** Line and column of offset {@code at} in {@code text}, which begins at {@code line}:{@code col}. */
    private static int[] lineCol(CharSequence text, int at, int line, int col) {
        int lineStart = 0;
        for (int k = 0; k < at; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new int[] {line, (lineStart == 0 ? col : 1) + at - lineStart};
    }

    /** The file's lines, or null where no root has it readable. */
    private List<String> lines(String file) {
        if (files.containsKey(file)) return files.get(file);
        List<String> lines = null;
        for (Path root : roots) {
            try {
                Path path = root.resolve(file);
                if (!Files.isRegularFile(path)) continue;
                lines = Files.readAllLines(path);
            } catch (IOException | RuntimeException e) {
                // not a path, or not UTF-8: unreadable like a missing file
            }
            break;
        }
        files.put(file, lines);
        return lines;
    }

    /**
     * For a call whose source reads {@code receiver.name(args)} (or {@code .name::<T>(args)}), the
     * span from {@code name} to the end: rustc's {@code fn_span} of a method call (rustc_hir
     * {@code ExprKind::MethodCall}), which codegen reports as its location. Null for any other
     * call, and where the source cannot be read.
     */
    Span methodCallSpan(Span call) {
        String text = text(call);
        if (text == null) return null;
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
        int[] at = lineCol(text, name, call.beginLine(), call.beginCol());
        return new Span(call.file(), at[0], at[1], call.endLine(), call.endCol());
    }

    /**
     * The whole definition of the macro at {@code defSite}, the span rustc records as an expansion's
     * {@code def_site} (the definition's header, {@code macro_rules! name} or {@code pub macro name},
     * or all of it): to the bracket closing its rules or, for {@code macro name(params) { body }},
     * its body. Null where the source cannot be read.
     */
    Span macroDefinition(Span defSite) {
        List<String> lines = lines(defSite.file());
        if (lines == null || defSite.endLine() > lines.size()) return null;
        StringBuilder text = new StringBuilder();
        for (int l = defSite.beginLine(); l <= lines.size(); l++) text.append(lines.get(l - 1)).append('\n');
        Matcher name = MACRO_NAME.matcher(text);
        if (defSite.beginCol() - 1 > text.length() || !name.region(defSite.beginCol() - 1, text.length()).lookingAt()) return null;
        int close = closingBracketAfter(text, name.end());
        if (close >= 0 && text.charAt(close) == ')') {
            int body = closingBracketAfter(text, close + 1);
            if (body >= 0 && text.charAt(body) == '}') close = body;
        }
        if (close < 0) return null;
        int[] end = lineCol(text, close, defSite.beginLine(), 1);
        return new Span(defSite.file(), defSite.beginLine(), defSite.beginCol(), end[0], end[1] + 1);
    }

    private static final Pattern MACRO_NAME = Pattern.compile("(pub(\\([^)]*\\))?\\s+)?(macro_rules!|macro)\\s+(r#)?[A-Za-z_][A-Za-z0-9_]*");

    /** The first bracket after {@code from} (past whitespace and comments only) and the index of the one closing it, or -1. */
    private static int closingBracketAfter(CharSequence t, int from) {
        int i = from;
        while (i < t.length()) {
            if (Character.isWhitespace(t.charAt(i))) {
                i++;
                continue;
            }
            int skipped = skipNonCode(t, i);
            if (skipped <= i) break;
            i = skipped + 1;
        }
        if (i >= t.length() || "([{".indexOf(t.charAt(i)) < 0) return -1;
        int depth = 0;
        for (; i < t.length(); i++) {
            int skipped = skipNonCode(t, i);
            if (skipped < 0) return -1;
            if (skipped > i) {
                i = skipped;
            } else if ("([{".indexOf(t.charAt(i)) >= 0) {
                depth++;
            } else if (")]}".indexOf(t.charAt(i)) >= 0 && --depth == 0) {
                return i;
            }
        }
        return -1;
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
            if (depth == 0 && looseSpace < 0 && Character.isWhitespace(ch)) {
                int before = skipSpaceBack(t, i);
                int after = i;
                while (after < n && Character.isWhitespace(t.charAt(after))) after++;
                if (before >= 0 && t.charAt(before) != '.' && after < n && t.charAt(after) != '.') looseSpace = i;
            }
            int skipped = skipNonCode(t, i);
            if (skipped < 0) return -1;
            if (skipped > i) {
                i = skipped;
            } else if (ch == '(' || ch == '[' || ch == '{') {
                if (depth == 0) lastOpen = ch == '(' ? i : -1;
                depth++;
            } else if (ch == ')' || ch == ']' || ch == '}') {
                if (--depth < 0) return -1;
            }
        }
        return depth == 0 && (looseSpace < 0 || looseSpace > lastOpen) ? lastOpen : -1;
    }

    /**
     * When a comment, a string or a char literal starts at {@code i}, the index of its last char
     * ({@code i} for anything else, -1 for an unterminated raw string). A lifetime is not a char literal.
     */
    private static int skipNonCode(CharSequence t, int i) {
        int n = t.length();
        char ch = t.charAt(i);
        char next = i + 1 < n ? t.charAt(i + 1) : '\0';
        if (ch == '/' && next == '/') {
            while (i < n && t.charAt(i) != '\n') i++;
            return i;
        } else if (ch == '/' && next == '*') {
            i += 2;
            while (i + 1 < n && !(t.charAt(i) == '*' && t.charAt(i + 1) == '/')) i++;
            return i + 1;
        } else if (ch == 'r' && (next == '"' || next == '#') && (i == 0 || !isIdent(t.charAt(i - 1)))) {
            int hashes = 0;
            int j = i + 1;
            while (j < n && t.charAt(j) == '#') { hashes++; j++; }
            if (j >= n || t.charAt(j) != '"') return i;
            String close = "\"" + "#".repeat(hashes);
            int e = t.toString().indexOf(close, j + 1);
            return e < 0 ? -1 : e + close.length() - 1;
        } else if (ch == '"') {
            for (i++; i < n && t.charAt(i) != '"'; i++) if (t.charAt(i) == '\\') i++;
            return i;
        } else if (ch == '\'') {
            if (next == '\\') {
                for (i += 3; i < n && t.charAt(i) != '\''; i++) {}
            } else if (i + 2 < n && t.charAt(i + 2) == '\'') {
                i += 2;
            }
            return i;
        }
        return i;
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
