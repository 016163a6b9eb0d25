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
            error(response, HttpServletResponse.SC_NOT_FOUND, "Account Portability job", "There is no such job (the server keeps the "
                    + "most recent jobs only, and forgets them when it restarts).");
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
            page.print("<h2>" + Html.escape(capitalised(job.description())) + "</h2>" + progress(job.progress())
                    + "<form method=\"post\">" + Html.csrfField(request.getAttribute("csrf"))
                    + "<input type=\"hidden\" name=\"id\" value=\"" + job.id() + "\">"
                    + (job.progress().cancelRequested() ? "<p>Stopping after the current user…</p>"
                    : "<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button>")
                    + "</form></body></html>");
            return;
        }
        page.print(Html.head(job.description(), pageId));
        page.print("<h2>" + Html.escape(capitalised(job.description())) + "</h2>");
        TransferReport report = report(job);
        if (report == null) {
            page.print("<p>The job stopped with an error; nothing after that point was done:</p><pre>"
                    + Html.escape(failure(job)) + "</pre>");
        } else {
            StringWriter text = new StringWriter();
            ReportText.write(report, new PrintWriter(text));
            page.print("<p>Finished after " + duration(job.progress().elapsed()) + ". ");
            if (job.result() != null && Files.isDirectory(job.result())) {
                page.print("Written to the folder <code>" + Html.escape(job.result().toString()) + "</code> on the server ("
                        + "<code>server-data.xml</code> and one file per user): copy it into another server's import folder and"
                        + " name it on that server's Import Accounts page. ");
            } else if (job.result() != null && Files.exists(job.result())) {
                page.print("<a href=\"job?id=" + job.id() + "&amp;download=1\">Download the export</a> ("
                        + Files.size(job.result()) / 1024 + " KB). ");
            }
            page.print("<a href=\"job?id=" + job.id() + "&amp;format=json\">Download this report as JSON</a></p>");
            page.print(ReportTable.html(report));
            page.print("<h3>User by user</h3><pre>" + Html.escape(text.toString()) + "</pre>");
        }
        page.print("</body></html>");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        BackgroundJob job = context().jobs().get(request.getParameter("id")).orElse(null);
        if (job == null) {
            error(response, HttpServletResponse.SC_NOT_FOUND, "Account Portability job", "There is no such job.");
            return;
        }
        if ("cancel".equals(request.getParameter("action"))) {
            job.progress().cancel();
            audit(request, "Account Portability: cancelled the " + job.description(), "job " + job.id());
        }
        response.sendRedirect("job?id=" + job.id());
    }

    private static String progress(TransferProgress progress) {
        long done = progress.usersDone();
        long total = progress.usersTotal();
        long bytes = progress.bytesRead();
        long size = progress.bytesTotal();
        double fraction = total > 0 ? (double) done / total : size > 0 ? (double) bytes / size : -1;
        StringBuilder html = new StringBuilder("<p>");
        html.append(done).append(total > 0 ? " of " + total : "").append(" users done");
        if (size > 0) {
            html.append(", ").append(bytes / (1024 * 1024)).append(" of ").append(size / (1024 * 1024)).append(" MB read");
        }
        html.append(", ").append(duration(progress.elapsed())).append(" so far");
        if (fraction > 0.01) {
            long remaining = (long) (progress.elapsed().toMillis() * (1 - fraction) / fraction);
            html.append(", about ").append(duration(Duration.ofMillis(remaining))).append(" left");
        }
        html.append(".</p>");
        if (fraction >= 0) {
            html.append("<progress max=\"1000\" value=\"").append((long) (fraction * 1000)).append("\"></progress>");
        }
        String current = progress.currentUser(); // read once: the job moves on while the page is written
        if (current != null) {
            html.append("<p>Now: ").append(Html.escape(current)).append("</p>");
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
    static String recentJobs(BackgroundJobs jobs) {
        if (jobs.all().isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h3>Recent jobs</h3><ul>");
        for (BackgroundJob job : jobs.all()) {
            html.append("<li><a href=\"job?id=").append(job.id()).append("\">").append(Html.escape(capitalised(job.description())))
                    .append("</a>, started ").append(job.started()).append(job.isDone() ? "" : " (running)").append("</li>");
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
