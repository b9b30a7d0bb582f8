package dev.mirlink.rlib;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;

/**
 * Writes a MIR-only rlib: lib.rmeta (first, untouched, found by name by rustc), mirlink.hdr,
 * mirlink.idx, then the item members planned by the layout. The file appears atomically:
 * it is written next to the target and renamed, and removed on any failure.
 */
public final class RlibWriter {
    public static final String RMETA = "lib.rmeta";
    static final String ITEM_MEMBER_PREFIX = "mirlink.";
    /** Keeps any def path within DataOutputStream.writeUTF's 65535-byte limit. */
    private static final int MAX_DEF_PATH_CHARS = 16384;

    private final KryoSchema schema;
    private final RlibLayout layout;

    public RlibWriter(KryoSchema schema, RlibLayout layout) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** Writes target from items keyed by def path; identical input gives identical bytes. */
    public RlibHeader write(Path target, CrateInfo crate, byte[] rmeta, Map<String, ?> items) {
        Objects.requireNonNull(crate, "crate");
        Objects.requireNonNull(rmeta, "rmeta");
        Objects.requireNonNull(items, "items");
        Path abs = target.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
            if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                // createTempFile makes the file 0600; an rlib is an ordinary build output
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            RlibHeader header;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                ArArchiveOutputStream ar = ArchiveIO.open(out);
                ArchiveIO.add(ar, RMETA, rmeta);
                Encoded enc = encode(target, items);
                header = new RlibHeader(RlibHeader.FORMAT_VERSION, crate.producer(), crate.rustcVersion(),
                        crate.targetTriple(), crate.crateName(), enc.index().crateHash(), schema.schemaHash(),
                        layout.name());
                ArchiveIO.add(ar, RlibHeader.MEMBER, header.encode());
                ArchiveIO.add(ar, ItemIndex.MEMBER, enc.index().encode());
                for (int m = 0; m < enc.members().size(); m++) {
                    ArchiveIO.add(ar, enc.index().members().get(m).name(), enc.members().get(m));
                }
                ar.finish();
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return header;
        } catch (Throwable t) {
            deleteQuietly(tmp, t);
            if (t instanceof RlibFormatException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new RlibFormatException(target, "cannot write rlib: " + RlibFormatException.describe(t), t);
        }
    }

    private record Encoded(ItemIndex index, List<byte[]> members) {
    }

    private Encoded encode(Path target, Map<String, ?> items) {
        for (Map.Entry<String, ?> e : items.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty() || e.getKey().length() > MAX_DEF_PATH_CHARS) {
                throw new RlibFormatException(target, "bad def path `" + abbreviate(e.getKey()) + "`");
            }
            if (e.getValue() == null) {
                throw new RlibFormatException(target, "item `" + e.getKey() + "` is null");
            }
        }
        TreeMap<String, ?> sorted = new TreeMap<>(items);
        String[] paths = sorted.keySet().toArray(String[]::new);
        Object[] values = sorted.values().toArray();
        byte[][] records = new byte[paths.length][];
        byte[][] hashes = new byte[paths.length][];
        RuntimeException[] errors = new RuntimeException[paths.length];
        IntStream.range(0, paths.length).parallel().forEach(i -> {
            try {
                records[i] = schema.serialize(values[i]);
                hashes[i] = ItemIndex.sha256().digest(records[i]);
            } catch (RuntimeException e) {
                errors[i] = e;
            }
        });
        for (int i = 0; i < paths.length; i++) {
            if (errors[i] != null) {
                throw new RlibFormatException(target, "cannot serialize item `" + paths[i] + "`: "
                        + RlibFormatException.describe(errors[i]), errors[i]);
            }
        }
        List<RlibLayout.Item> layoutItems = IntStream.range(0, paths.length)
                .mapToObj(i -> new RlibLayout.Item(paths[i], records[i])).toList();
        List<RlibLayout.MemberPlan> plans = checkedPlan(target, layoutItems);

        ItemIndex.Entry[] entries = new ItemIndex.Entry[paths.length];
        ItemIndex.Member[] members = new ItemIndex.Member[plans.size()];
        byte[][] memberBytes = new byte[plans.size()][];
        IntStream.range(0, plans.size()).parallel().forEach(m -> {
            RlibLayout.MemberPlan plan = plans.get(m);
            List<byte[]> parts = new ArrayList<>();
            long offset = 0;
            for (int i : plan.items()) {
                byte[] part = plan.recordCodec().compress(records[i]);
                entries[i] = new ItemIndex.Entry(paths[i], m, offset, part.length, records[i].length,
                        plan.recordCodec().id(), HexFormat.of().formatHex(hashes[i]));
                parts.add(part);
                offset += part.length;
            }
            if (offset > Integer.MAX_VALUE - 16) {
                throw new RlibFormatException(target, "member " + ITEM_MEMBER_PREFIX + m + " exceeds 2 GiB");
            }
            byte[] raw = new byte[(int) offset];
            int at = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, raw, at, part.length);
                at += part.length;
            }
            memberBytes[m] = plan.memberCodec().compress(raw);
            members[m] = new ItemIndex.Member(ITEM_MEMBER_PREFIX + m, plan.memberCodec().id(), memberBytes[m].length,
                    raw.length);
        });
        return new Encoded(new ItemIndex(Arrays.asList(members), Arrays.asList(entries)), Arrays.asList(memberBytes));
    }

    private List<RlibLayout.MemberPlan> checkedPlan(Path target, List<RlibLayout.Item> items) {
        List<RlibLayout.MemberPlan> plans = layout.plan(items);
        boolean[] placed = new boolean[items.size()];
        for (RlibLayout.MemberPlan p : plans) {
            for (Codec c : List.of(p.recordCodec(), p.memberCodec())) {
                Codec known = Codecs.byId(c.id());
                if (known == null || !known.name().equals(c.name())) {
                    throw new RlibFormatException(target, "layout " + layout.name() + " uses codec " + c.name()
                            + " (id " + c.id() + "), which readers do not know; add it to Codecs");
                }
            }
            for (int i : p.items()) {
                if (i < 0 || i >= items.size() || placed[i]) {
                    throw new RlibFormatException(target, "layout " + layout.name() + " placed item #" + i
                            + " twice or out of range");
                }
                placed[i] = true;
            }
        }
        for (int i = 0; i < placed.length; i++) {
            if (!placed[i]) {
                throw new RlibFormatException(target, "layout " + layout.name() + " left out item `"
                        + items.get(i).defPath() + "`");
            }
        }
        return plans;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    private static void deleteQuietly(Path tmp, Throwable failure) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
