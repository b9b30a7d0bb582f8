package dev.mirlink.bridge.mirtext;

import dev.mirlink.mir.alloc.AllocEntry;
import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.BodyKind;
import dev.mirlink.mir.body.ConstValue;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.MirFile;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.Ty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads rustc 1.96's {@code --emit=mir} text (with {@code -Ztrim-diagnostic-paths=no
 * -Zspan-free-formats}, and optionally {@code -Zmir-include-spans=yes}, of whose comments it keeps
 * the spans of calls, asserts and inlined scopes) into the {@code mir} model. Strict: whatever it cannot read throws a
 * {@link MirParseException} naming the item, line and column. Not thread-safe per call, but
 * calls are independent, so files can be read in parallel.
 */
public final class MirTextReader {
    static final String FILE_HEADER = """
            // WARNING: This output format is intended for human consumers only
            // and is subject to change without notice. Knock yourself out.
            // HINT: See also -Z dump-mir for MIR at specific points during compilation.
            """;

    /**
     * Target facts the text does not carry, and how to read bare names. {@code rootItems} are
     * the names of the crate's root-level types and consts: a bare single-segment name in type
     * or const position is read as a generic parameter unless it is listed there.
     */
    public record Options(int pointerBytes, boolean bigEndian, Set<String> rootItems) {
        public static final Options DEFAULT = new Options(8, false, Set.of());

        public Options {
            rootItems = Set.copyOf(rootItems);
        }
    }

    private final Cursor c;
    private final TyParser t;
    private final ConstParser k;
    private final AllocParser a;
    /** Per entry: the body's spans, or null. */
    private final List<BodySpans> spans = new ArrayList<>();

    private MirTextReader(String text, Options options) {
        this.c = new Cursor(text);
        this.t = new TyParser(c, options.rootItems(), options.pointerBytes());
        this.k = new ConstParser(c, t);
        this.a = new AllocParser(c, t, k, options.pointerBytes(), options.bigEndian());
    }

    public static MirFile read(java.nio.file.Path file) throws IOException {
        return read(file, Options.DEFAULT);
    }

    public static MirFile read(java.nio.file.Path file, Options options) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), options);
    }

    /** A file's MIR and, for each entry (same index), its body's {@link BodySpans}, or null for a trivial const. */
    public record WithSpans(MirFile mir, List<BodySpans> spans) {}

    public static WithSpans readWithSpans(java.nio.file.Path file, Options options) throws IOException {
        MirTextReader reader = new MirTextReader(Files.readString(file, StandardCharsets.UTF_8), options);
        return new WithSpans(reader.parsed(), reader.spans);
    }

    public static MirFile parse(String text) {
        return parse(text, Options.DEFAULT);
    }

    public static MirFile parse(String text, Options options) {
        return new MirTextReader(text, options).parsed();
    }

    private MirFile parsed() {
        try {
            return file();
        } catch (IndexOutOfBoundsException | NumberFormatException | ClassCastException | ArithmeticException e) {
            // a malformed input that slipped past a check still gets a located one-line error
            throw c.error("text", "malformed input (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * One type in MIR's syntax, the whole of {@code text}: source text as simple as what MIR prints
     * reads the same ({@code dyn Iterator<Item = T>} for a bound). Bare names are params unless in
     * {@code rootItems}.
     */
    public static Ty parseTy(String text, Set<String> rootItems) {
        MirTextReader reader = new MirTextReader(text, new Options(8, false, rootItems));
        Ty ty = reader.t.ty();
        if (!reader.c.eof()) throw reader.c.error("type", "unexpected text after the type");
        return ty;
    }

    private MirFile file() {
        c.take(FILE_HEADER, "file header");
        List<MirEntry> entries = new ArrayList<>();
        if (c.eof()) return new MirFile(entries);
        while (true) {
            int before = spans.size();
            entries.add(entry());
            if (spans.size() == before) spans.add(null);
            if (c.eof()) break;
            c.item = "the text after " + c.item;
            c.take('\n', "item separator");
        }
        return new MirFile(entries);
    }

    private MirEntry entry() {
        boolean ctfe = c.eat("// MIR FOR CTFE\n");
        BodyKind kind;
        List<Ty> args = List.of();
        Ty ret;
        Path path;
        int promoted = -1;
        if (c.eat("fn ")) {
            kind = BodyKind.FN;
            path = itemPath("fn");
            c.take('(', "fn signature");
            if (!c.at(')')) {
                args = new ArrayList<>();
                while (true) {
                    c.take('_', "fn argument");
                    int n = c.uint("fn argument");
                    if (n != args.size() + 1) throw c.error("fn argument", "expected _" + (args.size() + 1));
                    c.take(": ", "fn argument");
                    args.add(t.ty());
                    if (!c.eat(", ")) break;
                }
            }
            c.take(") -> ", "fn signature");
            ret = t.ty();
        } else {
            if (c.eat("static mut ")) {
                kind = BodyKind.STATIC_MUT;
                path = itemPath("static mut");
            } else if (c.eat("static ")) {
                kind = BodyKind.STATIC;
                path = itemPath("static");
            } else if (c.eat("const ")) {
                kind = BodyKind.CONST;
                path = itemPath("const");
                if (c.eat("::promoted[")) {
                    kind = BodyKind.PROMOTED;
                    promoted = c.uint("promoted index");
                    c.take(']', "promoted");
                    c.item = c.item.substring(0, c.item.length() - 1) + "::promoted[" + promoted + "]`";
                }
            } else {
                kind = BodyKind.ANON_CONST;
                path = itemPath("const");
            }
            c.take(": ", "item type");
            ret = t.ty();
            c.take(" =", "item header");
            if (kind == BodyKind.CONST && !ctfe && c.eat(" const ")) {
                ConstValue v = k.value();
                c.take(";\n", "trivial const");
                return new MirEntry.TrivialConst(path, ret, v);
            }
        }
        Ty yieldTy = null;
        if (c.eat("\nyields ")) {
            yieldTy = t.ty();
            c.take('\n', "yield type");
        }
        c.take(" {\n", "body");
        BodyParser parser = new BodyParser(c, t, k);
        Body body = parser.body(kind, ctfe, path, promoted, args, ret, yieldTy);
        spans.add(parser.spans());
        List<AllocEntry> allocs = List.of();
        while (c.at("\nalloc") && Cursor.isDigit(c.peek(6))) {
            if (allocs.isEmpty()) allocs = new ArrayList<>();
            c.pos++;
            allocs.add(a.entry());
            c.take('\n', "allocation");
        }
        return new MirEntry.BodyEntry(body, allocs);
    }

    private Path itemPath(String keyword) {
        int start = c.pos;
        c.item = keyword + " at '" + c.restOfLine() + "'";
        Path p = t.path(true);
        c.item = keyword + " `" + c.s.substring(start, c.pos) + "`";
        return p;
    }
}
