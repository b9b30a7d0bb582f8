package dev.mirlink.rlib;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SequencedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads a MIR-only rlib. open() maps the file and decodes only the member table, header and
 * index; records are decoded on demand, each checked against its content hash. Thread-safe;
 * there is nothing to close (the mapping is released with the reader).
 */
public final class RlibReader {
    private final Path path;
    private final ByteBuffer file;
    private final List<ArMember> members;
    private final Map<String, ArMember> byName;
    private final RlibHeader header;
    private final ItemIndex index;
    private final KryoSchema schema;
    private final Map<Integer, SoftReference<byte[]>> solidCache = new ConcurrentHashMap<>();

    private RlibReader(Path path, ByteBuffer file, KryoSchema schema) {
        this.path = path;
        this.file = file;
        this.schema = schema;
        this.members = ArchiveIO.scan(file, path);
        this.byName = members.stream().collect(Collectors.toMap(ArMember::name, Function.identity()));
        for (String required : List.of(RlibWriter.RMETA, RlibHeader.MEMBER, ItemIndex.MEMBER)) {
            if (!byName.containsKey(required)) {
                throw new RlibFormatException(path, "missing member " + required
                        + (required.equals(RlibWriter.RMETA) ? "" : " (not a mirlink rlib?)"));
            }
        }
        this.header = RlibHeader.decode(bytes(byName.get(RlibHeader.MEMBER)), path);
        if (schema != null && !schema.schemaHash().equals(header.schemaHash())) {
            throw new RlibFormatException(path, "schema mismatch: rlib written by a different mirlink build (schema "
                    + abbrev(header.schemaHash()) + ", this build " + abbrev(schema.schemaHash()) + ")");
        }
        this.index = ItemIndex.decode(bytes(byName.get(ItemIndex.MEMBER)), byName, path);
        if (!index.crateHash().equals(header.crateHash())) {
            throw new RlibFormatException(path, "corrupt " + ItemIndex.MEMBER + ": crate hash differs from the header's");
        }
    }

    /** Opens for loading items encoded with schema (its hash must match the header's). */
    public static RlibReader open(Path path, KryoSchema schema) {
        return new RlibReader(path, map(path), schema);
    }

    /** Whether {@code path} is an ar archive holding mirlink's header: false for rustc's own rlibs. */
    public static boolean isMirOnly(Path path) {
        try {
            return ArchiveIO.scan(map(path), path).stream().anyMatch(m -> m.name().equals(RlibHeader.MEMBER));
        } catch (RlibFormatException e) {
            return false;
        }
    }

    /** Opens for header, index and rmeta only; load() then throws IllegalStateException. */
    public static RlibReader open(Path path) {
        return open(path, null);
    }

