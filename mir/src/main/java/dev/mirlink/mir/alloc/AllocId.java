package dev.mirlink.mir.alloc;

/** rustc's allocation id, printed {@code allocN}; numbering is per rustc session. */
public record AllocId(long index) {
    @Override public String toString() { return "alloc" + index; }
}
