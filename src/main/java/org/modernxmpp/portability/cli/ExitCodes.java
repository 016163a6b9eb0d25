package org.modernxmpp.portability.cli;

/** What the tool's exit status means, for shell scripts. */
public final class ExitCodes {
    /** Done; for validate: the export is valid; for diff: no differences. */
    public static final int OK = 0;
    /** The export is invalid (the error names file, line and reason), or for diff: the exports differ. */
    public static final int INVALID_OR_DIFFERENT = 1;
    /** The command line was wrong (picocli's usage error code). */
    public static final int USAGE = 2;
    /** A file could not be read or written. */
    public static final int IO_ERROR = 3;
    /** The account on another server could not be reached, logged in to or read (the message says which). */
    public static final int REMOTE_ERROR = 4;
    /** Written, but not everything arrived: the report names what is missing. */
    public static final int INCOMPLETE = 5;

    private ExitCodes() {
    }
}
