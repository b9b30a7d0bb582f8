package dev.mirlink.mir.print;

import dev.mirlink.mir.alloc.Bytes;

/**
 * Rust's literal escaping: {@code char::escape_debug_ext} for chars and {@code str} Debug,
 * {@code <[u8]>::escape_ascii} for byte strings (library/core/src/char/methods.rs, fmt/mod.rs).
 * Printability follows Unicode categories through Java's tables, which track Rust's
 * {@code unicode/printable.rs} closely.
 */
final class Literals {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Literals() {}

    static void charLiteral(StringBuilder sb, int cp) {
        sb.append('\'');
        escapeDebug(sb, cp, true, false);
        sb.append('\'');
    }

    static void stringLiteral(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0x20 && cp < 0x7f && cp != '\\' && cp != '"') sb.append((char) cp);
            else escapeDebug(sb, cp, false, true);
        }
        sb.append('"');
    }

    private static void escapeDebug(StringBuilder sb, int cp, boolean singleQuote, boolean doubleQuote) {
        switch (cp) {
            case 0 -> sb.append("\\0");
            case '\t' -> sb.append("\\t");
            case '\r' -> sb.append("\\r");
            case '\n' -> sb.append("\\n");
            case '\\' -> sb.append("\\\\");
            default -> {
                if (cp == '"' && doubleQuote) sb.append("\\\"");
                else if (cp == '\'' && singleQuote) sb.append("\\'");
                else if (isGraphemeExtended(cp) || !isPrintable(cp)) sb.append("\\u{").append(Integer.toHexString(cp)).append('}');
                else sb.appendCodePoint(cp);
            }
        }
    }

    static boolean isGraphemeExtended(int cp) {
        if (cp < 0x300) return false;
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) return true;
        return cp == 0x200c || (cp >= 0xff9e && cp <= 0xff9f) || (cp >= 0x1f3fb && cp <= 0x1f3ff)
                || (cp >= 0xe0020 && cp <= 0xe007f);
    }

    static boolean isPrintable(int cp) {
        if (cp >= 0x20 && cp < 0x7f) return true;
        if (cp < 0xa0) return false;
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> { return false; }
            default -> { return true; }
        }
    }

    static void byteString(StringBuilder sb, Bytes bytes) {
        sb.append("b\"");
        for (int i = 0; i < bytes.length(); i++) {
            int b = bytes.get(i);
            switch (b) {
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '"' -> sb.append("\\\"");
                default -> {
                    if (b >= 0x20 && b < 0x7f) sb.append((char) b);
                    else sb.append("\\x").append(HEX[b >> 4]).append(HEX[b & 15]);
                }
            }
        }
        sb.append('"');
    }
}
