package dev.mirlink.mir.print;

import dev.mirlink.mir.alloc.AllocEntry;
import dev.mirlink.mir.alloc.Allocation;
import dev.mirlink.mir.alloc.GlobalAlloc;
import dev.mirlink.mir.alloc.Relocation;
import dev.mirlink.mir.ty.Ty;

import java.util.HashMap;
import java.util.Map;

/**
 * Allocation dumps as {@code write_allocations} / {@code write_allocation_bytes} print them
 * (rustc_middle/src/mir/pretty.rs), including the centring of pointer drawings.
 */
public final class AllocPrinter {
    private static final int BYTES_PER_LINE = 16;
    private static final String PREFIX = "    ";

    private final StringBuilder sb;
    private final TyPrinter t;
    private final boolean bigEndian;

    AllocPrinter(StringBuilder sb, TyPrinter t, boolean bigEndian) {
        this.sb = sb;
        this.t = t;
        this.bigEndian = bigEndian;
    }

    /** {@code allocN (…)} without a trailing newline. */
    void entry(AllocEntry e) {
        sb.append(e.id()).append(" (");
        switch (e.alloc()) {
            case GlobalAlloc.Deallocated d -> sb.append("deallocated)");
            case GlobalAlloc.Function f -> {
                sb.append("fn: ");
                t.instance(f.instance());
                sb.append(')');
            }
            case GlobalAlloc.VTable v -> {
                sb.append("vtable: impl ");
                t.bounds(((Ty.Dynamic) v.dynTy()).bounds());
                sb.append(" for ");
                t.ty(v.ty());
                sb.append(')');
            }
            case GlobalAlloc.TypeId ti -> {
                sb.append("typeid for ");
                t.ty(ti.ty());
                sb.append(')');
            }
            case GlobalAlloc.ExternStatic x -> {
                sb.append("extern static: ");
                t.path(x.path(), true);
                sb.append(')');
            }
            case GlobalAlloc.Static s -> {
                sb.append("static: ");
                t.path(s.path(), true);
                if (s.contents() != null) {
                    sb.append(", ");
                    contents(s.contents());
                } else if (s.evaluationError()) {
                    sb.append(", error during initializer evaluation)");
                } else {
                    sb.append(')');
                }
            }
            case GlobalAlloc.Memory m -> contents(m.allocation());
        }
    }

    private void contents(Allocation a) {
        sb.append("size: ").append(a.size()).append(", align: ").append(a.align()).append(')');
        if (a.size() == 0) {
            sb.append(" {}");
            return;
        }
        sb.append(" {\n");
        bytes(a);
        sb.append('}');
    }

