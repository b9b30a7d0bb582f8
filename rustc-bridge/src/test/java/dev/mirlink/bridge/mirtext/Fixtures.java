package dev.mirlink.bridge.mirtext;

import dev.mirlink.mir.body.Body;
import dev.mirlink.mir.body.MirEntry;
import dev.mirlink.mir.body.MirFile;
import dev.mirlink.mir.print.MirPrinter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures under {@code src/test/resources/mirtext/}, copied from rustc 1.96's sysroot MIR. */
final class Fixtures {
    private Fixtures() {}

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/mirtext/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MirFile parse(String name) {
        return MirTextReader.parse(text(name));
    }

    /** The first non-CTFE body whose value-position path prints as {@code path}. */
    static Body body(MirFile file, String path) {
        MirPrinter p = new MirPrinter();
        for (MirEntry e : file.entries()) {
            if (e instanceof MirEntry.BodyEntry be && !be.body().forCtfe() && p.print(be.body().path(), true).equals(path)) {
                return be.body();
            }
        }
        throw new AssertionError("no body " + path);
    }

    static MirEntry.BodyEntry entry(MirFile file, String path) {
        MirPrinter p = new MirPrinter();
        for (MirEntry e : file.entries()) {
            if (e instanceof MirEntry.BodyEntry be && p.print(be.body().path(), true).equals(path)) return be;
        }
        throw new AssertionError("no body " + path);
    }

    /** Every model node of type {@code type} reachable from {@code root}, in traversal order. */
    static <T> List<T> all(Object root, Class<T> type) {
        List<T> out = new ArrayList<>();
        walk(root, type, out);
        return out;
    }

    private static <T> void walk(Object o, Class<T> type, List<T> out) {
        if (o == null) return;
        if (type.isInstance(o)) out.add(type.cast(o));
        if (o instanceof List<?> l) {
            for (Object x : l) walk(x, type, out);
        } else if (o instanceof Record r) {
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                try {
                    walk(rc.getAccessor().invoke(r), type, out);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
