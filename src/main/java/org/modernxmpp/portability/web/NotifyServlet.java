package org.modernxmpp.portability.web;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.moved.ContactNotifier;
import org.modernxmpp.portability.moved.Moves;

/** "Tell my contacts": starts (or resumes) telling the signed-in account's contacts that it replaces an old address. */
final class NotifyServlet extends SelfServicePage {

    NotifyServlet(SelfService site) {
        super(site);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String account = signedInWithToken(request, response, request.getParameter("csrf"));
        if (account == null) {
            return;
        }
        Moves moves = site.context().moves();
        if (moves == null) {
            page(request, response, HttpServletResponse.SC_NOT_FOUND, error(text(request, "notify.unavailable")));
            return;
        }
        String message;
        int status = HttpServletResponse.SC_OK;
        try {
            ContactNotifier.Progress progress = moves.notifier().start(account, request.getParameter("address"));
            message = "<p role=\"status\">" + Html.escape(text(request, "notify.started", progress.total(), progress.oldJid().toBareJID())) + "</p>";
        } catch (IllegalArgumentException e) {
            status = HttpServletResponse.SC_BAD_REQUEST;
            message = error(text(request, "move.invalid", e.getMessage()));
        } catch (AccountException e) {
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
            message = error(e.getMessage());
        }
        page(request, response, status, AccountHomeServlet.home(request, account + "@" + site.domain(), site, message));
    }
}
