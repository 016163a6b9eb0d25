package org.modernxmpp.portability.web;

import java.io.IOException;
import java.util.Date;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.moved.ContactNotifier;
import org.modernxmpp.portability.moved.Departure;
import org.modernxmpp.portability.moved.MoveAnnouncement;
import org.modernxmpp.portability.moved.Moves;
import org.modernxmpp.portability.transfer.DataKind;

/** The self-service start page: the sign-in form, or, once signed in, download, import, and moving away or in. */
final class AccountHomeServlet extends SelfServicePage {

    AccountHomeServlet(SelfService site) {
        super(site);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String account = account(request);
        if (account == null) {
            page(request, response, HttpServletResponse.SC_OK, signInForm(request, null));
            return;
        }
        page(request, response, HttpServletResponse.SC_OK, home(request, account + "@" + site.domain(), site, null));
    }

    String signInForm(HttpServletRequest request, String problem) {
        return "<p>" + Html.escape(text(request, "intro")) + "</p>" + (problem == null ? "" : error(problem))
                + "<form method=\"post\" action=\"sign-in\">" + csrfField(request)
                + "<h2>" + Html.escape(text(request, "signin.heading")) + "</h2>"
                + "<label>" + Html.escape(text(request, "signin.address", site.domain()))
                + "<br><input name=\"address\" autocomplete=\"username\" required autofocus></label>"
                + "<label>" + Html.escape(text(request, "signin.password"))
                + "<br><input type=\"password\" name=\"password\" autocomplete=\"current-password\" required></label>"
                + "<button type=\"submit\">" + Html.escape(text(request, "signin.submit")) + "</button></form>";
    }

    /** The signed-in page, with the move section showing the account's current statement. */
    static String home(HttpServletRequest request, String jid, SelfService site, String message) {
        String username = jid.substring(0, jid.indexOf('@'));
        String current;
        try {
            current = new MoveAnnouncement(site.context().ports().get().pep(), site.domain()).current(username)
                    .map(s -> "<p>" + Html.escape(text(request, "move.current", s.newJid().toBareJID())) + "</p>"
                            + departure(request, username, site)
                            + "<form method=\"post\" action=\"move\">" + csrfField(request)
                            + "<input type=\"hidden\" name=\"action\" value=\"withdraw\"><button type=\"submit\">"
                            + Html.escape(text(request, "move.withdraw")) + "</button></form>").orElse("");
        } catch (AccountException e) {
            current = error(e.getMessage());
        }
        String move = "<section><h2>" + Html.escape(text(request, "move.heading")) + "</h2><p>" + Html.escape(text(request, "move.explain"))
                + "</p>" + current + "<form method=\"post\" action=\"move\">" + csrfField(request)
                + "<label>" + Html.escape(text(request, "move.address")) + "<br><input name=\"address\" required></label>"
                + "<label><input type=\"radio\" name=\"audience\" value=\"contacts\" checked> " + Html.escape(text(request, "move.audience.contacts"))
                + "</label><label><input type=\"radio\" name=\"audience\" value=\"anyone\"> " + Html.escape(text(request, "move.audience.anyone"))
                + "</label><button type=\"submit\">" + Html.escape(text(request, "move.submit")) + "</button></form></section>";
        return sections(request, jid, message) + moveInSection(request, site) + moveOutSection(request, site) + move + notifySection(request, username, site);
    }

