package dev.mirlink.rlib;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Member mirlink.hdr: magic, format version, then UTF strings. Plain DataOutputStream, not
 * Kryo, so a reader detects a version or schema mismatch before decoding any record.
 */
public record RlibHeader(int formatVersion, String producer, String rustcVersion, String targetTriple,
                         String crateName, String crateHash, String schemaHash, String layout) {
    public static final String MEMBER = "mirlink.hdr";
    public static final int FORMAT_VERSION = 1;
    public static final String PRODUCER = "mirlink 0.1.0";
    private static final byte[] MAGIC = "MIRLINK\0".getBytes(StandardCharsets.US_ASCII);

    byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(formatVersion);
            for (String s : new String[] {producer, rustcVersion, targetTriple, crateName, crateHash, schemaHash, layout}) {
                out.writeUTF(s);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RlibHeader decode(byte[] bytes, Path file) {
        if (bytes.length < MAGIC.length + 4 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new RlibFormatException(file, "not a mirlink rlib: bad magic in " + MEMBER);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length, bytes.length));
        try {
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new RlibFormatException(file, "unsupported mirlink format version " + version
                        + ", this mirlink reads version " + FORMAT_VERSION);
            }
            RlibHeader h = new RlibHeader(version, in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(),
                    in.readUTF(), in.readUTF(), in.readUTF());
            if (in.available() != 0) {
                throw new RlibFormatException(file, "corrupt " + MEMBER + ": " + in.available() + " trailing bytes");
            }
            return h;
        } catch (IOException e) {
            throw new RlibFormatException(file, "corrupt " + MEMBER + ": " + RlibFormatException.describe(e), e);
        }
    }
}
