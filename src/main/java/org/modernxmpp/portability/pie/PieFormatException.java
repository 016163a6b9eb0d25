package org.modernxmpp.portability.pie;

import java.io.IOException;

/**
 * An export that cannot be read: malformed, hostile, or not XEP-0227. The message names the file,
 * the line and column where known, and the reason, so an admin can find the spot.
 */
public class PieFormatException extends IOException {
    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    public PieFormatException(String source, int line, int column, String reason) {
        this(source, line, column, reason, null);
    }

    public PieFormatException(String source, int line, int column, String reason, Throwable cause) {
        super(format(source, line, column, reason), cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    private static String format(String source, int line, int column, String reason) {
        StringBuilder message = new StringBuilder(source == null ? "<input>" : source);
        if (line > 0) {
            message.append(':').append(line);
            if (column > 0) {
                message.append(':').append(column);
            }
        }
        return message.append(": ").append(reason).toString();
    }

    /** The file (or stream name) the problem is in. */
    public String source() {
        return source;
    }

    /** 1-based line, or -1 when unknown. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The reason alone, without the location. */
    public String reason() {
        return reason;
    }
}
