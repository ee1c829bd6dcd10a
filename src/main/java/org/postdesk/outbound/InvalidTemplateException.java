package org.postdesk.outbound;

/**
 * A template was refused before it was stored: it does not parse, uses something the sandbox forbids
 * ({@code ?new}, {@code ?api}, including files) or does not render against a sample ticket. The
 * message names the template, the part, the line and the column; {@link #line()} is 0 when unknown.
 */
public class InvalidTemplateException extends RuntimeException {
    private final int line;
    private final int column;

    public InvalidTemplateException(String where, int line, int column, String problem, Throwable cause) {
        super(where + (line > 0 ? ", line " + line + ", column " + column : "") + ": " + problem, cause);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
