package dev.mirlink.bridge.mirtext;

/**
 * The MIR text reader met something it cannot read. The one-line message names what was
 * expected, the line and column, and the item being parsed.
 */
public final class MirParseException extends RuntimeException {
    private final int line;
    private final int column;

    public MirParseException(String message, int line, int column) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
    }

    public int line() { return line; }

    public int column() { return column; }
}
