package org.modernxmpp.portability.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.modernxmpp.portability.account.AccountPorts;
import org.modernxmpp.portability.pie.PieFolderWriter;
import org.modernxmpp.portability.pie.PieWriter;
import org.modernxmpp.portability.transfer.BackgroundJob;
import org.modernxmpp.portability.transfer.DataKind;
import org.modernxmpp.portability.transfer.ExportJob;
import org.modernxmpp.portability.transfer.ExportOptions;
import org.modernxmpp.portability.transfer.TransferProgress;

/**
 * Admin console: export some users or all of them to one XEP-0227 file, user by user: streamed straight to the
 * browser, or for a big export written by a background job into Openfire's home, with a progress page and a download
 * at the end. Only a POST exports (the admin console checks its CSRF token); the file is never cached, and its name
 * says when it holds credentials.
 */
public final class AdminExportServlet extends AdminPage {
    private static final int FOUND_LIMIT = 50;

    public AdminExportServlet() {
    }

    AdminExportServlet(PortabilityContext context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html; charset=utf-8");
        PrintWriter page = response.getWriter();
        page.print(Html.head(AdminTexts.text(request, "export.title"), "accountportability-export"));
        String search = request.getParameter("search") == null ? "" : request.getParameter("search").trim();
        page.print("<form method=\"get\"><p><label>" + AdminTexts.html(request, "export.search") + " <input name=\"search\" size=\"30\" value=\""
                + Html.escape(search) + "\"></label> <button type=\"submit\">" + AdminTexts.html(request, "export.search.submit")
                + "</button></p></form>");
        page.print("<p>" + AdminTexts.html(request, "export.explain") + "</p>"
                + "<form method=\"post\">" + Html.csrfField(request.getAttribute("csrf"))
                + "<p><label>" + AdminTexts.html(request, "export.users") + "<br>"
                + "<input name=\"users\" size=\"60\"></label></p>"
                + found(request, search)
                + kindBoxes(request)
                + "<p><label><input type=\"checkbox\" name=\"credentials\" value=\"true\"> " + AdminTexts.html(request, "export.credentials")
                + "</label><br><small>" + AdminTexts.html(request, "export.credentials.warning") + "</small></p>"
                + "<p><label><input type=\"checkbox\" name=\"background\" value=\"true\"> " + AdminTexts.html(request, "export.background")
                + "</label><br><label><input type=\"checkbox\" name=\"layout\" value=\"folder\"> " + AdminTexts.html(request, "export.folder")
                + "</label></p>"
                + "<p><button type=\"submit\">" + AdminTexts.html(request, "export.submit") + "</button></p></form>");
        page.print(AdminJobServlet.recentJobs(request, context().jobs()));
        page.print("</body></html>");
    }

    /** The accounts a search found, each a box that adds it to the export. */
    private String found(HttpServletRequest request, String search) {
        if (search.isEmpty()) {
            return "";
        }
        List<String> names = context().ports().get().accounts().search(search, FOUND_LIMIT + 1);
        if (names.isEmpty()) {
            return "<p>" + AdminTexts.html(request, "export.search.none", search) + "</p>";
        }
        StringBuilder html = new StringBuilder("<fieldset><legend>").append(AdminTexts.html(request, "export.search.found", search))
                .append("</legend>");
        for (String name : names.subList(0, Math.min(names.size(), FOUND_LIMIT))) {
            html.append("<label><input type=\"checkbox\" name=\"user\" value=\"").append(Html.escape(name)).append("\"> ")
                    .append(Html.escape(name)).append("</label> ");
        }
        if (names.size() > FOUND_LIMIT) {
            html.append("<p>").append(AdminTexts.html(request, "export.search.more", String.valueOf(FOUND_LIMIT))).append("</p>");
        }
        return html.append("</fieldset>").toString();
    }

    /** One box per kind, all ticked; an export of a form without any box (an older page, a script) exports every kind. */
    private static String kindBoxes(HttpServletRequest request) {
        StringBuilder html = new StringBuilder("<fieldset><legend>" + AdminTexts.html(request, "export.kinds") + "</legend>");
        for (DataKind kind : DataKind.values()) {
            html.append("<label><input type=\"checkbox\" name=\"kind\" value=\"").append(kind.name().toLowerCase(Locale.ROOT))
                    .append("\" checked> ").append(Html.escape(kind.label())).append("</label> ");
        }
        return html.append("<input type=\"hidden\" name=\"kinds\" value=\"chosen\"></fieldset>").toString();
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String users = (request.getParameter("users") == null ? "" : request.getParameter("users").trim())
                + (request.getParameterValues("user") == null ? "" : " " + String.join(" ", request.getParameterValues("user")));
        users = users.trim();
        boolean credentials = "true".equals(request.getParameter("credentials"));
        AccountPorts ports = context().ports().get();
        ExportOptions options = ExportOptions.everything().withCredentials(credentials);
        if ("chosen".equals(request.getParameter("kinds"))) {
            Set<DataKind> kinds = EnumSet.noneOf(DataKind.class);
            String[] ticked = request.getParameterValues("kind");
            for (String name : ticked == null ? new String[0] : ticked) {
                Arrays.stream(DataKind.values()).filter(k -> k.name().equalsIgnoreCase(name)).forEach(kinds::add);
            }
            options = options.withKinds(kinds);
        }
        String who = "all-users";
        if (!users.isEmpty()) {
            List<String> names = typedUsernames(users);
            options = options.withUsers(names);
            who = names.size() == 1 ? names.get(0) + "@" + ports.accounts().domain() : names.size() + "-users";
        }
        String fileName = who + "-" + LocalDate.now() + (credentials ? "-with-credentials" : "") + ".xml";
        ExportOptions chosen = options;
        audit(request, "Account Portability: exported " + who + (credentials ? " with credentials" : ""),
                "users: " + (users.isEmpty() ? "everyone" : users) + "; credentials: " + credentials);
        boolean asFolder = "folder".equals(request.getParameter("layout"));
        if (asFolder || "true".equals(request.getParameter("background"))) {
            // a folder of its own for each job: two exports of the same users on one day must not share a file
            Path jobFolder = Files.createDirectories(context().workDirectory().get().resolve("exports")
                    .resolve(java.util.UUID.randomUUID().toString()));
            String safeName = fileName.replaceAll("[^A-Za-z0-9@._-]", "_");
            String description = "export of " + who + (asFolder ? " as a folder" : "") + (credentials ? " with credentials" : "");
            BackgroundJob job;
            if (asFolder) {
                Path folder = jobFolder.resolve(safeName.replaceFirst("\\.xml$", ""));
                job = context().jobs().start(description, true, folder, progress -> {
                    try (PieFolderWriter writer = new PieFolderWriter(folder)) {
                        return new ExportJob(ports, chosen, progress).run(writer);
                    }
                });
            } else {
                Path file = jobFolder.resolve(safeName);
                job = context().jobs().start(description, true, file, progress -> {
                    try (PieWriter writer = new PieWriter(Files.newOutputStream(file))) {
                        return new ExportJob(ports, chosen, progress).run(writer);
                    }
                });
            }
            response.sendRedirect("job?id=" + job.id());
            return;
        }
        response.setContentType("application/xml; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", AdminJobServlet.attachment(fileName));
        OutputStream out = response.getOutputStream();
        try (PieWriter writer = new PieWriter(out)) {
            new ExportJob(ports, chosen, new TransferProgress()).run(writer);
        }
    }
}
