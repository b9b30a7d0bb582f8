package dev.mirlink.bridge.mirtext;

import dev.mirlink.mir.print.AllocPrinter;
import dev.mirlink.mir.alloc.AllocEntry;
import dev.mirlink.mir.alloc.AllocId;
import dev.mirlink.mir.alloc.Allocation;
import dev.mirlink.mir.alloc.ByteRange;
import dev.mirlink.mir.alloc.Bytes;
import dev.mirlink.mir.alloc.GlobalAlloc;
import dev.mirlink.mir.alloc.Relocation;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.Ty;

import java.util.ArrayList;
import java.util.List;

/**
 * Allocation dumps ({@code write_allocations} and {@code write_allocation_bytes} in
 * rustc_middle/src/mir/pretty.rs): a hex dump of 16 bytes per line where {@code __} is an
 * uninitialized byte and {@code ╾alloc7+0x8<imm>╼} spans the bytes of a stored pointer.
 */
final class AllocParser {
    private static final int BYTES_PER_LINE = 16;

    private final Cursor c;
    private final TyParser t;
    private final ConstParser k;
    private final int ptrBytes;
    private final boolean bigEndian;

    AllocParser(Cursor c, TyParser t, ConstParser k, int ptrBytes, boolean bigEndian) {
        this.c = c;
        this.t = t;
        this.k = k;
        this.ptrBytes = ptrBytes;
        this.bigEndian = bigEndian;
    }

    /** From {@code allocN (} to the closing ')' or '}' of the dump, without the newline. */
    AllocEntry entry() {
        AllocId id = k.allocId();
        c.take(" (", "allocation");
        GlobalAlloc alloc;
        if (c.eat("deallocated)")) {
            alloc = new GlobalAlloc.Deallocated();
        } else if (c.eat("fn: ")) {
            alloc = new GlobalAlloc.Function(t.instance());
            c.take(')', "fn allocation");
        } else if (c.eat("vtable: impl ")) {
            Ty dyn = t.existential();
            c.take(" for ", "vtable allocation");
            Ty ty = t.ty();
            c.take(')', "vtable allocation");
            alloc = new GlobalAlloc.VTable(ty, dyn);
        } else if (c.eat("typeid for ")) {
            Ty ty = t.ty();
            c.take(')', "typeid allocation");
            alloc = new GlobalAlloc.TypeId(ty);
        } else if (c.eat("extern static: ")) {
            Path p = t.path(true);
            c.take(')', "extern static allocation");
            alloc = new GlobalAlloc.ExternStatic(p);
        } else if (c.eat("static: ")) {
            Path p = t.path(true);
            if (c.eat(')')) alloc = new GlobalAlloc.Static(p, null, false);
            else if (c.eat(", error during initializer evaluation)")) alloc = new GlobalAlloc.Static(p, null, true);
            else {
                c.take(", ", "static allocation");
                alloc = new GlobalAlloc.Static(p, contents(), false);
            }
        } else {
            alloc = new GlobalAlloc.Memory(contents());
        }
        return new AllocEntry(id, alloc);
    }

    private Allocation contents() {
        c.take("size: ", "allocation");
        long size = c.ulong("allocation size");
        c.take(", align: ", "allocation");
        long align = c.ulong("allocation align");
        c.take(')', "allocation");
        if (size == 0) {
            c.take(" {}", "allocation");
            return new Allocation(0, align, Bytes.wrap(new byte[0]), List.of(), List.of());
        }
        if (size > Integer.MAX_VALUE - 8) throw c.error("allocation", "too large");
        c.take(" {\n", "allocation");
        int n = (int) size;
        byte[] data = new byte[n];
        List<Relocation> relocs = new ArrayList<>();
        List<ByteRange> uninit = new ArrayList<>();
        boolean multiLine = n > BYTES_PER_LINE;
        int posWidth = AllocPrinter.hexLength(size);
        int i = 0;
        int lineStart = 0;
        lineHeader(multiLine, posWidth, 0);
        while (i < n) {
            if (i != lineStart) c.take(' ', "allocation bytes");
            char ch = c.peek();
            if (ch == '_') {
                c.take("__", "allocation bytes");
                markUninit(uninit, i);
                i++;
            } else if (ch == '╾') {
                c.pos++;
                StringBuilder target = new StringBuilder();
                int start = i;
                if ((i - lineStart) + ptrBytes > BYTES_PER_LINE) {
                    // the pointer starts on this line and ends on the next
                    readPointerText(target, false);
                    endLine(BYTES_PER_LINE);
                    lineStart += BYTES_PER_LINE;
                    lineHeader(multiLine, posWidth, lineStart);
                    readPointerText(target, true);
                } else {
                    readPointerText(target, true);
                }
                i += ptrBytes;
                if (i > n) throw c.error("allocation bytes", "pointer past the end of the allocation");
                relocs.add(pointer(target.toString(), data, start));
                if (i == lineStart + BYTES_PER_LINE && i != n) {
                    endLine(BYTES_PER_LINE);
                    lineStart += BYTES_PER_LINE;
                    lineHeader(multiLine, posWidth, lineStart);
                }
                continue;
            } else {
                int hi = hexDigit(ch);
                int lo = hexDigit(c.peek(1));
                if (hi < 0 || lo < 0) throw c.error("allocation bytes", "expected a hex byte, '__' or a pointer");
                c.pos += 2;
                data[i] = (byte) (hi * 16 + lo);
                i++;
            }
            if (i == lineStart + BYTES_PER_LINE && i != n) {
                endLine(BYTES_PER_LINE);
                lineStart += BYTES_PER_LINE;
                lineHeader(multiLine, posWidth, lineStart);
            }
        }
        endLine(i - lineStart);
        c.take('}', "allocation");
        return new Allocation(size, align, Bytes.wrap(data), relocs, uninit);
    }

