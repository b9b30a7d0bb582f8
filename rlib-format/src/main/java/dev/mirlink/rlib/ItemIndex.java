package dev.mirlink.rlib;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Member mirlink.idx: the member table and one entry per item, sorted by def path
 * (String.compareTo), so one item is found by binary search without decoding any record.
 */
public final class ItemIndex {
    public static final String MEMBER = "mirlink.idx";
    private static final int MIN_MEMBER_BYTES = 2 + 1 + 8 + 8;
    private static final int MIN_ENTRY_BYTES = 2 + 4 + 8 + 4 + 4 + 1 + 32;

    /**
     * An item member. codecId compresses the whole member ("solid"; entries then address the
     * decompressed bytes) or is none; rawSize is the member's size after that decompression.
     */
    public record Member(String name, byte codecId, long storedSize, long rawSize) {
    }

    /** An item: bytes [offset, offset+length) of its member's raw bytes, decoded with codecId to rawLength bytes whose SHA-256 is contentHash (hex). */
    public record Entry(String defPath, int member, long offset, int length, int rawLength, byte codecId,
                       String contentHash) {
    }

    private final List<Member> members;
    private final List<Entry> entries;
    private final String[] paths;

    ItemIndex(List<Member> members, List<Entry> entries) {
        this.members = List.copyOf(members);
        this.entries = List.copyOf(entries);
        this.paths = entries.stream().map(Entry::defPath).toArray(String[]::new);
    }

    public List<Member> members() {
        return members;
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<String> paths() {
        return List.of(paths);
    }

    /** Position of defPath in entries(), or -1. */
    public int indexOf(String defPath) {
        int i = Arrays.binarySearch(paths, defPath);
        return i >= 0 ? i : -1;
    }

    /** SHA-256 over (def path, NUL, content hash) of every item in index order, hex. */
    public String crateHash() {
        MessageDigest sha = sha256();
        for (Entry e : entries) {
            sha.update(e.defPath().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(HexFormat.of().parseHex(e.contentHash()));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(members.size());
            for (Member m : members) {
                out.writeUTF(m.name());
                out.writeByte(m.codecId());
                out.writeLong(m.storedSize());
                out.writeLong(m.rawSize());
            }
            out.writeInt(entries.size());
            for (Entry e : entries) {
                out.writeUTF(e.defPath());
                out.writeInt(e.member());
                out.writeLong(e.offset());
                out.writeInt(e.length());
                out.writeInt(e.rawLength());
                out.writeByte(e.codecId());
                out.write(HexFormat.of().parseHex(e.contentHash()));
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes and checks every entry against the archive's member table. */
    static ItemIndex decode(byte[] bytes, Map<String, ArMember> archive, Path file) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            int memberCount = in.readInt();
            if (memberCount < 0 || (long) memberCount * MIN_MEMBER_BYTES > in.available()) {
                throw corrupt(file, "member count " + memberCount);
            }
            List<Member> members = new ArrayList<>(memberCount);
            for (int i = 0; i < memberCount; i++) {
                Member m = new Member(in.readUTF(), in.readByte(), in.readLong(), in.readLong());
                ArMember ar = archive.get(m.name());
                if (ar == null) {
                    throw new RlibFormatException(file, "missing member " + m.name());
                }
                if (ar.size() != m.storedSize()) {
                    throw corrupt(file, "member " + m.name() + " has " + ar.size() + " bytes, index says " + m.storedSize());
                }
                if (Codecs.byId(m.codecId()) == null) {
                    throw corrupt(file, "unknown codec id " + m.codecId() + " for member " + m.name());
                }
                boolean stored = m.codecId() == Codecs.NONE.id();
                if (m.rawSize() < 0 || m.rawSize() > Integer.MAX_VALUE - 16 || (stored && m.rawSize() != m.storedSize())) {
                    throw corrupt(file, "bad raw size " + m.rawSize() + " for member " + m.name());
                }
                members.add(m);
            }
            int itemCount = in.readInt();
            if (itemCount < 0 || (long) itemCount * MIN_ENTRY_BYTES > in.available()) {
                throw corrupt(file, "item count " + itemCount);
            }
            List<Entry> entries = new ArrayList<>(itemCount);
            String prev = null;
            byte[] hash = new byte[32];
            for (int i = 0; i < itemCount; i++) {
                String path = in.readUTF();
                int member = in.readInt();
                long offset = in.readLong();
                int length = in.readInt();
                int rawLength = in.readInt();
                byte codecId = in.readByte();
                in.readFully(hash);
                Entry e = new Entry(path, member, offset, length, rawLength, codecId, HexFormat.of().formatHex(hash));
                if (prev != null && prev.compareTo(path) >= 0) {
                    throw corrupt(file, "entries not sorted at `" + path + "`");
                }
                if (member < 0 || member >= members.size()) {
                    throw corrupt(file, "item `" + path + "` names member #" + member);
                }
                if (Codecs.byId(codecId) == null) {
                    throw corrupt(file, "unknown codec id " + codecId + " for item `" + path + "`");
                }
                long limit = members.get(member).rawSize();
                if (offset < 0 || length < 0 || rawLength < 0 || rawLength > Integer.MAX_VALUE - 16 || offset + length > limit) {
                    throw corrupt(file, "item `" + path + "` at " + offset + "+" + length + " lies outside its member ("
                            + limit + " bytes)");
                }
                entries.add(e);
                prev = path;
            }
            if (in.available() != 0) {
                throw corrupt(file, in.available() + " trailing bytes");
            }
            return new ItemIndex(members, entries);
        } catch (IOException e) {
            throw new RlibFormatException(file, "corrupt " + MEMBER + ": " + RlibFormatException.describe(e), e);
        }
    }

    private static RlibFormatException corrupt(Path file, String what) {
        return new RlibFormatException(file, "corrupt " + MEMBER + ": " + what);
    }
}
