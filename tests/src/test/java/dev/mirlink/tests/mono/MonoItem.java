package dev.mirlink.tests.mono;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One line of {@code -Zprint-mono-items} output: {@code MONO_ITEM <kind> <name> [@@ cgu...]}.
 * The kind is rustc's word ({@code fn}, {@code static}, {@code global_asm}); the name is kept
 * verbatim with the {@code " @@ "} partitioning suffix removed.
 */
record MonoItem(String kind, String name) implements Comparable<MonoItem> {
    static final String PREFIX = "MONO_ITEM ";

    /** Every {@code MONO_ITEM} line of {@code output}; other lines are ignored. */
    static Set<MonoItem> parseAll(String output) {
        Set<MonoItem> items = new LinkedHashSet<>();
        for (String line : output.split("\n")) {
            MonoItem item = parse(line);
            if (item != null) items.add(item);
        }
        return items;
    }

    /** Null when {@code line} is not a {@code MONO_ITEM} line. */
    static MonoItem parse(String line) {
        line = line.stripTrailing();
        if (!line.startsWith(PREFIX)) return null;
        String rest = line.substring(PREFIX.length());
        int at = rest.indexOf(" @@ ");
        if (at < 0 && rest.endsWith(" @@")) at = rest.length() - 3;
        if (at >= 0) rest = rest.substring(0, at);
        int space = rest.indexOf(' ');
        if (space <= 0) throw new IllegalArgumentException("malformed mono item line: " + line);
        return new MonoItem(rest.substring(0, space), rest.substring(space + 1).strip());
    }

    @Override
    public int compareTo(MonoItem o) {
        int c = name.compareTo(o.name);
        return c != 0 ? c : kind.compareTo(o.kind);
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
