package org.modernxmpp.portability.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

import org.xmpp.packet.JID;

/**
 * Signs a user in with their address and password. The answer to a failure never says which part was wrong; too many
 * failures from one address or for one account are refused for a while; a new session id is issued on success.
 */
final class SignInServlet extends SelfServicePage {
    private final AccountHomeServlet home;

    SignInServlet(SelfService site, AccountHomeServlet home) {
        super(site);
        this.home = home;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!csrfOk(request, request.getParameter("csrf"))) {
            page(request, response, HttpServletResponse.SC_FORBIDDEN, home.signInForm(request, text(request, "error.csrf")));
            return;
        }
        String address = request.getParameter("address") == null ? "" : request.getParameter("address").trim();
        String password = request.getParameter("password") == null ? "" : request.getParameter("password");
        String username;
        try {
            JID jid = address.contains("@") ? new JID(address) : new JID(address, site.domain(), null);
            if (!site.domain().equals(jid.getDomain())) {
                page(request, response, HttpServletResponse.SC_OK, home.signInForm(request, text(request, "signin.wrongdomain", site.domain())));
                return;
            }
            username = jid.getNode();
        } catch (IllegalArgumentException e) {
            username = null;
        }
        String key = username == null ? address.toLowerCase(Locale.ROOT) : username;
        Duration wait = site.throttle().waitBefore(request.getRemoteAddr(), key);
        if (!wait.isZero()) {
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            page(request, response, 429, home.signInForm(request, text(request, "signin.throttled", minutes)));
            return;
        }
        if (username == null || username.isEmpty() || password.isEmpty() || !site.context().passwords().matches(username, password)) {
            site.throttle().failed(request.getRemoteAddr(), key);
            page(request, response, HttpServletResponse.SC_OK, home.signInForm(request, text(request, "signin.failed")));
            return;
        }
        site.throttle().succeeded(key);
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.removeAttribute(CSRF);
        session.setAttribute(ACCOUNT, username);
        response.sendRedirect("./");
    }
}
