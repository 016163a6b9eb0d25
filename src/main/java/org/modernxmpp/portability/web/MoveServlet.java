package org.modernxmpp.portability.web;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.moved.MoveAnnouncement;

/** "Moving to a new address": publishes or withdraws the signed-in account's XEP-0283 statement. */
final class MoveServlet extends SelfServicePage {

    MoveServlet(SelfService site) {
        super(site);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String account = signedInWithToken(request, response, request.getParameter("csrf"));
        if (account == null) {
            return;
        }
        String jid = account + "@" + site.domain();
        MoveAnnouncement announcement = new MoveAnnouncement(site.context().ports().get().pep(), site.domain());
        String message;
        int status = HttpServletResponse.SC_OK;
        try {
            if ("withdraw".equals(request.getParameter("action"))) {
                announcement.withdraw(account);
                if (site.context().moves() != null) {
                    site.context().moves().departures().withdrawn(account);
                }
                message = "<p role=\"status\">" + Html.escape(text(request, "move.withdrawn")) + "</p>";
            } else {
                MoveAnnouncement.Audience audience = "anyone".equals(request.getParameter("audience"))
                        ? MoveAnnouncement.Audience.ANYONE : MoveAnnouncement.Audience.CONTACTS;
                String address = request.getParameter("address") == null ? "" : request.getParameter("address");
                var statement = announcement.publish(account, address, audience);
                if (site.context().moves() != null) {
                    site.context().moves().departures().published(account, statement.newJid());
                }
                message = "<p role=\"status\">" + Html.escape(text(request, "move.published", statement.newJid().toBareJID())) + "</p>";
            }
        } catch (IllegalArgumentException e) {
            status = HttpServletResponse.SC_BAD_REQUEST;
            message = error(text(request, "move.invalid", e.getMessage()));
        } catch (AccountException e) {
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
            message = error(e.getMessage());
        }
        page(request, response, status, AccountHomeServlet.home(request, jid, site, message));
    }
}