    /** "Move to a new account elsewhere": the new address and password, or a link to the move under way. */
    private static String moveOutSection(HttpServletRequest request, SelfService site) {
        if (!site.context().settings().moveOutEnabled()) {
            return "";
        }
        javax.servlet.http.HttpSession session = request.getSession(false);
        MoveOut current = session == null ? null : (MoveOut) session.getAttribute(MoveOut.ATTRIBUTE);
        String underWay = current == null ? "" : "<p role=\"status\">" + Html.escape(text(request, "moveout.underway",
                current.newAccount.toBareJID())) + " <a href=\"move-out?flow=" + current.id + "\">" + Html.escape(text(request, "movein.show"))
                + "</a></p>";
        return "<section><h2>" + Html.escape(text(request, "moveout.heading")) + "</h2><p>" + Html.escape(text(request, "moveout.explain"))
                + "</p>" + underWay + "<form method=\"post\" action=\"move-out\">" + csrfField(request)
                + "<input type=\"hidden\" name=\"step\" value=\"connect\">"
                + "<label>" + Html.escape(text(request, "moveout.address")) + "<br><input name=\"address\" autocomplete=\"off\" required></label>"
                + "<label>" + Html.escape(text(request, "moveout.password"))
                + "<br><input type=\"password\" name=\"password\" autocomplete=\"off\" required></label>"
                + "<p>" + Html.escape(text(request, "moveout.password.use")) + "</p>"
                + "<button type=\"submit\">" + Html.escape(text(request, "moveout.submit")) + "</button></form></section>";
    }

    /** "Move from my old account": the old address and password, or a link to the move this session has under way. */
    private static String moveInSection(HttpServletRequest request, SelfService site) {
        if (!site.context().settings().moveInEnabled()) {
            return "";
        }
        javax.servlet.http.HttpSession session = request.getSession(false);
        MoveIn current = session == null ? null : (MoveIn) session.getAttribute(MoveIn.ATTRIBUTE);
        String underWay = current == null ? "" : "<p role=\"status\">" + Html.escape(text(request, "movein.underway",
                current.oldAccount.toBareJID())) + " <a href=\"move-in?flow=" + current.id + "\">" + Html.escape(text(request, "movein.show"))
                + "</a></p>";
        return "<section><h2>" + Html.escape(text(request, "movein.heading")) + "</h2><p>" + Html.escape(text(request, "movein.explain"))
                + "</p>" + underWay + "<form method=\"post\" action=\"move-in\">" + csrfField(request)
                + "<input type=\"hidden\" name=\"step\" value=\"connect\">"
                + "<label>" + Html.escape(text(request, "movein.address")) + "<br><input name=\"address\" autocomplete=\"off\" required></label>"
                + "<label>" + Html.escape(text(request, "movein.password"))
                + "<br><input type=\"password\" name=\"password\" autocomplete=\"off\" required></label>"
                + "<p>" + Html.escape(text(request, "movein.password.use")) + "</p>"
                + "<button type=\"submit\">" + Html.escape(text(request, "movein.submit")) + "</button></form></section>";
    }

    /** Since when the statement is up and how many contacts have switched, when it went up through this page. */
    private static String departure(HttpServletRequest request, String username, SelfService site) {
        Moves moves = site.context().moves();
        if (moves == null) {
            return "";
        }
        try {
            Optional<Departure> departure = moves.departures().of(username);
            if (departure.isEmpty()) {
                return "";
            }
            Departure.Progress progress = moves.departures().progress(departure.get());
            return "<p role=\"status\">" + Html.escape(text(request, "move.progress", Date.from(departure.get().since()),
                    progress.switched(), progress.left())) + "</p>";
        } catch (AccountException | RuntimeException e) {
            return error(e.getMessage());
        }
    }

    /** One line per contact: asked yet, and accepted yet. */
    private static String contactResults(HttpServletRequest request, ContactNotifier.Progress progress) {
        StringBuilder table = new StringBuilder("<table><caption>").append(Html.escape(text(request, "notify.contacts")))
                .append("</caption><tr><th scope=\"col\">").append(Html.escape(text(request, "notify.contact")))
                .append("</th><th scope=\"col\">").append(Html.escape(text(request, "notify.state"))).append("</th></tr>");
        for (ContactNotifier.ContactResult contact : progress.contacts()) {
            String state = contact.accepted() ? "notify.accepted" : contact.asked() ? "notify.asked" : "notify.waiting";
            table.append("<tr><td>").append(Html.escape(contact.contact().toBareJID())).append("</td><td>")
                    .append(Html.escape(text(request, state))).append("</td></tr>");
        }
        return table.append("</table>").toString();
    }

