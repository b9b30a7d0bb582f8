package dev.mirlink.mir.item;

import java.util.ArrayList;
import java.util.List;

/**
 * Splitting and joining printed def paths at {@code ::}, leaving bracketed segments such as
 * {@code <impl at a.rs:1:1: 1:9>}, {@code <T as Trait>} or {@code {closure#0}} whole.
 */
public final class DefPaths {
    private DefPaths() {}

    public static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '<' || c == '{' || c == '[' || c == '(') {
                depth++;
            } else if (c == '>' || c == '}' || c == ']' || c == ')') {
                // `->` inside `<impl Fn() -> T>` is not a closing bracket
                if (!(c == '>' && i > 0 && path.charAt(i - 1) == '-')) depth--;
            } else if (c == ':' && depth == 0 && i + 1 < path.length() && path.charAt(i + 1) == ':') {
                out.add(path.substring(start, i));
                start = i + 2;
                i++;
            }
        }
        out.add(path.substring(start));
        return out;
    }

    public static String join(List<String> segments) {
        return String.join("::", segments);
    }

    /** The path without its last segment, or null for a single segment. */
    public static String parent(String path) {
        List<String> s = split(path);
        return s.size() == 1 ? null : join(s.subList(0, s.size() - 1));
    }

    public static String last(String path) {
        List<String> s = split(path);
        return s.get(s.size() - 1);
    }

    public static String child(String parent, String name) {
        return parent + "::" + name;
    }

    public static boolean isImplSegment(String segment) {
        return segment.startsWith("<impl");
    }

    /** {@code {closure#0}}, {@code {constant#1}}, {@code promoted[0]} and friends: not items. */
    public static boolean isDisambiguated(String segment) {
        return segment.startsWith("{") || segment.startsWith("promoted[");
    }
}
