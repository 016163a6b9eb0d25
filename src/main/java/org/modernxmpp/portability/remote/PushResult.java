package org.modernxmpp.portability.remote;

import java.util.List;

import org.modernxmpp.portability.transfer.TransferReport;
import org.modernxmpp.portability.transfer.UserOutcome;

/**
 * What a push did: the engine's report (planned, written, refused, per kind), and what the account does not hold
 * when it is read again afterwards though it was written (empty after a dry run, which writes nothing).
 */
public record PushResult(TransferReport report, List<String> notThere) {
    public PushResult {
        notThere = List.copyOf(notThere);
    }

    /** Every write done and everything written still there. */
    public boolean complete() {
        return notThere.isEmpty() && !report.users().isEmpty()
                && report.users().stream().allMatch(user -> user.status() == UserOutcome.Status.DONE);
    }
}