    /** "Tell my contacts", for an account that arrived from another address: the form, or how far the run got. */
    private static String notifySection(HttpServletRequest request, String username, SelfService site) {
        Moves moves = site.context().moves();
        if (moves == null) {
            return "";
        }
        ContactNotifier notifier = moves.notifier();
        String state;
        try {
            state = notifier.progress(username).map(p -> "<p role=\"status\">" + Html.escape(text(request,
                    p.running() ? "notify.running" : "notify.done", p.oldJid().toBareJID(), p.sent(), p.total(), p.accepted()))
                    + (p.running() ? " <a href=\"./\">" + Html.escape(text(request, "notify.refresh")) + "</a>" : "") + "</p>"
                    + contactResults(request, p)).orElse("");
        } catch (AccountException e) {
            state = error(e.getMessage());
        }
        return "<section><h2>" + Html.escape(text(request, "notify.heading")) + "</h2><p>" + Html.escape(text(request, "notify.explain"))
                + "</p>" + state + "<form method=\"post\" action=\"notify\">" + csrfField(request)
                + "<label>" + Html.escape(text(request, "notify.address")) + "<br><input name=\"address\" required></label>"
                + "<button type=\"submit\">" + Html.escape(text(request, "notify.submit")) + "</button></form></section>";
    }

    /** The check boxes of {@code kinds} (all ticked) and the merge or replace choice, for an import form. */
    static String kindChoices(HttpServletRequest request, Set<DataKind> kinds) {
        StringBuilder choices = new StringBuilder("<fieldset><legend>").append(Html.escape(text(request, "import.kinds"))).append("</legend>");
        for (DataKind kind : kinds) {
            String value = MyImportServlet.formValue(kind);
            choices.append("<label><input type=\"checkbox\" name=\"kind\" value=\"").append(value).append("\" checked> ")
                    .append(Html.escape(text(request, "kind." + value))).append("</label>");
        }
        return choices.append("</fieldset><label><input type=\"radio\" name=\"policy\" value=\"merge\" checked> ")
                .append(Html.escape(text(request, "import.policy.merge")))
                .append("</label><label><input type=\"radio\" name=\"policy\" value=\"replace\"> ")
                .append(Html.escape(text(request, "import.policy.replace"))).append("</label>").toString();
    }

    private static String sections(HttpServletRequest request, String jid, String message) {
        return "<p>" + Html.escape(text(request, "signedin", jid)) + "</p>"
                + "<form method=\"post\" action=\"sign-out\">" + csrfField(request) + "<button type=\"submit\">"
                + Html.escape(text(request, "signout")) + "</button></form>"
                + (message == null ? "" : message)
                + "<section><h2>" + Html.escape(text(request, "export.heading")) + "</h2><p>"
                + Html.escape(text(request, "export.explain")) + "</p><form method=\"post\" action=\"export\">" + csrfField(request)
                + "<label><input type=\"checkbox\" name=\"credentials\" value=\"true\"> " + Html.escape(text(request, "export.credentials"))
                + "</label><p class=\"warning\">" + Html.escape(text(request, "export.credentials.warning")) + "</p>"
                + "<button type=\"submit\">" + Html.escape(text(request, "export.submit")) + "</button></form></section>"
                + "<section><h2>" + Html.escape(text(request, "import.heading")) + "</h2><p>"
                + Html.escape(text(request, "import.explain")) + "</p>"
                + "<form method=\"post\" action=\"import?csrf=" + csrfToken(request) + "\" enctype=\"multipart/form-data\">"
                + "<label>" + Html.escape(text(request, "import.file")) + "<br><input type=\"file\" name=\"file\" required></label>"
                + kindChoices(request, EnumSet.complementOf(EnumSet.of(DataKind.ACCOUNT, DataKind.ARCHIVE)))
                + "<button type=\"submit\">" + Html.escape(text(request, "import.submit")) + "</button></form></section>";
    }
}
