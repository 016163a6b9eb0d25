package org.modernxmpp.portability.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import javax.servlet.MultipartConfigElement;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.Part;

import org.modernxmpp.portability.account.AccountPorts;
import org.modernxmpp.portability.pie.PieReader;
import org.modernxmpp.portability.pie.ReadLimits;
import org.modernxmpp.portability.transfer.BackgroundJob;
import org.modernxmpp.portability.transfer.DataKind;
import org.modernxmpp.portability.transfer.ImportJob;
import org.modernxmpp.portability.transfer.ImportOptions;
import org.modernxmpp.portability.transfer.KindPolicy;

/**
 * Admin console: import an uploaded XEP-0227 file (any dialect the reader accepts), as a preview (dry run) or for
 * real, with one policy for every kind and an optional host rewrite. The upload is kept in Openfire's home and read
 * by a background job, whose page shows progress and then the report. The CSRF token comes in the query string
 * because Openfire checks it before the multipart body is read.
 */
public final class AdminImportServlet extends AdminPage {
    /** The default limit for uploads (the setting plugin.accountportability.import.maxUploadMB). */
    static final long MAX_UPLOAD_BYTES = Settings.DEFAULTS.adminUploadBytes();

    public AdminImportServlet() {
    }

    AdminImportServlet(PortabilityContext context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html; charset=utf-8");
        PrintWriter page = response.getWriter();
        page.print(Html.head(AdminTexts.text(request, "import.title"), "accountportability-import"));
        page.print("<form method=\"post\" enctype=\"multipart/form-data\" action=\"import?csrf="
                + Html.escape(String.valueOf(request.getAttribute("csrf"))) + "\">"
                + "<p><label>" + AdminTexts.html(request, "import.file") + "<br>"
                + "<input type=\"file\" name=\"file\"></label></p>"
                + "<p><label>" + AdminTexts.html(request, "import.serverFile", importFolder().toString()) + "<br>"
                + "<input name=\"serverFile\" size=\"40\"></label></p>"
                + "<p><label>" + AdminTexts.html(request, "import.users") + "<br>"
                + "<input name=\"users\" size=\"60\"></label></p>"
                + "<p>" + AdminTexts.html(request, "import.policy") + " <label><input type=\"radio\" name=\"policy\" value=\"merge\" checked> "
                + AdminTexts.html(request, "import.policy.merge") + "</label> <label><input type=\"radio\" name=\"policy\" value=\"replace\"> "
                + AdminTexts.html(request, "import.policy.replace") + "</label></p>"
                + "<p><label><input type=\"checkbox\" name=\"rewriteHosts\" value=\"true\"> " + AdminTexts.html(request, "import.rewriteHosts")
                + "</label></p>"
                + kindTable(request)
                + "<p><label><input type=\"checkbox\" name=\"trustUsernamePasswords\" value=\"true\"> "
                + AdminTexts.html(request, "import.trustUsernamePasswords") + "</label></p>"
                + "<p><button type=\"submit\" name=\"mode\" value=\"preview\">" + AdminTexts.html(request, "import.preview") + "</button> "
                + "<button type=\"submit\" name=\"mode\" value=\"import\">" + AdminTexts.html(request, "import.submit") + "</button></p></form>");
        page.print(AdminJobServlet.recentJobs(request, context().jobs()));
        page.print("</body></html>");
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    private long maxUpload() {
        return context().settings().adminUploadBytes();
    }

    /** Where files too big to upload are put for import; a request can name nothing outside it. */
    private Path importFolder() {
        return context().workDirectory().get().resolve("import");
    }

    private static String kindTable(HttpServletRequest request) {
        StringBuilder html = new StringBuilder("<table><tr><th>" + AdminTexts.html(request, "import.kind") + "</th><th>"
                + AdminTexts.html(request, "import.kindPolicy") + "</th></tr>");
        for (DataKind kind : DataKind.values()) {
            String name = kind.name().toLowerCase(Locale.ROOT);
            html.append("<tr><td>").append(Html.escape(kind.label())).append("</td><td><select name=\"policy.").append(name)
                    .append("\"><option value=\"\">").append(AdminTexts.html(request, "import.kindPolicy.default"))
                    .append("</option><option value=\"merge\">").append(AdminTexts.html(request, "import.policy.merge"))
                    .append("</option><option value=\"replace\">").append(AdminTexts.html(request, "import.kindPolicy.replace"))
                    .append("</option><option value=\"skip\">").append(AdminTexts.html(request, "import.kindPolicy.skip"))
                    .append("</option></select></td></tr>");
        }
        return html.append("</table>").toString();
    }

    /** The named file or folder inside the import folder, or null when the name leads anywhere else. */
    static Path confined(Path folder, String name) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        Path wanted = root.resolve(name).normalize();
        if (!wanted.startsWith(root) || wanted.equals(root) || !Files.exists(wanted)) {
            return null;
        }
        // no symbolic link out of the folder either
        return wanted.toRealPath().startsWith(root.toRealPath()) ? wanted : null;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Path uploads = Files.createDirectories(context().workDirectory().get().resolve("uploads"));
        // Openfire registers plugin servlets itself, without multipart configuration: give Jetty one per request.
        request.setAttribute("org.eclipse.jetty.multipartConfig",
                new MultipartConfigElement(uploads.toString(), maxUpload(), maxUpload(), 1024 * 1024));
        Part file;
        try {
            file = request.getPart("file");
        } catch (RuntimeException | IOException | ServletException tooBigOrBroken) {
            // Jetty 12 reports a part over the limit as a bad message (or IllegalStateException), like any broken body
            if (request.getContentLengthLong() > maxUpload() || tooBigOrBroken instanceof IllegalStateException
                    || String.valueOf(tooBigOrBroken.getCause()).contains("exceeds")) {
                AdminJobServlet.error(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, AdminTexts.text(request, "import.title"),
                        AdminTexts.text(request, "import.error.tooBig", size(maxUpload()), importFolder().toString()));
            } else {
                AdminJobServlet.error(response, HttpServletResponse.SC_BAD_REQUEST, AdminTexts.text(request, "import.title"),
                        AdminTexts.text(request, "import.error.unreadable", String.valueOf(tooBigOrBroken.getMessage())));
            }
            return;
        }
        String serverFile = part(request, "serverFile");
        boolean upload = file != null && file.getSize() > 0;
        Path source = null;
        if (!upload && serverFile != null && !serverFile.isBlank()) {
            Files.createDirectories(importFolder());
            source = confined(importFolder(), serverFile.trim());
            if (source == null) {
                AdminJobServlet.error(response, HttpServletResponse.SC_BAD_REQUEST, AdminTexts.text(request, "import.title"),
                        AdminTexts.text(request, "import.error.noSuchFile", serverFile.trim(), importFolder().toString()));
                return;
            }
        }
        if (!upload && source == null) {
            AdminJobServlet.error(response, HttpServletResponse.SC_BAD_REQUEST, AdminTexts.text(request, "import.title"),
                    AdminTexts.text(request, "import.error.noFile"));
            return;
        }
        KindPolicy policy = "replace".equals(part(request, "policy")) ? KindPolicy.REPLACE : KindPolicy.MERGE;
        boolean dryRun = !"import".equals(part(request, "mode"));
        ImportOptions options = ImportOptions.mergeAll().withDryRun(dryRun).withRewriteHosts("true".equals(part(request, "rewriteHosts")))
                .withTrustPasswordEqualToUsername("true".equals(part(request, "trustUsernamePasswords")));
        for (DataKind kind : DataKind.values()) {
            String chosen = part(request, "policy." + kind.name().toLowerCase(Locale.ROOT));
            options = options.withPolicy(kind, chosen == null || chosen.isEmpty() ? policy : switch (chosen) {
                case "replace" -> KindPolicy.REPLACE;
                case "skip" -> KindPolicy.SKIP;
                default -> KindPolicy.MERGE;
            });
        }
        String users = part(request, "users");
        if (users != null && !users.isBlank()) {
            Set<String> names = Set.copyOf(typedUsernames(users));
            options = options.withUsers(names::contains);
        }
        String name;
        Path stored;
        boolean deleteAfter;
        if (upload) {
            name = Html.uploadName(file.getSubmittedFileName(), "upload.xml");
            stored = uploads.resolve(UUID.randomUUID() + ".xml");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, stored, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                file.delete();
            }
            deleteAfter = true;
        } else {
            name = importFolder().relativize(source).toString();
            stored = source;
            deleteAfter = false;
        }
        AccountPorts ports = context().ports().get();
        ImportOptions chosen = options;
        audit(request, "Account Portability: " + (dryRun ? "previewed" : "started") + " an import of " + name,
                "policies: " + options.policies() + "; host rewrite: " + options.rewriteHosts() + "; "
                        + (upload ? Files.size(stored) + " bytes uploaded" : "from the server's import folder"));
        BackgroundJob job = context().jobs().start((dryRun ? "preview of " : "import of ") + name, false, null, progress -> {
            try (PieReader reader = Files.isDirectory(stored) ? PieReader.open(stored, ReadLimits.DEFAULT)
                    : PieReader.open(progress.counting(Files.newInputStream(stored), Files.size(stored)), name, ReadLimits.DEFAULT)) {
                return new ImportJob(ports, chosen, progress).run(reader);
            } finally {
                if (deleteAfter) {
                    Files.deleteIfExists(stored);
                }
            }
        });
        response.sendRedirect("job?id=" + job.id());
    }

    private static String part(HttpServletRequest request, String name) throws IOException, ServletException {
        Part part = request.getPart(name);
        return part == null ? null : new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
