package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.DispatcherType;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;

import org.eclipse.jetty.ee8.servlet.FilterHolder;
import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.modernxmpp.portability.account.AccountPorts;
import org.modernxmpp.portability.pie.PieReader;
import org.modernxmpp.portability.pie.PieWriter;
import org.modernxmpp.portability.pie.ReadLimits;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.transfer.BackgroundJobs;
import org.xmpp.packet.JID;

/**
 * The three admin pages in an embedded Jetty 12 ee8 (what Openfire 5.1 runs) on 127.0.0.1, behind
 * {@link OpenfireCsrfStandIn}, and an HTTP client with a cookie jar (so the session, and with it the CSRF token,
 * carries over between requests). Not a test class itself: a test class starts one per class and calls
 * {@link #use} before each test, which builds the three servlets anew around that test's {@link PortabilityContext}
 * (its own in-memory server, {@link org.modernxmpp.portability.transfer.BackgroundJobs} and work folder) and gives
 * it a fresh client, so a session and its token never leak from one test into the next.
 */
final class AdminConsole implements AutoCloseable {
    static final String DOMAIN = "capulet.example";
    static final String BASE = "/plugins/accountportability/";
    private static final Pattern CSRF_FIELD = Pattern.compile("<input type=\"hidden\" name=\"csrf\" value=\"([^\"]*)\">");
    private static final Pattern CSRF_ACTION = Pattern.compile("action=\"import\\?csrf=([^\"]*)\"");
    private static final Pattern JOB_ID = Pattern.compile("job\\?id=([0-9a-f]+)$");

    private final Server server;
    private final OpenfireCsrfStandIn csrf = new OpenfireCsrfStandIn();
    private final URI base;
    private volatile HttpServlet export;
    private volatile HttpServlet importPage;
    private volatile HttpServlet job;
    private volatile HttpServlet moves;
    private HttpClient client;