    private static int hexDigit(char ch) {
        if (ch >= '0' && ch <= '9') return ch - '0';
        if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
        return -1;
    }

    private static void markUninit(List<ByteRange> uninit, int i) {
        int last = uninit.size() - 1;
        if (last >= 0 && uninit.get(last).end() == i) uninit.set(last, new ByteRange(uninit.get(last).start(), i + 1));
        else uninit.add(new ByteRange(i, i + 1));
    }

    private void lineHeader(boolean multiLine, int posWidth, int offset) {
        c.take("    ", "allocation line");
        if (!multiLine) return;
        c.take("0x", "allocation line");
        int start = c.pos;
        int v = 0;
        while (c.pos < c.len && hexDigit(c.s.charAt(c.pos)) >= 0) {
            v = v * 16 + hexDigit(c.s.charAt(c.pos));
            c.pos++;
        }
        if (c.pos - start != posWidth) throw c.error("allocation line", "bad offset width");
        if (v != offset) throw c.error("allocation line", "expected offset 0x" + Integer.toHexString(offset));
        c.take(" │ ", "allocation line");
    }

    /** Padding for the missing bytes, the ASCII column, and the newline. */
    private void endLine(int bytesOnLine) {
        for (int p = bytesOnLine; p < BYTES_PER_LINE; p++) c.take("   ", "allocation line padding");
        c.take(" │ ", "allocation line");
        int nl = c.s.indexOf('\n', c.pos);
        if (nl < 0) throw c.error("allocation line", "unterminated line");
        c.pos = nl + 1;
    }

    /** Reads pointer drawing up to '╼' (when {@code closes}) or up to the end of the line's hex area. */
    private void readPointerText(StringBuilder target, boolean closes) {
        while (true) {
            if (c.pos >= c.len) throw c.error("pointer", "unterminated pointer");
            char ch = c.s.charAt(c.pos);
            if (ch == '╼') {
                if (!closes) throw c.error("pointer", "pointer ends too early");
                c.pos++;
                return;
            }
            if (ch == '\n') throw c.error("pointer", "unterminated pointer");
            if (!closes && c.at(" │ ")) return;
            if (ch != '─') target.append(ch);
            c.pos++;
        }
    }

    private Relocation pointer(String text, byte[] data, int at) {
        String s = text;
        String suffix = " (" + ptrBytes + " ptr bytes)";
        if (s.endsWith(suffix)) s = s.substring(0, s.length() - suffix.length());
        boolean imm = s.endsWith("<imm>");
        if (imm) s = s.substring(0, s.length() - 5);
        long offset = 0;
        int plus = s.indexOf("+0x");
        if (plus >= 0) {
            try {
                offset = Long.parseUnsignedLong(s.substring(plus + 3), 16);
            } catch (NumberFormatException e) {
                throw c.error("pointer", "bad offset in '" + text + "'");
            }
            s = s.substring(0, plus);
        }
        String digits;
        if (s.startsWith("alloc")) digits = s.substring(5);
        else if (s.startsWith("a")) digits = s.substring(1);
        else throw c.error("pointer", "bad pointer target '" + text + "'");
        long id;
        try {
            id = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw c.error("pointer", "bad pointer target '" + text + "'");
        }
        for (int b = 0; b < ptrBytes; b++) {
            int shift = 8 * (bigEndian ? ptrBytes - 1 - b : b);
            data[at + b] = shift >= 64 ? 0 : (byte) (offset >>> shift);
        }
        return new Relocation(at, new AllocId(id), imm, ptrBytes);
    }
}
