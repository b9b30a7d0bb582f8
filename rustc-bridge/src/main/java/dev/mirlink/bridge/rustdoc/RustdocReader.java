package dev.mirlink.bridge.rustdoc;

import dev.mirlink.mir.item.Item;
import dev.mirlink.mir.item.ItemTable;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads rustdoc's JSON output ({@code --output-format json --document-private-items
 * --document-hidden-items}, format 57) into an {@link ItemTable}. Impl def paths use
 * rustdoc's spans until {@code BodyLinker} replaces them with the spans MIR prints.
 */
public final class RustdocReader {
    public static final int FORMAT_VERSION = 57;
    private static final Pattern VERSION = Pattern.compile("\"format_version\"\\s*:\\s*(\\d+)");

    private RustdocReader() {}

    public static ItemTable read(Path json) throws IOException {
        checkVersion(json);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(json), 1 << 16)) {
            return read(in, json.toString());
        } catch (RustdocFormatException e) {
            throw new RustdocFormatException(e.getMessage() + " (" + json + ")");
        }
    }

    public static ItemTable read(InputStream in, String name) throws IOException {
        RawCrate raw = RawCrate.parse(in);
        if (raw.formatVersion() != FORMAT_VERSION) throw versionError(raw.formatVersion(), name);
        RawCrate.RawItem root = raw.index().get(raw.root());
        if (root == null || !root.kind().equals("module")) throw new RustdocFormatException("root is not a module");
        String crateName = root.name();
        List<RawCrate.RawItem> impls = ImplOrder.sorted(raw);
        Map<Integer, String> defPaths = new DefPathAssigner(raw, crateName, impls).assign();
        List<Item> items = new ItemConverter(raw, crateName, defPaths, impls).convert();
        return new ItemTable(crateName, items, externCrates(raw, crateName));
    }

    /** The crates whose items this one mentions by path. */
    private static TreeSet<String> externCrates(RawCrate raw, String crateName) {
        TreeSet<String> names = new TreeSet<>(raw.externalCrates().values());
        names.remove(crateName);
        return names;
    }

    /** format_version is the last key rustdoc writes; look at the tail first so a wrong version fails fast and clearly. */
    private static void checkVersion(Path json) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(json.toFile(), "r")) {
            long len = f.length();
            int n = (int) Math.min(len, 256);
            byte[] tail = new byte[n];
            f.seek(len - n);
            f.readFully(tail);
            Matcher m = VERSION.matcher(new String(tail, StandardCharsets.ISO_8859_1));
            int version = -1;
            while (m.find()) version = Integer.parseInt(m.group(1));
            if (version != -1 && version != FORMAT_VERSION) throw versionError(version, json.toString());
        }
    }

    private static RustdocFormatException versionError(int found, String name) {
        return new RustdocFormatException("rustdoc JSON format_version " + (found < 0 ? "missing" : found)
                + ", mirlink reads " + FORMAT_VERSION + " (rustdoc 1.96) (" + name + ")");
    }
}