    private AdminConsole() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.addFilter(new FilterHolder(csrf), BASE + "*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder("export", new PerTest(() -> export)), BASE + "export");
        context.addServlet(new ServletHolder("import", new PerTest(() -> importPage)), BASE + "import");
        context.addServlet(new ServletHolder("job", new PerTest(() -> job)), BASE + "job");
        context.addServlet(new ServletHolder("moves", new PerTest(() -> moves)), BASE + "moves");
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + BASE);
    }

    static AdminConsole start() throws Exception {
        return new AdminConsole();
    }

    /**
     * Jetty registers a servlet instance once per server; the pages are made per test (each with its own context), so
     * the registered servlet hands every request to the current test's page.
     */
    private static final class PerTest extends HttpServlet {
        private final transient Supplier<HttpServlet> page;

        PerTest(Supplier<HttpServlet> page) {
            this.page = page;
        }

        @Override
        public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
            page.get().service(request, response);
        }
    }

    /** Builds the pages around {@code context} and starts a new browser session. */
    void use(PortabilityContext context) throws ServletException {
        AdminExportServlet exportServlet = new AdminExportServlet(context);
        AdminImportServlet importServlet = new AdminImportServlet(context);
        AdminJobServlet jobServlet = new AdminJobServlet(context);
        export = exportServlet;
        importPage = importServlet;
        job = jobServlet;
        moves = new AdminMovesServlet(context);
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    OpenfireCsrfStandIn csrf() {
        return csrf;
    }

    URI uri(String relative) {
        return base.resolve(relative);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    // ---- requests ----

    HttpResponse<String> get(String relative) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(relative)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> getBytes(String relative) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(relative)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** An application/x-www-form-urlencoded POST, as a browser sends the export and cancel forms. */
    HttpResponse<byte[]> postForm(String relative, Map<String, String> fields) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return client.send(HttpRequest.newBuilder(uri(relative)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** One part of a multipart/form-data body: a field, or a file when {@code fileName} is set. */
    record Part(String name, String fileName, byte[] content) {
        static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }

        static Part file(String fileName, byte[] content) {
            return new Part("file", fileName, content);
        }
    }

    /** A multipart/form-data POST built by hand, as a browser sends the import form. */
    HttpResponse<String> postMultipart(String relative, List<Part> parts) throws IOException, InterruptedException {
        String boundary = "----portability" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
            if (part.fileName() != null) {
                head.append("; filename=\"").append(part.fileName().replace("\"", "%22")).append('"').append("\r\n")
                        .append("Content-Type: application/xml");
            }
            head.append("\r\n\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return client.send(HttpRequest.newBuilder(uri(relative)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * Loads the import page for its token and uploads {@code file} through its form: mode "preview" or "import",
     * plus any further fields (policy, rewriteHosts). Returns the response to the POST.
     */
    HttpResponse<String> upload(String fileName, byte[] file, String mode, Map<String, String> fields)
            throws IOException, InterruptedException {
        String token = importToken(get("import").body());
        List<Part> parts = new ArrayList<>();
        parts.add(Part.file(fileName, file));
        fields.forEach((name, value) -> parts.add(Part.field(name, value)));
        parts.add(Part.field("mode", mode));
        return postMultipart("import?csrf=" + token, parts);
    }

    /** Loads the export page for its token and submits its form with {@code fields}. */
    HttpResponse<byte[]> export(Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf", formToken(get("export").body()));
        return postForm("export", all);
    }

    // ---- reading pages ----

    /** The token in a page's hidden csrf field (the export and job pages). */
    static String formToken(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        if (!m.find()) {
            fail("no csrf field in the page:\n" + html);
        }
        return m.group(1);
    }

    /** The token in the import form's action. */
    static String importToken(String html) {
        Matcher m = CSRF_ACTION.matcher(html);
        if (!m.find()) {
            fail("no csrf in the import form's action:\n" + html);
        }
        return m.group(1);
    }

    /** The job id a POST redirected to; fails when the response is not such a redirect. */
    static String jobId(HttpResponse<?> response) {
        assertEquals(302, response.statusCode(), () -> "expected a redirect to the job page, got " + response.statusCode()
                + ": " + body(response));
        String location = response.headers().firstValue("Location").orElseThrow();
        Matcher m = JOB_ID.matcher(location);
        if (!m.find()) {
            fail("redirect is not to a job page: " + location);
        }
        return m.group(1);
    }

    static String body(HttpResponse<?> response) {
        return response.body() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(response.body());
    }

    /** Loads the job page until the job is done (no more refresh), for at most 30 s; returns the finished page. */
    String awaitDone(String jobId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> page;
        do {
            page = get("job?id=" + jobId);
            assertEquals(200, page.statusCode(), page.body());
            if (!page.body().contains("http-equiv=\"refresh\"")) {
                return page.body();
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return fail("the job did not finish within 30 s; its last page:\n" + page.body());
    }

    // ---- export files ----

    /** The users of an export file, read back with the plugin's own reader. */
    static List<PieEntry.HostUser> users(byte[] export) throws IOException {
        return users(PieReader.open(new ByteArrayInputStream(export), "download.xml", ReadLimits.DEFAULT));
    }

    /** The users of an export file or folder on disk. */
    static List<PieEntry.HostUser> users(Path export) throws IOException {
        return users(PieReader.open(export, ReadLimits.DEFAULT));
    }

    private static List<PieEntry.HostUser> users(PieReader opened) throws IOException {
        List<PieEntry.HostUser> users = new ArrayList<>();
        try (PieReader reader = opened) {
            for (Optional<PieEntry> next = reader.next(); next.isPresent(); next = reader.next()) {
                if (next.get() instanceof PieEntry.HostUser user) {
                    users.add(user);
                }
            }
        }
        return users;
    }

    /** An export file of {@code users} on {@code host}, written with the plugin's own writer. */
    static byte[] file(String host, List<UserData> users) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PieWriter writer = new PieWriter(bytes)) {
            for (UserData user : users) {
                writer.write(new PieEntry.HostUser(new JID(host), user));
            }
        }
        return bytes.toByteArray();
    }

    /** A context over {@code ports}, the test's jobs, its work folder and an audit log it reads; nobody can sign in. */
    static PortabilityContext context(Supplier<AccountPorts> ports, BackgroundJobs jobs,
                                      Path workDirectory, AuditLog audit) {
        return new PortabilityContext(ports, jobs, () -> workDirectory, (username, password) -> false, audit);
    }
}
