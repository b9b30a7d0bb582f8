package dev.mirlink.mir.body;

import java.util.List;

/** A whole {@code --emit=mir} file: its entries in file order. */
public record MirFile(List<MirEntry> entries) {
    public MirFile { entries = List.copyOf(entries); }
}
