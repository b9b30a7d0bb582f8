package dev.mirlink.bridge.mirtext;

import java.io.ByteArrayOutputStream;

/**
 * Literal escapes as Rust prints them: {@code char::escape_debug} for chars and {@code &str}
 * (Debug), {@code <[u8]>::escape_ascii} for byte strings.
 */
final class Escapes {
    private Escapes() {}

    /** After a backslash in a char or string literal; returns the code point. */
    static int escape(Cursor c, boolean inChar) {
        char e = c.peek();
        c.pos++;
        switch (e) {
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case '\\': return '\\';
            case '0': return 0;
            case '\'': return '\'';
            case '"': return '"';
            case 'u': {
                c.take('{', "unicode escape");
                int start = c.pos;
                int v = 0;
                while (c.pos < c.len && c.pos - start < 6 && Character.digit(c.s.charAt(c.pos), 16) >= 0) {
                    v = v * 16 + Character.digit(c.s.charAt(c.pos), 16);
                    c.pos++;
                }
                if (c.pos == start) throw c.error("unicode escape", "expected hex digits");
                c.take('}', "unicode escape");
                if (v > Character.MAX_CODE_POINT) throw c.error("unicode escape", "not a code point");
                return v;
            }
            default:
                c.pos--;
                throw c.error(inChar ? "char literal" : "string literal", "unknown escape");
        }
    }

    /** A {@code "…"} literal at the cursor, decoded. */
    static String string(Cursor c) {
        c.take('"', "string literal");
        int start = c.pos;
        // fast path: no escapes
        while (c.pos < c.len) {
            char ch = c.s.charAt(c.pos);
            if (ch == '"') {
                String out = c.s.substring(start, c.pos);
                c.pos++;
                return out;
            }
            if (ch == '\\' || ch == '\n') break;
            c.pos++;
        }
        StringBuilder sb = new StringBuilder(c.pos - start + 16);
        sb.append(c.s, start, c.pos);
        while (true) {
            if (c.pos >= c.len || c.s.charAt(c.pos) == '\n') throw c.error("string literal", "unterminated string");
            char ch = c.s.charAt(c.pos);
            if (ch == '"') {
                c.pos++;
                return sb.toString();
            }
            if (ch == '\\') {
                c.pos++;
                sb.appendCodePoint(escape(c, false));
            } else {
                sb.append(ch);
                c.pos++;
            }
        }
    }

    /** A {@code b"…"} literal at the cursor (after any {@code *}), decoded. */
    static byte[] byteString(Cursor c) {
        c.take("b\"", "byte string literal");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (c.pos >= c.len) throw c.error("byte string literal", "unterminated byte string");
            char ch = c.s.charAt(c.pos);
            if (ch == '"') {
                c.pos++;
                return out.toByteArray();
            }
            if (ch == '\\') {
                c.pos++;
                char e = c.peek();
                c.pos++;
                switch (e) {
                    case 'n' -> out.write('\n');
                    case 'r' -> out.write('\r');
                    case 't' -> out.write('\t');
                    case '\\' -> out.write('\\');
                    case '\'' -> out.write('\'');
                    case '"' -> out.write('"');
                    case 'x' -> {
                        int hi = Character.digit(c.peek(), 16);
                        int lo = Character.digit(c.peek(1), 16);
                        if (hi < 0 || lo < 0) throw c.error("byte string literal", "bad \\x escape");
                        c.pos += 2;
                        out.write(hi * 16 + lo);
                    }
                    default -> {
                        c.pos -= 2;
                        throw c.error("byte string literal", "unknown escape");
                    }
                }
            } else if (ch >= 0x20 && ch < 0x7f) {
                out.write(ch);
                c.pos++;
            } else {
                throw c.error("byte string literal", "unescaped non-printable byte");
            }
        }
    }
}
