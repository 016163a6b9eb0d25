package org.modernxmpp.portability.transfer;

import java.util.List;

/**
 * What happened to one kind of one user.
 *
 * @param details one line per change or reason, in plain words ("added romeo@montague.example")
 */
public record KindOutcome(DataKind kind, Result result, int changes, List<String> details) {

    public enum Result {
        /** Nothing was there; the file's data was written. */
        CREATED,
        /** Missing entries were added to what was there. */
        MERGED,
        /** What was there was made equal to the file's. */
        REPLACED,
        /** Nothing to change: the account already holds it all, or the file has none. */
        UNCHANGED,
        /** Left alone by policy, or because it cannot be imported here (the reason says which). */
        SKIPPED,
        /** Writing failed part way; the details say what was and was not written. */
        FAILED
    }

    public KindOutcome {
        details = List.copyOf(details);
    }
}
