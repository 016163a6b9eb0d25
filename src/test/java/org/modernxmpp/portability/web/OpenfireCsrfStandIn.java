package org.modernxmpp.portability.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * Stands in for Openfire's PluginServlet, which sits in front of every admin-console page of a plugin in
 * production: it rejects a POST whose {@code csrf} parameter is not the session's token (a redirect, and the page is
 * never called), then issues a fresh token, remembers it in the HTTP session and hands it to the page as request
 * attribute {@code csrf}. Authentication, the other half of PluginServlet, is left out: every request here is the
 * admin's. The tests read {@link #lastIssued()} to prove that the pages put exactly the issued token into their forms.
 */
final class OpenfireCsrfStandIn implements Filter {
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger rejected = new AtomicInteger();
    private volatile String lastIssued;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        HttpSession session = request.getSession(true);
        if ("POST".equals(request.getMethod())) {
            // For the multipart import form only the query string counts here: the body is not read before the page
            // has given Jetty its multipart configuration, as in Openfire.
            Object expected = session.getAttribute("csrf");
            String given = request.getParameter("csrf");
            if (expected == null || !expected.equals(given)) {
                rejected.incrementAndGet();
                // the unread body stays on the connection: close it, or the test client's next request on it fails
                response.setHeader("Connection", "close");
                String uri = request.getRequestURI();
                response.sendRedirect(uri.substring(uri.lastIndexOf('/') + 1));
                return;
            }
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        session.setAttribute("csrf", token);
        request.setAttribute("csrf", token);
        lastIssued = token;
        chain.doFilter(request, response);
    }

    /** The token handed to the most recent request that reached a page. */
    String lastIssued() {
        return lastIssued;
    }

    /** POSTs turned away without reaching a page. */
    int rejected() {
        return rejected.get();
    }
}
