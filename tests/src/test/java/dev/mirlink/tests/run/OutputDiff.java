package dev.mirlink.tests.run;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The first line where two program outputs differ, short enough for a summary. */
final class OutputDiff {
    private static final int SHOW = 70;

    private OutputDiff() {}

    /** null if the bytes are equal. */
    static String firstDifference(String nameA, byte[] bytesA, String nameB, byte[] bytesB) {
        if (java.util.Arrays.equals(bytesA, bytesB)) return null;
        List<String> a = lines(bytesA), b = lines(bytesB);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : null, y = i < b.size() ? b.get(i) : null;
            if (x == null || y == null || !x.equals(y)) {
                return "stdout line " + (i + 1) + ": " + nameA + " " + show(x) + ", " + nameB + " " + show(y);
            }
        }
        return "stdout differs in line endings";
    }

    private static List<String> lines(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).lines().toList();
    }

    private static String show(String line) {
        if (line == null) return "(no line)";
        StringBuilder sb = new StringBuilder("\"");
        for (char c : line.substring(0, Math.min(SHOW, line.length())).toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20 || c >= 0x7f) sb.append(String.format("\\x%02x", (int) c));
            else sb.append(c);
        }
        return sb.append(line.length() > SHOW ? "…\"" : "\"").toString();
    }
}
