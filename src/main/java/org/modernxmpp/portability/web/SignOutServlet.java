package org.modernxmpp.portability.web;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/** Ends the session, and with it anything waiting in it (an import preview's file is deleted). */
final class SignOutServlet extends SelfServicePage {

    SignOutServlet(SelfService site) {
        super(site);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!csrfOk(request, request.getParameter("csrf"))) {
            response.sendRedirect("./");
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            PendingImport.discard(session);
            session.invalidate();
        }
        response.sendRedirect("./");
    }
}
