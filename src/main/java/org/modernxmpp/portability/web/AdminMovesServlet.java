package org.modernxmpp.portability.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.moved.ContactNotifier;
import org.modernxmpp.portability.moved.Departure;
import org.modernxmpp.portability.moved.MoveAnnouncement;
import org.modernxmpp.portability.moved.Moves;
import org.modernxmpp.portability.moved.Tombstones;

/**
 * Admin console: the moves (XEP-0283) on this server. Accounts that say they moved away, with how many of their
 * contacts have switched; accounts that moved here and are telling their contacts; tombstones of deleted accounts.
 */
public final class AdminMovesServlet extends AdminPage {

    public AdminMovesServlet() {
    }

    AdminMovesServlet(PortabilityContext context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter page = response.getWriter();
        page.print(Html.head("Moved accounts", "accountportability-moves"));
        Moves moves = context().moves();
        if (moves == null) {
            page.print("<p>Moves are not available on this server.</p></body></html>");
            return;
        }
        MoveAnnouncement statements = new MoveAnnouncement(context().ports().get().pep(), context().ports().get().accounts().domain());
        page.print("<h2>Moving away</h2><p>Accounts whose users published a note naming their new address. Counted are the"
                + " contacts who had approved the account (only they can follow the move); one has switched once that approval"
                + " is gone, since its server revokes it when it follows the move (XEP-0283). Keep these accounts until their contacts have switched.</p>"
                + "<table><tr><th>Account</th><th>New address</th><th>Since</th><th>Contacts switched</th><th>Not yet</th>"
                + "<th>Note still published</th></tr>");
        for (Departure departure : moves.departures().all()) {
            String switched;
            String left;
            String published;
            try {
                Departure.Progress progress = moves.departures().progress(departure);
                switched = String.valueOf(progress.switched());
                left = String.valueOf(progress.left());
                published = statements.current(departure.username()).isPresent() ? "yes" : "no (withdrawn by a client)";
            } catch (AccountException | RuntimeException e) {
                switched = left = published = "unknown: " + e.getMessage();
            }
            page.print("<tr><td>" + Html.escape(departure.username()) + "</td><td>" + Html.escape(departure.newJid().toBareJID())
                    + "</td><td>" + Html.escape(DateTimeFormatter.ISO_INSTANT.format(departure.since().truncatedTo(ChronoUnit.SECONDS)))
                    + "</td><td>" + Html.escape(switched) + "</td><td>" + Html.escape(left) + "</td><td>" + Html.escape(published) + "</td></tr>");
        }
        page.print("</table><h2>Moving in</h2><p>Accounts that replace an old address and are telling their contacts.</p>"
                + "<table><tr><th>Account</th><th>Old address</th><th>Contacts asked</th><th>Accepted</th><th>State</th></tr>");
        for (String username : moves.notifier().accounts()) {
            try {
                ContactNotifier.Progress progress = moves.notifier().progress(username).orElseThrow();
                page.print("<tr><td>" + Html.escape(username) + "</td><td>" + Html.escape(progress.oldJid().toBareJID()) + "</td><td>"
                        + progress.sent() + " of " + progress.total() + "</td><td>" + progress.accepted() + "</td><td>"
                        + (progress.running() ? "telling" : progress.sent() == progress.total() ? "done" : "stopped") + "</td></tr>");
            } catch (AccountException | RuntimeException e) {
                page.print("<tr><td>" + Html.escape(username) + "</td><td colspan=\"4\">" + Html.escape(String.valueOf(e.getMessage())) + "</td></tr>");
            }
        }
        page.print("</table><h2>Deleted accounts that still answer</h2><p>When an account that said it moved is deleted,"
                + " queries for its note are answered with its new address until the date shown (settings"
                + " <code>moved.keepTombstones</code> and <code>moved.tombstoneDays</code>).</p>"
                + "<table><tr><th>Account</th><th>New address</th><th>Until</th></tr>");
        for (Tombstones.Tombstone tombstone : moves.tombstones().all()) {
            page.print("<tr><td>" + Html.escape(tombstone.username()) + "</td><td>" + Html.escape(tombstone.newJid().toBareJID())
                    + "</td><td>" + Html.escape(DateTimeFormatter.ISO_INSTANT.format(tombstone.until().truncatedTo(ChronoUnit.SECONDS)))
                    + "</td></tr>");
        }
        page.print("</table></body></html>");
    }
}
