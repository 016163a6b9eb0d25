package org.modernxmpp.portability.transfer;

import java.io.PrintWriter;
import java.util.Locale;

/** A report in plain words, for logs, the command line and the report page's text download. */
public final class ReportText {
    private ReportText() {
    }

    public static void write(TransferReport report, PrintWriter out) {
        if (report.dryRun()) {
            out.println("Dry run: nothing was written. This is what an import would do.");
        }
        if (report.wasCancelled()) {
            out.println("Cancelled: users after the last one listed were not transferred.");
        }
        out.printf("Users: %d done, %d skipped, %d failed%n", report.count(UserOutcome.Status.DONE),
                report.count(UserOutcome.Status.SKIPPED), report.count(UserOutcome.Status.FAILED));
        for (UserOutcome user : report.users()) {
            out.printf("%n%s%s: %s%s%n", user.target(), user.source().equals(user.target()) ? "" : " (from " + user.source() + ")",
                    user.status().name().toLowerCase(Locale.ROOT), user.problem() == null ? "" : ": " + user.problem());
            for (KindOutcome kind : user.kinds()) {
                out.printf("  %s: %s%s%n", kind.kind().label(), kind.result().name().toLowerCase(Locale.ROOT),
                        kind.changes() == 0 ? "" : " (" + kind.changes() + (kind.changes() == 1 ? " change)" : " changes)"));
                kind.details().forEach(detail -> out.println("      " + detail));
            }
        }
        if (report.usersNotListed() > 0) {
            out.printf("%n… and %,d more users (counted above, not listed)%n", report.usersNotListed());
        }
        if (!report.passwordResets().isEmpty()) {
            out.printf("%nAccounts that need a new password (the file had none this server can use):%n");
            report.passwordResets().forEach(jid -> out.println("  " + jid));
        }
        if (!report.unknownElements().isEmpty()) {
            out.printf("%nElements in the file this server does not understand (carried in the file, not imported):%n");
            report.unknownElements().forEach((what, count) -> out.printf("  %s: %d%n", what, count));
        }
        if (!report.notes().isEmpty()) {
            out.printf("%nNotes:%n");
            report.notes().forEach(note -> out.println("  " + note));
        }
        out.flush();
    }
}
