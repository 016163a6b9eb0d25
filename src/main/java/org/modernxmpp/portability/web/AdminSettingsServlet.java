package org.modernxmpp.portability.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Admin console: every setting of the plugin with its value, its default and what it does; each can be changed here
 * (a POST the console checks for its CSRF token, written to the audit log) or on Openfire's System Properties page.
 */
public final class AdminSettingsServlet extends AdminPage {

    public AdminSettingsServlet() {
    }

    AdminSettingsServlet(PortabilityContext context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter page = response.getWriter();
        page.print(Html.head(AdminTexts.text(request, "settings.title"), "accountportability-settings"));
        String saved = request.getParameter("saved");
        String problem = request.getParameter("error");
        if (saved != null) {
            page.print("<p>" + AdminTexts.html(request, "settings.saved", saved) + "</p>");
        }
        if (problem != null) {
            page.print("<p><strong>" + AdminTexts.html(request, "settings.notSaved", problem) + "</strong></p>");
        }
        page.print("<table><tr><th>" + AdminTexts.html(request, "settings.setting") + "</th><th>" + AdminTexts.html(request, "settings.value")
                + "</th><th>" + AdminTexts.html(request, "settings.default") + "</th><th>" + AdminTexts.html(request, "settings.does") + "</th></tr>");
        for (Settings.Setting setting : context().settings().all()) {
            page.print("<tr><td><code>" + Html.escape(setting.key()) + "</code></td><td><form method=\"post\">"
                    + Html.csrfField(request.getAttribute("csrf"))
                    + "<input type=\"hidden\" name=\"key\" value=\"" + Html.escape(setting.key()) + "\">"
                    + (setting.secret()
                            ? "<input type=\"password\" name=\"value\" size=\"8\" autocomplete=\"new-password\" placeholder=\""
                                    + Html.escape(setting.value()) + "\"> "
                            : "<input name=\"value\" size=\"8\" value=\"" + Html.escape(setting.value()) + "\"> ")
                    + "<button type=\"submit\">" + AdminTexts.html(request, "settings.save") + "</button></form></td><td>" + Html.escape(setting.defaultValue()) + "</td><td>"
                    + Html.escape(setting.description()) + (setting.dynamic() ? "" : " <em>" + AdminTexts.html(request, "settings.reload") + "</em>")
                    + "</td></tr>");
        }
        page.print("</table></body></html>");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = request.getParameter("key") == null ? "" : request.getParameter("key");
        String value = request.getParameter("value") == null ? "" : request.getParameter("value");
        String result;
        try {
            boolean secret = context().settings().all().stream().anyMatch(s -> s.key().equals(key) && s.secret());
            if (context().settings().set(key, value)) {
                audit(request, "Account Portability: set " + key, key + " = " + (secret ? "(secret, not logged)" : value));
                result = "saved=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
            } else {
                result = "error=" + URLEncoder.encode(AdminTexts.text(request, "settings.unknown", key), StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException e) {
            result = "error=" + URLEncoder.encode(e.getMessage() == null ? AdminTexts.text(request, "settings.notAllowed") : e.getMessage(),
                    StandardCharsets.UTF_8);
        }
        response.sendRedirect("settings?" + result);
    }
}
