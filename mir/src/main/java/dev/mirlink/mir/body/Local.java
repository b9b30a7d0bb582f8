package dev.mirlink.mir.body;

/** A local variable index, printed {@code _N}; {@code _0} is the return place. */
public record Local(int index) {
    public static final Local RETURN_PLACE = new Local(0);

    @Override public String toString() { return "_" + index; }
}
