package org.modernxmpp.portability.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import javax.servlet.http.Part;

import org.modernxmpp.portability.pie.PieFormatException;
import org.modernxmpp.portability.transfer.DataKind;
import org.modernxmpp.portability.transfer.ImportOptions;
import org.modernxmpp.portability.transfer.KindPolicy;
import org.modernxmpp.portability.transfer.TransferReport;
import org.modernxmpp.portability.transfer.UserOutcome;

/**
 * "Import into my account": the upload is previewed (a dry run, described in plain words), and imported only when the
 * user confirms that preview. The file's user always goes into the signed-in account, whatever its name or host.
 */
final class MyImportServlet extends SelfServicePage {
    static final Duration PREVIEW_VALID = Duration.ofMinutes(30);

    MyImportServlet(SelfService site) {
        super(site);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        // The token is in the query string and read from there alone: getParameter would parse the multipart body first.
        String account = signedInWithToken(request, response, queryParameter(request, "csrf"));
        if (account == null) {
            return;
        }
        if ("confirm".equals(queryParameter(request, "step"))) {
            confirm(request, response, account);
        } else {
            preview(request, response, account);
        }
    }

    private void preview(HttpServletRequest request, HttpServletResponse response, String account) throws IOException, ServletException {
        String jid = account + "@" + site.domain();
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            page(request, response, HttpServletResponse.SC_BAD_REQUEST, AccountHomeServlet.home(request, jid, site, error(text(request, "import.nofile"))));
            return;
        }
        Part file;
        try {
            file = request.getPart("file");
        } catch (RuntimeException | IOException | ServletException tooBigOrBroken) {
            // Jetty reports a part over the limit as IllegalStateException, or (depending on where it stops) as a bad message
            boolean tooBig = request.getContentLengthLong() > site.maxUploadBytes() || tooBigOrBroken instanceof IllegalStateException;
            page(request, response, tooBig ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST,
                    AccountHomeServlet.home(request, jid, site, error(tooBig
                            ? text(request, "import.toobig", Math.max(1, site.maxUploadBytes() / (1024 * 1024)))
                            : text(request, "import.nofile"))));
            return;
        }
        if (file == null || file.getSize() == 0) {
            page(request, response, HttpServletResponse.SC_BAD_REQUEST, AccountHomeServlet.home(request, jid, site, error(text(request, "import.nofile"))));
            return;
        }
        ImportOptions options = options(request, account);
        Path uploads = Files.createDirectories(site.context().workDirectory().get().resolve("uploads"));
        Path stored = uploads.resolve("self-" + UUID.randomUUID() + ".xml");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, stored, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            file.delete();
        }
        String name = Html.uploadName(file.getSubmittedFileName(), "upload.xml");
        PendingImport pending = new PendingImport(account, stored, name, options, Instant.now().plus(PREVIEW_VALID));
        // the confirm form names this preview: an older page (another tab) cannot import a file it did not show
        HttpSession session = request.getSession();
        session.setAttribute(PendingImport.ATTRIBUTE, pending); // replaces (and deletes) an earlier one
        TransferReport report;
        try {
            report = pending.run(site.context().ports().get(), true);
        } catch (PieFormatException e) {
            PendingImport.discard(session);
            page(request, response, HttpServletResponse.SC_BAD_REQUEST, AccountHomeServlet.home(request, jid, site,
                    error(text(request, "import.bad", e.getMessage()))));
            return;
        }
        if (report.users().size() > 1) {
            PendingImport.discard(session);
            page(request, response, HttpServletResponse.SC_BAD_REQUEST, AccountHomeServlet.home(request, jid, site, error(text(request, "import.several"))));
            return;
        }
        List<String> sentences = report.users().isEmpty() ? List.of() : words(request).sentences(report.users().get(0), false);
        StringBuilder body = new StringBuilder("<h2>" + Html.escape(text(request, "import.preview.heading")) + "</h2>");
        body.append(list(request, report, sentences, "import.preview.nothing"));
        body.append("<form method=\"post\" action=\"import?csrf=").append(csrfToken(request)).append("&amp;step=confirm&amp;preview=")
                .append(pending.id).append("\">")
                .append("<button type=\"submit\">").append(Html.escape(text(request, "import.confirm"))).append("</button> ")
                .append("<a href=\"./\">").append(Html.escape(text(request, "import.cancel"))).append("</a></form>");
        page(request, response, HttpServletResponse.SC_OK, body.toString());
    }

    private void confirm(HttpServletRequest request, HttpServletResponse response, String account) throws IOException {
        String jid = account + "@" + site.domain();
        HttpSession session = request.getSession();
        PendingImport pending = (PendingImport) session.getAttribute(PendingImport.ATTRIBUTE);
        if (pending == null || !pending.account.equals(account) || !pending.id.equals(queryParameter(request, "preview"))
                || Instant.now().isAfter(pending.expires) || !Files.exists(pending.file)) {
            PendingImport.discard(session);
            page(request, response, HttpServletResponse.SC_CONFLICT, AccountHomeServlet.home(request, jid, site, error(text(request, "import.expired"))));
            return;
        }
        TransferReport report;
        try {
            report = pending.run(site.context().ports().get(), false);
        } finally {
            PendingImport.discard(session);
        }
        UserOutcome outcome = report.users().isEmpty() ? null : report.users().get(0);
        boolean failed = outcome == null || outcome.status() != UserOutcome.Status.DONE;
        StringBuilder body = new StringBuilder("<h2>" + Html.escape(text(request, "import.done.heading")) + "</h2>");
        if (failed) {
            body.append(error(text(request, "import.done.failed") + (outcome == null || outcome.problem() == null ? "" : " " + outcome.problem())));
        }
        body.append(list(request, report, outcome == null ? List.of() : words(request).sentences(outcome, true), "import.preview.nothing"));
        body.append("<p><a href=\"./\">").append(Html.escape(text(request, "title"))).append("</a></p>");
        page(request, response, HttpServletResponse.SC_OK, body.toString());
    }

    /** The kinds the form ticked, with its policy, into the signed-in account. */
    static ImportOptions options(HttpServletRequest request, String account) {
        Set<String> kinds = Set.copyOf(request.getParameterValues("kind") == null ? List.of() : List.of(request.getParameterValues("kind")));
        return options(account, kinds, "replace".equals(request.getParameter("policy")) ? KindPolicy.REPLACE : KindPolicy.MERGE);
    }

    /** {@code kinds} (by their form values) with {@code policy}, every other kind skipped, into {@code account}. */
    static ImportOptions options(String account, Set<String> kinds, KindPolicy policy) {
        // The account itself (name, email, password) stays as it is: the profile is where a user's name lives. The
        // archive stays out too: Openfire's archive is shared by both ends of a conversation, so a user's file could
        // put words into a local contact's history.
        ImportOptions options = ImportOptions.mergeAll().withIntoAccount(account).withPolicy(DataKind.ARCHIVE, KindPolicy.SKIP)
                .withPolicy(DataKind.ACCOUNT, KindPolicy.SKIP);
        for (DataKind kind : DataKind.values()) {
            if (kind != DataKind.ACCOUNT && kind != DataKind.ARCHIVE) {
                options = options.withPolicy(kind, kinds.contains(formValue(kind)) ? policy : KindPolicy.SKIP);
            }
        }
        return options;
    }

    /** A kind's value in the forms' check boxes. */
    static String formValue(DataKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** A parameter of the query string only, never of the body. */
    static String queryParameter(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = java.net.URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), java.nio.charset.StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return equals < 0 ? "" : java.net.URLDecoder.decode(pair.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static PlainWords words(HttpServletRequest request) {
        return new PlainWords(texts(request.getLocale()), request.getLocale());
    }

    static String list(HttpServletRequest request, TransferReport report, List<String> sentences, String nothingKey) {
        if (sentences.isEmpty()) {
            String problem = report.users().isEmpty() ? null : report.users().get(0).problem();
            return "<p>" + Html.escape(problem != null ? problem : text(request, nothingKey)) + "</p>";
        }
        StringBuilder list = new StringBuilder("<ul>");
        sentences.forEach(s -> list.append("<li>").append(Html.escape(s)).append("</li>"));
        return list.append("</ul>").toString();
    }
}