    private void bytes(Allocation a) {
        int size = (int) a.size();
        int posWidth = hexLength(size);
        Map<Long, Relocation> relocs = new HashMap<>();
        for (Relocation r : a.relocations()) relocs.put(r.offset(), r);
        if (size > BYTES_PER_LINE) {
            sb.append(PREFIX).append("0x");
            padHex(0, posWidth);
            sb.append(" │ ");
        } else {
            sb.append(PREFIX);
        }
        int i = 0;
        int lineStart = 0;
        StringBuilder ascii = new StringBuilder(BYTES_PER_LINE);
        int uninitIndex = 0;
        while (i < size) {
            if (i != lineStart) sb.append(' ');
            Relocation r = relocs.isEmpty() ? null : relocs.get((long) i);
            if (r != null) {
                int ptr = r.size();
                long offset = readOffset(a, i, ptr);
                String target = pointerText(r, offset, false);
                if (target.length() > (ptr - 1) * 3) target = pointerText(r, offset, true);
                if ((i - lineStart) + ptr > BYTES_PER_LINE) {
                    int remainder = BYTES_PER_LINE - (i - lineStart);
                    int overflow = ptr - remainder;
                    int remainderWidth = remainder * 3 - 2;
                    int overflowWidth = (overflow - 1) * 3 + 1;
                    ascii.append('╾');
                    for (int k = 1; k < remainder; k++) ascii.append('─');
                    if (overflowWidth > remainderWidth && overflowWidth >= target.length()) {
                        sb.append('╾');
                        center("", remainderWidth);
                        lineStart = newline(lineStart, ascii, posWidth);
                        ascii.setLength(0);
                        center(target, overflowWidth);
                        sb.append('╼');
                    } else {
                        target = oversized(target, remainderWidth, ptr);
                        sb.append('╾');
                        center(target, remainderWidth);
                        lineStart = newline(lineStart, ascii, posWidth);
                        center("", overflowWidth);
                        sb.append('╼');
                        ascii.setLength(0);
                    }
                    for (int k = 0; k < overflow - 1; k++) ascii.append('─');
                    ascii.append('╼');
                    i += ptr;
                    continue;
                }
                int width = (ptr - 1) * 3;
                target = oversized(target, width, ptr);
                ascii.append('╾');
                sb.append('╾');
                center(target, width);
                sb.append('╼');
                for (int k = 0; k < ptr - 2; k++) ascii.append('─');
                ascii.append('╼');
                i += ptr;
            } else {
                while (uninitIndex < a.uninit().size() && a.uninit().get(uninitIndex).end() <= i) uninitIndex++;
                boolean init = uninitIndex >= a.uninit().size() || a.uninit().get(uninitIndex).start() > i;
                if (init) {
                    int b = a.bytes().get(i);
                    sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 15, 16));
                    ascii.append(b < 0x20 || b >= 0x7f ? '.' : (char) b);
                } else {
                    sb.append("__");
                    ascii.append('░');
                }
                i++;
            }
            if (i == lineStart + BYTES_PER_LINE && i != size) {
                lineStart = newline(lineStart, ascii, posWidth);
                ascii.setLength(0);
            }
        }
        endLine(ascii);
    }

    private long readOffset(Allocation a, int at, int ptr) {
        long v = 0;
        for (int b = 0; b < ptr && b < 8; b++) {
            int idx = bigEndian ? at + ptr - 1 - b : at + b;
            v |= ((long) a.bytes().get(idx)) << (8 * b);
        }
        return v;
    }

    private static String pointerText(Relocation r, long offset, boolean alternate) {
        StringBuilder s = new StringBuilder();
        s.append(alternate ? "a" : "alloc").append(r.target().index());
        if (offset != 0) s.append("+0x").append(Long.toHexString(offset));
        if (r.immutable()) s.append("<imm>");
        return s.toString();
    }

    private static String oversized(String target, int width, int ptr) {
        return target.length() > width ? target + " (" + ptr + " ptr bytes)" : target;
    }

    /** Rust's {@code {:─^width$}}: the extra fill char goes to the right. */
    private void center(String s, int width) {
        int pad = width - s.length();
        int left = pad > 0 ? pad / 2 : 0;
        int right = pad > 0 ? pad - left : 0;
        for (int k = 0; k < left; k++) sb.append('─');
        sb.append(s);
        for (int k = 0; k < right; k++) sb.append('─');
    }

    private int newline(int lineStart, StringBuilder ascii, int posWidth) {
        endLine(ascii);
        lineStart += BYTES_PER_LINE;
        sb.append(PREFIX).append("0x");
        padHex(lineStart, posWidth);
        sb.append(" │ ");
        return lineStart;
    }

    private void endLine(StringBuilder ascii) {
        for (int k = ascii.length(); k < BYTES_PER_LINE; k++) sb.append("   ");
        sb.append(" │ ").append(ascii).append('\n');
    }

    private void padHex(long v, int width) {
        String h = Long.toHexString(v);
        for (int k = h.length(); k < width; k++) sb.append('0');
        sb.append(h);
    }

    /** Hex digits of {@code x}: the width of a dump's offset column. */
    public static int hexLength(long x) {
        if (x == 0) return 1;
        int len = 0;
        while (x > 0) {
            x >>>= 4;
            len++;
        }
        return len;
    }
}
