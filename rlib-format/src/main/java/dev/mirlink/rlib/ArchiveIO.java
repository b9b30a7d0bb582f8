package dev.mirlink.rlib;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;

/**
 * The ar container. Writing goes through Commons Compress with GNU-style names
 * ("lib.rmeta/", as rustc's own rlibs have); reading scans the 60-byte member headers of a
 * mapped file directly, because ArArchiveInputStream skips member data by reading it and
 * lazy loading must not touch item members at open.
 */
final class ArchiveIO {
    static final int MAX_NAME = 15;
    private static final byte[] MAGIC = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 60;
    private static final int MODE_0644 = 0644;

    private ArchiveIO() {
    }

    /** Starts an archive; members are added with {@link #add} and the stream finished by the caller. */
    static ArArchiveOutputStream open(OutputStream out) {
        ArArchiveOutputStream ar = new ArArchiveOutputStream(out);
        ar.setLongFileMode(ArArchiveOutputStream.LONGFILE_ERROR);
        return ar;
    }

    /** Adds a member with fixed mtime/uid/gid/mode so that output is byte-deterministic. */
    static void add(ArArchiveOutputStream ar, String name, byte[] bytes) throws IOException {
        if (name.isEmpty() || name.length() > MAX_NAME || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("bad ar member name '" + name + "'");
        }
        ar.putArchiveEntry(new ArArchiveEntry(name + "/", bytes.length, 0, 0, MODE_0644, 0));
        ar.write(bytes);
        ar.closeArchiveEntry();
    }

    /** Lists members of a mapped archive; understands GNU ("/", "//" tables) and BSD ("#1/") names. */
    static List<ArMember> scan(ByteBuffer file, Path path) {
        long size = file.limit();
        if (size < MAGIC.length || !ByteBuffer.wrap(MAGIC).equals(file.slice(0, MAGIC.length))) {
            throw new RlibFormatException(path, "not an ar archive");
        }
        List<ArMember> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ByteBuffer gnuNames = null;
        long pos = MAGIC.length;
        while (pos < size) {
            if (pos + HEADER > size) {
                throw new RlibFormatException(path, "truncated archive: member header at " + pos
                        + " ends at " + size + " of " + (pos + HEADER));
            }
            byte[] h = new byte[HEADER];
            file.get((int) pos, h);
            if (h[58] != '`' || h[59] != '\n') {
                throw new RlibFormatException(path, "corrupt ar member header at offset " + pos);
            }
            String rawName = ascii(h, 0, 16).stripTrailing();
            long dataSize = parseSize(ascii(h, 48, 10).strip(), pos, path);
            long data = pos + HEADER;
            String name = rawName;
            if (rawName.startsWith("#1/")) {
                int nameLen = (int) parseSize(rawName.substring(3), pos, path);
                if (nameLen > dataSize) {
                    throw new RlibFormatException(path, "corrupt ar member header at offset " + pos);
                }
                checkEnd(data + nameLen, size, rawName, path);
                byte[] n = new byte[nameLen];
                file.get((int) data, n);
                name = new String(n, StandardCharsets.UTF_8).replace("\0", "");
                data += nameLen;
                dataSize -= nameLen;
            } else if (rawName.equals("//")) {
                checkEnd(data + dataSize, size, "//", path);
                gnuNames = file.slice((int) data, (int) dataSize);
            } else if (rawName.startsWith("/") && rawName.length() > 1 && Character.isDigit(rawName.charAt(1))) {
                name = gnuLongName(gnuNames, (int) parseSize(rawName.substring(1), pos, path), pos, path);
            } else if (rawName.endsWith("/") && rawName.length() > 1) {
                name = rawName.substring(0, rawName.length() - 1);
            }
            checkEnd(data + dataSize, size, name, path);
            if (!name.equals("/") && !name.equals("//") && !name.startsWith("__.SYMDEF")) {
                if (!seen.add(name)) {
                    throw new RlibFormatException(path, "duplicate archive member " + name);
                }
                members.add(new ArMember(name, data, dataSize));
            }
            long end = data + dataSize;
            pos = end + (end & 1);
        }
        return List.copyOf(members);
    }

    private static void checkEnd(long end, long size, String name, Path path) {
        if (end > size) {
            throw new RlibFormatException(path, "truncated archive: member " + name + " ends at " + size + " of " + end);
        }
    }

    private static String gnuLongName(ByteBuffer table, int off, long pos, Path path) {
        if (table == null || off >= table.limit()) {
            throw new RlibFormatException(path, "corrupt ar long name reference at offset " + pos);
        }
        int end = off;
        while (end < table.limit() && table.get(end) != '\n') {
            end++;
        }
        byte[] n = new byte[end - off];
        table.get(off, n);
        String s = new String(n, StandardCharsets.UTF_8);
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static long parseSize(String s, long pos, Path path) {
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(Character::isDigit)) {
            throw new RlibFormatException(path, "corrupt ar member header at offset " + pos);
        }
        return Long.parseLong(s);
    }

    private static String ascii(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.US_ASCII);
    }
}