    private static ByteBuffer map(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw new RlibFormatException(path, "rlib larger than 2 GiB is not supported");
            }
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (IOException e) {
            throw new RlibFormatException(path, "cannot read rlib: " + RlibFormatException.describe(e), e);
        }
    }

    public Path path() {
        return path;
    }

    public RlibHeader header() {
        return header;
    }

    /** Archive members in file order (name, data offset, size). */
    public List<ArMember> members() {
        return members;
    }

    public ItemIndex index() {
        return index;
    }

    /** Def paths in index order (sorted). */
    public List<String> itemPaths() {
        return index.paths();
    }

    public boolean contains(String defPath) {
        return index.indexOf(defPath) >= 0;
    }

    /** The lib.rmeta member exactly as rustc wrote it. */
    public byte[] rmeta() {
        return bytes(byName.get(RlibWriter.RMETA));
    }

    /** Decodes exactly one item; NoSuchElementException if the index has no such def path. */
    public Object load(String defPath) {
        int i = index.indexOf(defPath);
        if (i < 0) {
            throw new NoSuchElementException("no item `" + defPath + "` in " + path);
        }
        ItemIndex.Entry e = index.entries().get(i);
        return decode(e, isSolid(e.member()) ? solid(e.member()) : null);
    }

    public <T> T load(String defPath, Class<T> type) {
        Object item = load(defPath);
        if (!type.isInstance(item)) {
            throw new RlibFormatException(path, "item `" + defPath + "` is a " + item.getClass().getName()
                    + ", expected " + type.getName());
        }
        return type.cast(item);
    }

    /** Decodes every item, member by member in parallel; the map is in index order. */
    public SequencedMap<String, Object> loadAll() {
        List<ItemIndex.Entry> entries = index.entries();
        List<List<Integer>> byMember = new ArrayList<>();
        index.members().forEach(m -> byMember.add(new ArrayList<>()));
        for (int i = 0; i < entries.size(); i++) {
            byMember.get(entries.get(i).member()).add(i);
        }
        Object[] items = new Object[entries.size()];
        RuntimeException[] errors = new RuntimeException[index.members().size()];
        IntStream.range(0, byMember.size()).parallel().forEach(m -> {
            try {
                // decompress a solid member once, without going through the shared cache
                byte[] raw = isSolid(m) ? decompressMember(m) : null;
                for (int i : byMember.get(m)) {
                    items[i] = decode(entries.get(i), raw);
                }
            } catch (RuntimeException ex) {
                errors[m] = ex;
            }
        });
        for (RuntimeException ex : errors) {
            if (ex != null) {
                throw ex;
            }
        }
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < items.length; i++) {
            out.put(entries.get(i).defPath(), items[i]);
        }
        return Collections.unmodifiableSequencedMap(out);
    }

    private Object decode(ItemIndex.Entry e, byte[] solidRaw) {
        if (schema == null) {
            throw new IllegalStateException("rlib " + path + " was opened without a KryoSchema");
        }
        byte[] stored;
        if (solidRaw != null) {
            stored = new byte[e.length()];
            System.arraycopy(solidRaw, (int) e.offset(), stored, 0, e.length());
        } else {
            stored = new byte[e.length()];
            file.get((int) (byName.get(index.members().get(e.member()).name()).offset() + e.offset()), stored);
        }
        byte[] raw;
        try {
            raw = Codecs.byId(e.codecId()).decompress(stored, e.rawLength());
        } catch (RuntimeException ex) {
            throw corrupt(e, RlibFormatException.describe(ex), ex);
        }
        if (raw.length != e.rawLength()) {
            throw corrupt(e, "decoded " + raw.length + " bytes, index says " + e.rawLength(), null);
        }
        MessageDigest sha = ItemIndex.sha256();
        if (!MessageDigest.isEqual(sha.digest(raw), HexFormat.of().parseHex(e.contentHash()))) {
            throw corrupt(e, "content hash mismatch", null);
        }
        try {
            return schema.deserialize(raw);
        } catch (RuntimeException | StackOverflowError ex) {
            throw corrupt(e, RlibFormatException.describe(ex), ex);
        }
    }

    private RlibFormatException corrupt(ItemIndex.Entry e, String what, Throwable cause) {
        return new RlibFormatException(path, "corrupt record for `" + e.defPath() + "`: " + what, cause);
    }

    private boolean isSolid(int member) {
        return index.members().get(member).codecId() != Codecs.NONE.id();
    }

    private byte[] solid(int member) {
        SoftReference<byte[]> ref = solidCache.get(member);
        byte[] raw = ref == null ? null : ref.get();
        if (raw == null) {
            raw = decompressMember(member);
            solidCache.put(member, new SoftReference<>(raw));
        }
        return raw;
    }

    private byte[] decompressMember(int member) {
        ItemIndex.Member m = index.members().get(member);
        try {
            byte[] raw = Codecs.byId(m.codecId()).decompress(bytes(byName.get(m.name())), (int) m.rawSize());
            if (raw.length != m.rawSize()) {
                throw new IllegalArgumentException("decoded " + raw.length + " bytes, index says " + m.rawSize());
            }
            return raw;
        } catch (RuntimeException ex) {
            throw new RlibFormatException(path, "corrupt member " + m.name() + ": " + RlibFormatException.describe(ex), ex);
        }
    }

    private byte[] bytes(ArMember m) {
        byte[] b = new byte[(int) m.size()];
        file.get((int) m.offset(), b);
        return b;
    }

    private static String abbrev(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
