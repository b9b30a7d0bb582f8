package dev.mirlink.rlib;

import java.nio.file.Path;

/** Writes the standard test rlib; run in a child JVM to check determinism across processes. */
public final class WriteMain {
    private WriteMain() {
    }

    public static void main(String[] args) {
        write(Path.of(args[0]));
    }

    static void write(Path out) {
        new RlibWriter(TestModel.schema(), new ChunkedLayout(Codecs.ZSTD, 8192))
                .write(out, TestModel.CRATE, TestModel.rmeta(), TestModel.items(300, 11));
    }
}
