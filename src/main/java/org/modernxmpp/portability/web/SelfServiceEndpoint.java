package org.modernxmpp.portability.web;


import javax.servlet.MultipartConfigElement;
import javax.servlet.http.HttpServlet;

import org.eclipse.jetty.ee8.nested.SessionHandler;
import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpCookie;

/**
 * The self-service site as one servlet context, for Openfire's public HTTP server (the HTTP-binding ports 7070 and
 * 7443) or, in tests, any Jetty 12 ee8 server. Its session cookie is HttpOnly, SameSite=Strict and, on TLS, Secure.
 */
public final class SelfServiceEndpoint {
    /** Where the pages live on the HTTP-binding server. */
    public static final String PATH = "/account";

    private SelfServiceEndpoint() {
    }

    public static ServletContextHandler context(PortabilityContext context) {
        return context(SelfService.of(context));
    }

    static ServletContextHandler context(SelfService site) {
        ServletContextHandler handler = new ServletContextHandler(ServletContextHandler.SESSIONS);
        handler.setContextPath(PATH);
        SessionHandler sessions = handler.getSessionHandler();
        sessions.setHttpOnly(true);
        sessions.setSecureRequestOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.STRICT);
        sessions.setSessionCookie("ACCOUNTPORTABILITY");
        sessions.setMaxInactiveInterval(30 * 60);
        AccountHomeServlet home = new AccountHomeServlet(site);
        add(handler, home, "");
        add(handler, new SignInServlet(site, home), "/sign-in");
        add(handler, new SignOutServlet(site), "/sign-out");
        add(handler, new MyExportServlet(site), "/export");
        add(handler, new MoveServlet(site), "/move");
        add(handler, new NotifyServlet(site), "/notify");
        add(handler, new MoveInServlet(site), "/move-in");
        add(handler, new MoveOutServlet(site), "/move-out");
        ServletHolder upload = add(handler, new MyImportServlet(site), "/import");
        // Jetty keeps a big part in a temporary file until the page has copied it into the plugin's folder and deleted it.
        upload.getRegistration().setMultipartConfig(new MultipartConfigElement(System.getProperty("java.io.tmpdir"),
                site.maxUploadBytes(), site.maxUploadBytes() + 64 * 1024, 1024 * 1024));
        return handler;
    }

    private static ServletHolder add(ServletContextHandler handler, HttpServlet servlet, String path) {
        ServletHolder holder = new ServletHolder(servlet);
        handler.addServlet(holder, path.isEmpty() ? "" : path);
        return holder;
    }
}
