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
        page.print(Html.head("Export accounts", "accountportability-export"));
        String search = request.getParameter("search") == null ? "" : request.getParameter("search").trim();
        page.print("<form method=\"get\"><p><label>Find users <input name=\"search\" size=\"30\" value=\"" + Html.escape(search)
                + "\"></label> <button type=\"submit\">Search</button></p></form>");
        page.print("<p>Writes the chosen accounts with every kind of data (account, contacts, profile, private data, offline "
                + "messages, PEP, privacy lists, blocklist) to one XEP-0227 file.</p>"
                + "<form method=\"post\">" + Html.csrfField(request.getAttribute("csrf"))
                + "<p><label>Users (names separated by spaces or commas; empty: everyone)<br>"
                + "<input name=\"users\" size=\"60\"></label></p>"
                + found(search)
                + kindBoxes()
                + "<p><label><input type=\"checkbox\" name=\"credentials\" value=\"true\"> Include passwords and password hashes"
                + "</label><br><small>Anyone holding such a file can log in as these users: keep it safe.</small></p>"
                + "<p><label><input type=\"checkbox\" name=\"background\" value=\"true\"> Write it on the server and show progress "
                + "(for big exports)</label><br><label><input type=\"checkbox\" name=\"layout\" value=\"folder\"> As a folder"
                + " on the server with one file per user (XEP-0227 with XInclude, as ejabberd writes it): for whole servers, to"
                + " copy into another server's import folder</label></p>"
                + "<p><button type=\"submit\">Export</button></p></form>");
        page.print(AdminJobServlet.recentJobs(context().jobs()));
        page.print("</body></html>");
    }

    /** The accounts a search found, each a box that adds it to the export. */
    private String found(String search) {
        if (search.isEmpty()) {
            return "";
        }
        List<String> names = context().ports().get().accounts().search(search, FOUND_LIMIT + 1);
        if (names.isEmpty()) {
            return "<p>No user name contains \u201c" + Html.escape(search) + "\u201d.</p>";
        }
        StringBuilder html = new StringBuilder("<fieldset><legend>Users whose name contains \u201c").append(Html.escape(search))
                .append("\u201d</legend>");
        for (String name : names.subList(0, Math.min(names.size(), FOUND_LIMIT))) {
            html.append("<label><input type=\"checkbox\" name=\"user\" value=\"").append(Html.escape(name)).append("\"> ")
                    .append(Html.escape(name)).append("</label> ");
        }
        if (names.size() > FOUND_LIMIT) {
            html.append("<p>Only the first ").append(FOUND_LIMIT).append(" are shown; type more of the name.</p>");
        }
        return html.append("</fieldset>").toString();
    }

    /** One box per kind, all ticked; an export of a form without any box (an older page, a script) exports every kind. */
    private static String kindBoxes() {
        StringBuilder html = new StringBuilder("<fieldset><legend>What to export</legend>");
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
        if ("folder".equals(request.getParameter("layout"))) {
            Path folder = Files.createDirectories(context().workDirectory().get().resolve("exports")
                    .resolve(java.util.UUID.randomUUID().toString())).resolve(fileName.replaceAll("[^A-Za-z0-9@._-]", "_")
                    .replaceFirst("\\.xml$", ""));
            BackgroundJob job = context().jobs().start("export of " + who + " as a folder" + (credentials ? " with credentials" : ""),
                    true, folder, progress -> {
                        try (PieFolderWriter writer = new PieFolderWriter(folder)) {
                            return new ExportJob(ports, chosen, progress).run(writer);
                        }
                    });
            response.sendRedirect("job?id=" + job.id());
            return;
        }
        if ("true".equals(request.getParameter("background"))) {
            // a folder of its own for each job: two exports of the same users on one day must not share a file
            Path folder = Files.createDirectories(context().workDirectory().get().resolve("exports")
                    .resolve(java.util.UUID.randomUUID().toString()));
            Path file = folder.resolve(fileName.replaceAll("[^A-Za-z0-9@._-]", "_"));
            BackgroundJob job = context().jobs().start("export of " + who + (credentials ? " with credentials" : ""), true, file,
                    progress -> {
                        try (PieWriter writer = new PieWriter(Files.newOutputStream(file))) {
                            return new ExportJob(ports, chosen, progress).run(writer);
                        }
                    });
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
