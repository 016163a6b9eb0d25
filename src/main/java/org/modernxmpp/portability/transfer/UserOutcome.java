package org.modernxmpp.portability.transfer;

import java.util.List;

/**
 * What happened to one user of a transfer.
 *
 * @param source   the user's address in the file (or on the source server)
 * @param target   the address written to, after any host rewrite
 * @param problem  why the whole user was skipped or failed, or null
 */
public record UserOutcome(String source, String target, Status status, String problem, List<KindOutcome> kinds) {

    public enum Status {
        /** Everything planned was written (or, in a dry run, would be). */
        DONE,
        /** Nothing was written for this user: it failed validation or was filtered out; see problem. */
        SKIPPED,
        /** Writing failed part way; the kinds say what was written. */
        FAILED
    }

    public UserOutcome {
        kinds = List.copyOf(kinds);
    }
}
