package org.modernxmpp.portability.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.modernxmpp.portability.transfer.BackgroundJob;
import org.modernxmpp.portability.transfer.BackgroundJobs;
import org.modernxmpp.portability.transfer.ReportJson;
import org.modernxmpp.portability.transfer.ReportText;
import org.modernxmpp.portability.transfer.TransferProgress;
import org.modernxmpp.portability.transfer.TransferReport;

/**
 * Admin console: one background job. While it runs, its progress (refreshed every two seconds, no script needed) and
 * a cancel button; then its report, as text on the page or as JSON, and for an export the file. Job ids are long
 * random strings, and every request is an authenticated admin's.
 */
public final class AdminJobServlet extends AdminPage {

    public AdminJobServlet() {
    }

    AdminJobServlet(PortabilityContext context) {
        super(context);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        BackgroundJob job = context().jobs().get(request.getParameter("id")).orElse(null);
        if (job == null) {
            error(response, HttpServletResponse.SC_NOT_FOUND, AdminTexts.text(request, "job.title"), AdminTexts.text(request, "job.unknown"));
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        if ("json".equals(request.getParameter("format")) && job.isDone()) {
            TransferReport report = report(job);
            if (report != null) {
                response.setContentType("application/json; charset=utf-8");
                response.setHeader("Content-Disposition", attachment("report-" + job.id() + ".json"));
                ReportJson.write(report, response.getWriter());
                return;
            }
        }
        if ("1".equals(request.getParameter("download")) && job.isDone() && job.result() != null && report(job) != null
                && Files.isRegularFile(job.result())) {
            response.setContentType("application/xml; charset=utf-8");
            response.setHeader("Content-Disposition", attachment(job.result().getFileName().toString()));
            response.setContentLengthLong(Files.size(job.result()));
            Files.copy(job.result(), response.getOutputStream());
            return;
        }
        response.setContentType("text/html; charset=utf-8");
        PrintWriter page = response.getWriter();
        String pageId = job.isExport() ? "accountportability-export" : "accountportability-import";
        if (!job.isDone()) {
            page.print(Html.head(job.description(), pageId).replace("</head>", "<meta http-equiv=\"refresh\" content=\"2\"></head>"));
            page.print("<h2>" + Html.escape(capitalised(job.description())) + "</h2>" + progress(request, job.progress())
                    + "<form method=\"post\">" + Html.csrfField(request.getAttribute("csrf"))
                    + "<input type=\"hidden\" name=\"id\" value=\"" + job.id() + "\">"
                    + (job.progress().cancelRequested() ? "<p>" + AdminTexts.html(request, "job.stopping") + "</p>"
                    : "<button type=\"submit\" name=\"action\" value=\"cancel\">" + AdminTexts.html(request, "job.cancel") + "</button>")
                    + "</form></body></html>");
            return;
        }
        page.print(Html.head(job.description(), pageId));
        page.print("<h2>" + Html.escape(capitalised(job.description())) + "</h2>");
        TransferReport report = report(job);
        if (report == null) {
            page.print("<p>" + AdminTexts.html(request, "job.failed") + "</p><pre>"
                    + Html.escape(failure(job)) + "</pre>");
        } else {
            StringWriter text = new StringWriter();
            ReportText.write(report, new PrintWriter(text));
            page.print("<p>" + AdminTexts.html(request, "job.finished", duration(job.progress().elapsed())) + " ");
            if (job.result() != null && Files.isDirectory(job.result())) {
                page.print(AdminTexts.html(request, "job.folder.before") + " <code>" + Html.escape(job.result().toString()) + "</code> "
                        + AdminTexts.html(request, "job.folder.after") + " ");
            } else if (job.result() != null && Files.exists(job.result())) {
                page.print("<a href=\"job?id=" + job.id() + "&amp;download=1\">" + AdminTexts.html(request, "job.download") + "</a> ("
                        + Files.size(job.result()) / 1024 + " KB). ");
            }
            page.print("<a href=\"job?id=" + job.id() + "&amp;format=json\">" + AdminTexts.html(request, "job.json") + "</a></p>");
            page.print(ReportTable.html(request, report));
            page.print("<h3>" + AdminTexts.html(request, "job.byUser") + "</h3><pre>" + Html.escape(text.toString()) + "</pre>");
        }
        page.print("</body></html>");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        BackgroundJob job = context().jobs().get(request.getParameter("id")).orElse(null);
        if (job == null) {
            error(response, HttpServletResponse.SC_NOT_FOUND, AdminTexts.text(request, "job.title"), AdminTexts.text(request, "job.unknown"));
            return;
        }
        if ("cancel".equals(request.getParameter("action"))) {
            job.progress().cancel();
            audit(request, "Account Portability: cancelled the " + job.description(), "job " + job.id());
        }
        response.sendRedirect("job?id=" + job.id());
    }

    private static String progress(HttpServletRequest request, TransferProgress progress) {
        long done = progress.usersDone();
        long total = progress.usersTotal();
        long bytes = progress.bytesRead();
        long size = progress.bytesTotal();
        double fraction = total > 0 ? (double) done / total : size > 0 ? (double) bytes / size : -1;
        StringBuilder html = new StringBuilder("<p>");
        // numbers as text: a pattern would group their digits, and scripts read this line
        html.append(total > 0 ? AdminTexts.html(request, "job.progress.usersOf", String.valueOf(done), String.valueOf(total))
                : AdminTexts.html(request, "job.progress.users", String.valueOf(done)));
        if (size > 0) {
            html.append(AdminTexts.html(request, "job.progress.read", String.valueOf(bytes / (1024 * 1024)), String.valueOf(size / (1024 * 1024))));
        }
        html.append(AdminTexts.html(request, "job.progress.elapsed", duration(progress.elapsed())));
        if (fraction > 0.01) {
            long remaining = (long) (progress.elapsed().toMillis() * (1 - fraction) / fraction);
            html.append(AdminTexts.html(request, "job.progress.left", duration(Duration.ofMillis(remaining))));
        }
        html.append(".</p>");
        if (fraction >= 0) {
            html.append("<progress max=\"1000\" value=\"").append((long) (fraction * 1000)).append("\"></progress>");
        }
        String current = progress.currentUser(); // read once: the job moves on while the page is written
        if (current != null) {
            html.append("<p>").append(AdminTexts.html(request, "job.progress.now", current)).append("</p>");
        }
        return html.toString();
    }

    /** The report, or null when the job failed as a whole. */
    private static TransferReport report(BackgroundJob job) {
        try {
            return job.report().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | CompletionException e) {
            return null;
        }
    }

    private static String failure(BackgroundJob job) {
        try {
            job.report().get();
            return "";
        } catch (ExecutionException e) {
            return e.getCause().getMessage() == null ? e.getCause().toString() : e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** A list of the recent jobs with links, for the export and import pages. */
    static String recentJobs(HttpServletRequest request, BackgroundJobs jobs) {
        if (jobs.all().isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h3>" + AdminTexts.html(request, "job.recent") + "</h3><ul>");
        for (BackgroundJob job : jobs.all()) {
            html.append("<li><a href=\"job?id=").append(job.id()).append("\">").append(Html.escape(capitalised(job.description())))
                    .append("</a>, ").append(AdminTexts.html(request, job.isDone() ? "job.started" : "job.started.running", job.started().toString()))
                    .append("</li>");
        }
        return html.append("</ul>").toString();
    }

    static void error(HttpServletResponse response, int status, String title, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        response.getWriter().print(Html.head(title, "accountportability-import") + "<p>" + Html.escape(message) + "</p></body></html>");
    }

    /** A Content-Disposition for a download, with the RFC 5987 form for names outside ASCII. */
    static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9@._-]", "_") + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
