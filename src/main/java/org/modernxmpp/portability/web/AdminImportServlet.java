package org.modernxmpp.portability.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    /** Uploads larger than this are refused before anything is stored. */
    static final long MAX_UPLOAD_BYTES = 1024L * 1024 * 1024;

    public AdminImportServlet() {
    }

    AdminImportServlet(PortabilityContext context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html; charset=utf-8");
        PrintWriter page = response.getWriter();
        page.print(Html.head("Import accounts", "accountportability-import"));
        page.print("<form method=\"post\" enctype=\"multipart/form-data\" action=\"import?csrf="
                + Html.escape(String.valueOf(request.getAttribute("csrf"))) + "\">"
                + "<p><label>Export file (XEP-0227, from Openfire, Prosody, ejabberd …)<br>"
                + "<input type=\"file\" name=\"file\" required></label></p>"
                + "<p>Where an account already holds data: <label><input type=\"radio\" name=\"policy\" value=\"merge\" checked> "
                + "add what is missing</label> <label><input type=\"radio\" name=\"policy\" value=\"replace\"> replace it with the "
                + "file's</label></p>"
                + "<p><label><input type=\"checkbox\" name=\"rewriteHosts\" value=\"true\"> Import users of other domains into this "
                + "server's domain</label></p>"
                + "<p><button type=\"submit\" name=\"mode\" value=\"preview\">Preview</button> "
                + "<button type=\"submit\" name=\"mode\" value=\"import\">Import</button></p></form>");
        page.print(AdminJobServlet.recentJobs(context().jobs()));
        page.print("</body></html>");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Path uploads = Files.createDirectories(context().workDirectory().get().resolve("uploads"));
        // Openfire registers plugin servlets itself, without multipart configuration: give Jetty one per request.
        request.setAttribute("org.eclipse.jetty.multipartConfig",
                new MultipartConfigElement(uploads.toString(), MAX_UPLOAD_BYTES, MAX_UPLOAD_BYTES, 1024 * 1024));
        Part file;
        try {
            file = request.getPart("file");
        } catch (IllegalStateException tooBig) {
            AdminJobServlet.error(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Import accounts",
                    "The file is larger than " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MB; nothing was imported.");
            return;
        }
        if (file == null || file.getSize() == 0) {
            AdminJobServlet.error(response, HttpServletResponse.SC_BAD_REQUEST, "Import accounts", "No file was uploaded; nothing was imported.");
            return;
        }
        KindPolicy policy = "replace".equals(part(request, "policy")) ? KindPolicy.REPLACE : KindPolicy.MERGE;
        boolean dryRun = !"import".equals(part(request, "mode"));
        ImportOptions options = ImportOptions.mergeAll().withDryRun(dryRun).withRewriteHosts("true".equals(part(request, "rewriteHosts")));
        for (DataKind kind : DataKind.values()) {
            options = options.withPolicy(kind, policy);
        }
        String name = file.getSubmittedFileName() == null ? "upload.xml" : Path.of(file.getSubmittedFileName()).getFileName().toString();
        Path stored = uploads.resolve(UUID.randomUUID() + ".xml");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, stored, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            file.delete();
        }
        AccountPorts ports = context().ports().get();
        ImportOptions chosen = options;
        audit(request, "Account Portability: " + (dryRun ? "previewed" : "started") + " an import of " + name,
                "policy: " + policy + "; host rewrite: " + options.rewriteHosts() + "; " + Files.size(stored) + " bytes");
        BackgroundJob job = context().jobs().start((dryRun ? "preview of " : "import of ") + name, false, null, progress -> {
            try (InputStream in = progress.counting(Files.newInputStream(stored), Files.size(stored));
                 PieReader reader = PieReader.open(in, name, ReadLimits.DEFAULT)) {
                return new ImportJob(ports, chosen, progress).run(reader);
            } finally {
                Files.deleteIfExists(stored);
            }
        });
        response.sendRedirect("job?id=" + job.id());
    }

    private static String part(HttpServletRequest request, String name) throws IOException, ServletException {
        Part part = request.getPart(name);
        return part == null ? null : new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
