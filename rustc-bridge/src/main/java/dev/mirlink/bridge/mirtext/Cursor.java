package dev.mirlink.bridge.mirtext;

/**
 * A position in MIR text with exact-match scanning. rustc's printer is deterministic down to
 * the space, so the reader matches literal text instead of tokenizing; that keeps it strict
 * and fast. Line and column are computed only when an error is reported.
 */
final class Cursor {
    final String s;
    final int len;
    int pos;
    /** What is being parsed, for error messages, e.g. {@code fn `vec::Vec::<T>::push`}. */
    String item = "file header";

    Cursor(String s) {
        this.s = s;
        this.len = s.length();
    }

    boolean eof() { return pos >= len; }

    char peek() { return pos < len ? s.charAt(pos) : '\0'; }

    char peek(int ahead) { int p = pos + ahead; return p < len ? s.charAt(p) : '\0'; }

    boolean at(String lit) { return s.startsWith(lit, pos); }

    boolean at(char c) { return pos < len && s.charAt(pos) == c; }

    boolean eat(String lit) {
        if (s.startsWith(lit, pos)) {
            pos += lit.length();
            return true;
        }
        return false;
    }

    boolean eat(char c) {
        if (pos < len && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    void take(String lit, String what) {
        if (!s.startsWith(lit, pos)) throw error(what, "expected '" + lit.replace("\n", "\\n") + "'");
        pos += lit.length();
    }

    void take(char c, String what) {
        if (pos >= len || s.charAt(pos) != c) throw error(what, "expected '" + (c == '\n' ? "\\n" : String.valueOf(c)) + "'");
        pos++;
    }

    /** At a keyword: the literal followed by a char that cannot continue an identifier. */
    boolean atWord(String word) {
        return s.startsWith(word, pos) && !isIdentChar(peek(word.length()));
    }

    boolean eatWord(String word) {
        if (atWord(word)) {
            pos += word.length();
            return true;
        }
        return false;
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                || (c > 0x7f && Character.isUnicodeIdentifierStart(c));
    }

    static boolean isIdentChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9')
                || (c > 0x7f && Character.isUnicodeIdentifierPart(c));
    }

    static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    boolean atIdentStart() { return pos < len && isIdentStart(s.charAt(pos)); }

    /** An identifier, with a leading {@code r#} kept. */
    String ident(String what) {
        int start = pos;
        if (at("r#") && pos + 2 < len && isIdentStart(s.charAt(pos + 2))) pos += 2;
        if (pos >= len || !isIdentStart(s.charAt(pos))) {
            pos = start;
            throw error(what, "expected an identifier");
        }
        pos++;
        while (pos < len && isIdentChar(s.charAt(pos))) pos++;
        return s.substring(start, pos);
    }

    /** A non-negative decimal integer that fits an int. */
    int uint(String what) {
        int start = pos;
        long v = 0;
        while (pos < len && isDigit(s.charAt(pos))) {
            v = v * 10 + (s.charAt(pos) - '0');
            if (v > Integer.MAX_VALUE) throw error(what, "number too large");
            pos++;
        }
        if (pos == start) throw error(what, "expected a number");
        if (pos - start > 1 && s.charAt(start) == '0') throw error(what, "leading zero");
        return (int) v;
    }

    /** A non-negative decimal integer that fits a long. */
    long ulong(String what) {
        int start = pos;
        while (pos < len && isDigit(s.charAt(pos))) pos++;
        if (pos == start) throw error(what, "expected a number");
        if (pos - start > 1 && s.charAt(start) == '0') throw error(what, "leading zero");
        if (pos - start > 18) {
            try {
                return Long.parseLong(s, start, pos, 10);
            } catch (NumberFormatException e) {
                throw error(what, "number too large");
            }
        }
        long v = 0;
        for (int i = start; i < pos; i++) v = v * 10 + (s.charAt(i) - '0');
        return v;
    }

    /** The rest of the current line, not consumed. */
    String restOfLine() {
        int e = s.indexOf('\n', pos);
        return s.substring(pos, e < 0 ? len : e);
    }

    MirParseException error(String what, String detail) {
        int line = 1;
        int lineStart = 0;
        int limit = Math.min(pos, len);
        for (int i = 0; i < limit; i++) {
            if (s.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = limit - lineStart + 1;
        String message = "cannot parse " + what + " at line " + line + ":" + column + " in " + item
                + ": " + detail + ", found " + tokenHere();
        return new MirParseException(message.replace("\n", "\\n"), line, column);
    }

    private String tokenHere() {
        if (pos >= len) return "end of file";
        int end = pos;
        int max = Math.min(len, pos + 24);
        while (end < max && s.charAt(end) != '\n') end++;
        if (end == pos) return "end of line";
        String t = s.substring(pos, end);
        return "'" + t + (end == max && end < len && s.charAt(end) != '\n' ? "…'" : "'");
    }
}
