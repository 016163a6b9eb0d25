package org.modernxmpp.portability.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

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
        page.print(Html.head(AdminTexts.text(request, "moves.title"), "accountportability-moves"));
        page.print(remoteMoves(request));
        Moves moves = context().moves();
        if (moves == null) {
            page.print("<p>" + AdminTexts.html(request, "moves.unavailable") + "</p></body></html>");
            return;
        }
        MoveAnnouncement statements = new MoveAnnouncement(context().ports().get().pep(), context().ports().get().accounts().domain());
        page.print("<h2>" + AdminTexts.html(request, "moves.away") + "</h2><p>" + AdminTexts.html(request, "moves.away.explain") + "</p>"
                + "<table><tr><th>" + AdminTexts.html(request, "moves.account") + "</th><th>" + AdminTexts.html(request, "moves.newAddress")
                + "</th><th>" + AdminTexts.html(request, "moves.since") + "</th><th>" + AdminTexts.html(request, "moves.switched")
                + "</th><th>" + AdminTexts.html(request, "moves.left") + "</th><th>" + AdminTexts.html(request, "moves.published") + "</th></tr>");
        for (Departure departure : moves.departures().all()) {
            String switched;
            String left;
            String published;
            try {
                Departure.Progress progress = moves.departures().progress(departure);
                switched = String.valueOf(progress.switched());
                left = String.valueOf(progress.left());
                published = AdminTexts.text(request, statements.current(departure.username()).isPresent() ? "moves.published.yes" : "moves.published.no");
            } catch (AccountException | RuntimeException e) {
                switched = left = published = AdminTexts.text(request, "moves.unknown", String.valueOf(e.getMessage()));
            }
            page.print("<tr><td>" + Html.escape(departure.username()) + "</td><td>" + Html.escape(departure.newJid().toBareJID())
                    + "</td><td>" + Html.escape(DateTimeFormatter.ISO_INSTANT.format(departure.since().truncatedTo(ChronoUnit.SECONDS)))
                    + "</td><td>" + Html.escape(switched) + "</td><td>" + Html.escape(left) + "</td><td>" + Html.escape(published) + "</td></tr>");
        }
        page.print("</table><h2>" + AdminTexts.html(request, "moves.in") + "</h2><p>" + AdminTexts.html(request, "moves.in.explain") + "</p>"
                + "<table><tr><th>" + AdminTexts.html(request, "moves.account") + "</th><th>" + AdminTexts.html(request, "moves.oldAddress")
                + "</th><th>" + AdminTexts.html(request, "moves.asked") + "</th><th>" + AdminTexts.html(request, "moves.accepted")
                + "</th><th>" + AdminTexts.html(request, "moves.state") + "</th></tr>");
        for (String username : moves.notifier().accounts()) {
            try {
                ContactNotifier.Progress progress = moves.notifier().progress(username).orElseThrow();
                page.print("<tr><td>" + Html.escape(username) + "</td><td>" + Html.escape(progress.oldJid().toBareJID()) + "</td><td>"
                        + AdminTexts.html(request, "moves.askedOf", String.valueOf(progress.sent()), String.valueOf(progress.total()))
                        + "</td><td>" + progress.accepted() + "</td><td>" + AdminTexts.html(request, progress.running() ? "moves.state.telling"
                        : progress.sent() == progress.total() ? "moves.state.done" : "moves.state.stopped") + "</td></tr>");
            } catch (AccountException | RuntimeException e) {
                page.print("<tr><td>" + Html.escape(username) + "</td><td colspan=\"4\">" + Html.escape(String.valueOf(e.getMessage())) + "</td></tr>");
            }
        }
        page.print("</table><h2>" + AdminTexts.html(request, "moves.tombstones") + "</h2><p>" + AdminTexts.html(request, "moves.tombstones.explain")
                + "</p><table><tr><th>" + AdminTexts.html(request, "moves.account") + "</th><th>" + AdminTexts.html(request, "moves.newAddress")
                + "</th><th>" + AdminTexts.html(request, "moves.until") + "</th></tr>");
        for (Tombstones.Tombstone tombstone : moves.tombstones().all()) {
            page.print("<tr><td>" + Html.escape(tombstone.username()) + "</td><td>" + Html.escape(tombstone.newJid().toBareJID())
                    + "</td><td>" + Html.escape(DateTimeFormatter.ISO_INSTANT.format(tombstone.until().truncatedTo(ChronoUnit.SECONDS)))
                    + "</td></tr>");
        }
        page.print("</table></body></html>");
    }

    /** The moves in from other servers and out to them that hold a connection now, with how far each got. */
    private String remoteMoves(HttpServletRequest request) {
        StringBuilder html = new StringBuilder("<h2>" + AdminTexts.html(request, "moves.remote") + "</h2><p>"
                + AdminTexts.html(request, "moves.remote.explain") + "</p>");
        List<TransferSlots.Running> running = context().transfers().running();
        if (running.isEmpty()) {
            return html.append("<p>").append(AdminTexts.html(request, "moves.remote.none")).append("</p>").toString();
        }
        html.append("<table><tr><th>").append(AdminTexts.html(request, "moves.account")).append("</th><th>")
                .append(AdminTexts.html(request, "moves.direction")).append("</th><th>").append(AdminTexts.html(request, "moves.otherAccount"))
                .append("</th><th>").append(AdminTexts.html(request, "moves.started")).append("</th><th>")
                .append(AdminTexts.html(request, "moves.progress")).append("</th></tr>");
        for (TransferSlots.Running move : running) {
            TransferSlots.Progress progress = move.progress();
            html.append("<tr><td>").append(Html.escape(move.account())).append("</td><td>")
                    .append(AdminTexts.html(request, "moves.direction." + move.direction())).append("</td><td>")
                    .append(Html.escape(move.other().toBareJID())).append("</td><td>")
                    .append(Html.escape(DateTimeFormatter.ISO_INSTANT.format(move.started().truncatedTo(ChronoUnit.SECONDS)))).append("</td><td>")
                    .append(AdminTexts.html(request, "moves.stage." + progress.stage(), String.valueOf(progress.done()), String.valueOf(progress.of())))
                    .append("</td></tr>");
        }
        return html.append("</table>").toString();
    }
}
