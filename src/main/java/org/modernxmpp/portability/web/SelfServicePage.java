package org.modernxmpp.portability.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.MessageFormat;
import java.util.HexFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * A page of the self-service site on Openfire's public HTTP server. It knows who is signed in (only ever from the
 * session, never from the request), guards every POST with the session's CSRF token, never lets a page be cached or
 * framed, and writes plain, accessible HTML in the visitor's language.
 */
abstract class SelfServicePage extends HttpServlet {
    static final String ACCOUNT = "accountportability.account";
    static final String CSRF = "accountportability.csrf";
    /** The admin's closing notice, for {@link #page} to show on every page. */
    static final String NOTICE = "accountportability.notice";
    private static final SecureRandom RANDOM = new SecureRandom();

    final transient SelfService site;

    SelfServicePage(SelfService site) {
        this.site = site;
    }

    /** Everything answers 404 while the self-service page is switched off. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws javax.servlet.ServletException, IOException {
        request.setAttribute(NOTICE, site.context().settings().closingNotice());
        if (!site.enabled()) {
            page(request, response, HttpServletResponse.SC_NOT_FOUND, "<p>" + Html.escape(text(request, "disabled")) + "</p>");
            return;
        }
        super.service(request, response);
    }

    static ResourceBundle texts(Locale locale) {
        return ResourceBundle.getBundle("org.modernxmpp.portability.web.SelfService", locale, SelfServicePage.class.getClassLoader());
    }

    static String text(HttpServletRequest request, String key, Object... arguments) {
        String pattern = texts(request.getLocale()).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, request.getLocale()).format(arguments);
    }

    /** The signed-in username, or null. */
    static String account(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(ACCOUNT);
    }

    /**
     * The signed-in username when a POST may go on: someone is signed in and {@code sentToken} is the session's;
     * otherwise the page saying which is already written and the result is null.
     */
    static String signedInWithToken(HttpServletRequest request, HttpServletResponse response, String sentToken) throws IOException {
        String account = account(request);
        if (account == null) {
            page(request, response, HttpServletResponse.SC_UNAUTHORIZED, error(text(request, "error.session")));
            return null;
        }
        if (!csrfOk(request, sentToken)) {
            page(request, response, HttpServletResponse.SC_FORBIDDEN, error(text(request, "error.csrf")));
            return null;
        }
        return account;
    }

    static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        String token = (String) session.getAttribute(CSRF);
        if (token == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
            session.setAttribute(CSRF, token);
        }
        return token;
    }

    /** Whether a POST carries the session's token; compared in constant time. */
    static boolean csrfOk(HttpServletRequest request, String sent) {
        HttpSession session = request.getSession(false);
        String token = session == null ? null : (String) session.getAttribute(CSRF);
        return token != null && sent != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    static String csrfField(HttpServletRequest request) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + csrfToken(request) + "\">";
    }

    static void secureHeaders(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'");
    }

    /** Writes a whole page: the body is HTML the caller has escaped. */
    static void page(HttpServletRequest request, HttpServletResponse response, int status, String body) throws IOException {
        page(request, response, status, body, 0);
    }

    /** The same, loaded again by the browser every {@code refreshSeconds} (none for 0), for work that goes on. */
    static void page(HttpServletRequest request, HttpServletResponse response, int status, String body, int refreshSeconds) throws IOException {
        secureHeaders(response);
        Object notice = request.getAttribute(NOTICE);
        String banner = notice instanceof String text && !text.isBlank()
                ? "<p class=\"notice\" role=\"note\">" + Html.escape(text) + "</p>" : "";
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        PrintWriter out = response.getWriter();
        out.print("<!DOCTYPE html><html lang=\"" + Html.escape(request.getLocale().getLanguage()) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + (refreshSeconds > 0 ? "<meta http-equiv=\"refresh\" content=\"" + refreshSeconds + "\">" : "") + "<title>"
                + Html.escape(text(request, "title")) + "</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:40em;margin:1em auto;padding:0 1em;line-height:1.5}"
                + "section{border-top:1px solid #ccc;margin-top:1.5em}label{display:block;margin:.5em 0}"
                + "button{font-size:1em;padding:.4em 1em}.error{color:#a00}.warning{color:#850}"
                + ".notice{background:#fff3cd;border:1px solid #c9a227;padding:.5em 1em}"
                + "</style></head><body><main>" + banner + "<h1>" + Html.escape(text(request, "title")) + "</h1>" + body + "</main></body></html>");
    }

    static String error(String message) {
        return "<p class=\"error\" role=\"alert\">" + Html.escape(message) + "</p>";
    }
}
