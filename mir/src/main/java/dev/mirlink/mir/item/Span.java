package dev.mirlink.mir.item;

/**
 * A source span with 1-based lines and columns, printed the way rustc prints impl spans
 * ({@code core/src/num/f128.rs:155:1: 155:10}, see rustc_span/src/source_map.rs
 * {@code span_to_string}). The file is relative to the directory rustc or rustdoc ran in.
 */
public record Span(String file, int beginLine, int beginCol, int endLine, int endCol) {
    public Span {
        // MIR keeps a span per call: one string per file name, not per call.
        file = file.intern();
    }

    /** Parses rustc's {@code FILE:L:C: L:C}; the file may itself contain colons. */
    public static Span parse(String text) {
        int sep = text.lastIndexOf(": ");
        if (sep < 0) throw new IllegalArgumentException("not a span: " + text);
        String[] end = text.substring(sep + 2).split(":");
        String head = text.substring(0, sep);
        int c2 = head.lastIndexOf(':');
        int c1 = head.lastIndexOf(':', c2 - 1);
        if (c1 < 0 || end.length != 2) throw new IllegalArgumentException("not a span: " + text);
        return new Span(head.substring(0, c1), Integer.parseInt(head.substring(c1 + 1, c2)),
                Integer.parseInt(head.substring(c2 + 1)), Integer.parseInt(end[0]), Integer.parseInt(end[1]));
    }

    public boolean sameBegin(Span other) {
        return file.equals(other.file) && beginLine == other.beginLine && beginCol == other.beginCol;
    }

    /** Whether {@code other} lies within this span (same file, begin and end inclusive). */
    public boolean contains(Span other) {
        return file.equals(other.file) && compare(beginLine, beginCol, other.beginLine, other.beginCol) <= 0
                && compare(other.endLine, other.endCol, endLine, endCol) <= 0;
    }

    /** The smallest span holding both, which must be in one file (rustc's {@code Span::to}). */
    public Span to(Span other) {
        boolean thisBegins = compare(beginLine, beginCol, other.beginLine, other.beginCol) <= 0;
        boolean thisEnds = compare(endLine, endCol, other.endLine, other.endCol) >= 0;
        return new Span(file, thisBegins ? beginLine : other.beginLine, thisBegins ? beginCol : other.beginCol,
                thisEnds ? endLine : other.endLine, thisEnds ? endCol : other.endCol);
    }

    private static int compare(int l1, int c1, int l2, int c2) {
        return l1 != l2 ? Integer.compare(l1, l2) : Integer.compare(c1, c2);
    }

    @Override
    public String toString() {
        return file + ":" + beginLine + ":" + beginCol + ": " + endLine + ":" + endCol;
    }
}
