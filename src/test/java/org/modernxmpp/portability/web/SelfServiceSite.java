package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.moved.Moves;
import org.modernxmpp.portability.pie.PieReader;
import org.modernxmpp.portability.pie.PieWriter;
import org.modernxmpp.portability.pie.ReadLimits;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;

/**
 * The self-service site ({@link SelfServiceEndpoint}) in an embedded Jetty 12 ee8 on 127.0.0.1, around an in-memory
 * {@value #DOMAIN} whose passwords are a map, plus simulated browsers (an HTTP client with a cookie jar each) and the
 * helpers the self-service tests share: reading tokens and form actions out of pages, building and reading export
 * files. Not a test class itself.
 */
final class SelfServiceSite implements AutoCloseable {
    static final String DOMAIN = "capulet.example";
    static final String COOKIE = "ACCOUNTPORTABILITY";
    static final Path PEERS = Path.of("src/test/resources/peers");
    static final Path PROSODY_JULIET = PEERS.resolve("prosody/juliet@prosody.example.xml");
    static final Path PROSODY_ROMEO = PEERS.resolve("prosody/romeo@prosody.example.xml");

    private static final Pattern CSRF_FIELD = Pattern.compile("<input type=\"hidden\" name=\"csrf\" value=\"([0-9a-f]+)\">");
    private static final Pattern IMPORT_ACTION = Pattern.compile("<form method=\"post\" action=\"(import\\?csrf=[0-9a-f]+)\" "
            + "enctype=\"multipart/form-data\">");
    private static final Pattern CONFIRM_ACTION = Pattern.compile("<form method=\"post\" action=\"(import\\?csrf=[0-9a-f]+&amp;step=confirm&amp;preview=[0-9a-f-]+)\">");

    final InMemoryServer server;
    final Map<String, String> passwords;
    final Path work;
    private final Server jetty;
    private final URI base;

    private SelfServiceSite(InMemoryServer server, Map<String, String> passwords, Path work, LoginThrottle throttle,
                            long maxUploadBytes, Moves moves) throws Exception {
        this.server = server;
        this.passwords = passwords;
        this.work = work;
        PortabilityContext context = new PortabilityContext(server::ports, null, () -> work,
                (username, password) -> password.equals(passwords.get(username)), AuditLog.NONE, Settings.DEFAULTS, moves);
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(SelfServiceEndpoint.context(new SelfService(context, throttle, maxUploadBytes)));
        jetty.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + SelfServiceEndpoint.PATH + "/");
    }

    /** The site as Openfire builds it: the default throttle and upload limit. */
    static SelfServiceSite start(InMemoryServer server, Map<String, String> passwords, Path work) throws Exception {
        return start(server, passwords, work, new LoginThrottle(5, 20, Duration.ofMinutes(15), Clock.systemUTC()),
                SelfService.DEFAULT_MAX_UPLOAD_BYTES);
    }

    static SelfServiceSite start(InMemoryServer server, Map<String, String> passwords, Path work, LoginThrottle throttle,
                                 long maxUploadBytes) throws Exception {
        return new SelfServiceSite(server, passwords, work, throttle, maxUploadBytes, null);
    }

    /** The site with the moves beyond the statement: "Tell my contacts", departures. */
    static SelfServiceSite start(InMemoryServer server, Map<String, String> passwords, Path work, Moves moves) throws Exception {
        return new SelfServiceSite(server, passwords, work, new LoginThrottle(5, 20, Duration.ofMinutes(15), Clock.systemUTC()),
                SelfService.DEFAULT_MAX_UPLOAD_BYTES, moves);
    }

    /** {@code http://127.0.0.1:PORT/account/} */
    URI base() {
        return base;
    }

    int port() {
        return base.getPort();
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    /** A new visitor: a cookie jar of its own, redirects not followed (so a test sees them). */
    Browser browser() {
        return new Browser();
    }

    /** The files left in the work folder's uploads (none once a preview is done with). */
    List<Path> uploadsLeft() throws IOException {
        Path uploads = work.resolve("uploads");
        if (!Files.exists(uploads)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(uploads)) {
            return files.toList();
        }
    }

    /** One simulated browser. */
    final class Browser {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        /** The site's address followed by {@code relative} as it is (not normalised: "export/../romeo" stays). */
        URI uri(String relative) {
            return URI.create(base + relative);
        }

        HttpResponse<String> get(String relative) throws IOException, InterruptedException {
            return client.send(request(relative).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** GET /account/ */
        HttpResponse<String> home() throws IOException, InterruptedException {
            return get("");
        }

        private HttpRequest.Builder request(String relative) {
            return HttpRequest.newBuilder(uri(relative)).timeout(Duration.ofSeconds(60)).header("Accept-Language", "en");
        }

        /** An application/x-www-form-urlencoded POST, as a browser sends the sign-in, sign-out and export forms. */
        HttpResponse<byte[]> postForm(String relative, Map<String, String> fields) throws IOException, InterruptedException {
            return postForm(relative, fields.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
        }

        /** The same, with repeated names allowed: each entry is a name and a value. */
        HttpResponse<byte[]> postForm(String relative, List<List<String>> fields) throws IOException, InterruptedException {
            StringBuilder body = new StringBuilder();
            for (List<String> field : fields) {
                body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(field.get(0), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(field.get(1), StandardCharsets.UTF_8));
            }
            return client.send(request(relative).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        /** A multipart/form-data POST built by hand, as a browser sends the import form. */
        HttpResponse<String> postMultipart(String relative, List<Part> parts) throws IOException, InterruptedException {
            String boundary = "----selfservice" + UUID.randomUUID().toString().replace("-", "");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (Part part : parts) {
                StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                        .append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
                if (part.fileName() != null) {
                    head.append("; filename=\"").append(part.fileName().replace("\"", "%22")).append("\"\r\n")
                            .append("Content-Type: application/xml");
                }
                head.append("\r\n\r\n");
                body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
                body.writeBytes(part.content());
                body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return client.send(request(relative).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** The session cookie this browser holds, if any. */
        Optional<HttpCookie> sessionCookie() {
            return cookies.getCookieStore().get(base).stream().filter(c -> c.getName().equals(COOKIE)).findFirst();
        }

        /** Forgets every cookie and takes {@code value} as the session cookie (an old or stolen one). */
        void useSessionCookie(String value) {
            cookies.getCookieStore().removeAll();
            HttpCookie cookie = new HttpCookie(COOKIE, value);
            cookie.setPath(SelfServiceEndpoint.PATH);
            cookie.setVersion(0);
            cookies.getCookieStore().add(base, cookie);
        }

        /** Loads the sign-in page and submits it; returns the response to the POST. */
        HttpResponse<byte[]> signIn(String address, String password) throws IOException, InterruptedException {
            String token = csrf(home().body());
            return postForm("sign-in", Map.of("csrf", token, "address", address, "password", password));
        }

        /** Signs in and checks it worked: a redirect to the start page, which names the account. */
        void signedIn(String address, String password) throws IOException, InterruptedException {
            HttpResponse<byte[]> posted = signIn(address, password);
            assertEquals(302, posted.statusCode(), () -> "sign-in of " + address + " failed: " + text(posted));
            String page = home().body();
            if (!page.contains("Signed in as ")) {
                fail("not signed in after the redirect:\n" + page);
            }
        }

        /** The token of the start page's forms (signed in or not). */
        String token() throws IOException, InterruptedException {
            return csrf(home().body());
        }

        /** Submits the start page's "Download my data" form with {@code fields} besides its token. */
        HttpResponse<byte[]> export(Map<String, String> fields) throws IOException, InterruptedException {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.putIfAbsent("csrf", token());
            return postForm("export", all);
        }

        /**
         * Uploads {@code file} through the start page's import form for a preview: the kinds ticked (all, unless
         * given) and the policy ("merge" or "replace"). Returns the response to the POST.
         */
        HttpResponse<String> preview(String fileName, byte[] file, List<String> kinds, String policy)
                throws IOException, InterruptedException {
            String action = importAction(home().body());
            List<Part> parts = new ArrayList<>();
            parts.add(Part.file(fileName, file));
            kinds.forEach(kind -> parts.add(Part.field("kind", kind)));
            parts.add(Part.field("policy", policy));
            return postMultipart(action, parts);
        }

        HttpResponse<String> preview(String fileName, byte[] file) throws IOException, InterruptedException {
            return preview(fileName, file, ALL_KINDS, "merge");
        }

        /** Presses "Import" on a preview page. */
        HttpResponse<String> confirm(String previewPage) throws IOException, InterruptedException {
            return postEmpty(confirmAction(previewPage));
        }

        /** A POST with no fields, as the confirm form sends (everything it needs is in its action). */
        HttpResponse<String> postEmpty(String action) throws IOException, InterruptedException {
            return client.send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<byte[]> signOut() throws IOException, InterruptedException {
            return postForm("sign-out", Map.of("csrf", token()));
        }
    }

    /** Every kind the import form offers, by the values of its check boxes. */
    static final List<String> ALL_KINDS = List.of("roster", "vcard", "private_xml", "offline_messages", "pep", "privacy", "blocklist");

    /** One part of a multipart/form-data body: a field, or a file when {@code fileName} is set. */
    record Part(String name, String fileName, byte[] content) {
        static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }

        static Part file(String fileName, byte[] content) {
            return new Part("file", fileName, content);
        }
    }

    // ---- a visitor from another address ----

    /** What {@link #fromAddress} got back. */
    record RawResponse(int status, Map<String, List<String>> headers, String body) {
        Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    /**
     * One HTTP/1.0 request from another loopback address (127.0.0.2, …) to the site, for tests that need a second
     * visitor the server sees as coming from elsewhere (java.net.http cannot choose its local address on Java 17).
     */
    RawResponse fromAddress(String localAddress, String method, String relative, String cookie, String formBody) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port()), 10_000);
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method).append(' ').append(base.getRawPath()).append(relative)
                    .append(" HTTP/1.0\r\nHost: 127.0.0.1:").append(port()).append("\r\nAccept-Language: en\r\n");
            if (cookie != null) {
                request.append("Cookie: ").append(COOKIE).append('=').append(cookie).append("\r\n");
            }
            byte[] body = formBody == null ? new byte[0] : formBody.getBytes(StandardCharsets.UTF_8);
            if (formBody != null) {
                request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String[] lines = response.substring(0, end).split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, response.substring(end + 4));
        }
    }

    /** The session cookie's value in a Set-Cookie header of a raw response. */
    static String sessionCookie(RawResponse response) {
        return response.headers().getOrDefault("set-cookie", List.of()).stream().filter(c -> c.startsWith(COOKIE + "="))
                .map(c -> c.substring(COOKIE.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    // ---- reading pages ----

    static String csrf(String html) {
        return group(CSRF_FIELD, html, "no csrf field in the page");
    }

    /** The import form's action, token included: {@code import?csrf=…}. */
    static String importAction(String html) {
        return group(IMPORT_ACTION, html, "no import form in the page");
    }

    /** The preview's "Import" form action, unescaped: {@code import?csrf=…&step=confirm&preview=…}. */
    static String confirmAction(String html) {
        return group(CONFIRM_ACTION, html, "no confirm form in the page").replace("&amp;", "&");
    }

    private static String group(Pattern pattern, String html, String problem) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) {
            fail(problem + ":\n" + html);
        }
        return m.group(1);
    }

    static String text(HttpResponse<?> response) {
        return response.body() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(response.body());
    }

    /** The list items of a page, unescaped (the plain-words sentences of a preview or a result). */
    static List<String> listItems(String html) {
        List<String> items = new ArrayList<>();
        Matcher m = Pattern.compile("<li>(.*?)</li>").matcher(html);
        while (m.find()) {
            items.add(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&amp;", "&"));
        }
        return items;
    }

    /** The sentences without the notes ("Note (…): …"), which pass the engine's own lines on. */
    static List<String> withoutNotes(List<String> sentences) {
        return sentences.stream().filter(s -> !s.startsWith("Note (")).toList();
    }

    /** Where a redirect goes, made absolute against the site (Jetty may send "/account/" as it is). */
    URI location(HttpResponse<?> response) {
        return base.resolve(response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect: "
                + response.statusCode())));
    }

    // ---- export files ----

    /** The users of an export file, read back with the plugin's own reader. */
    static List<PieEntry.HostUser> users(byte[] export) throws IOException {
        List<PieEntry.HostUser> users = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(export); PieReader reader = PieReader.open(in, "download.xml", ReadLimits.DEFAULT)) {
            for (Optional<PieEntry> next = reader.next(); next.isPresent(); next = reader.next()) {
                if (next.get() instanceof PieEntry.HostUser user) {
                    users.add(user);
                }
            }
        }
        return users;
    }

    /** An export file of {@code users} on {@code host}, written with the plugin's own writer. */
    static byte[] file(String host, UserData... users) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PieWriter writer = new PieWriter(bytes)) {
            for (UserData user : users) {
                writer.write(new PieEntry.HostUser(new JID(host), user));
            }
        }
        return bytes.toByteArray();
    }

    /** Every kind the in-memory server keeps, compared one by one; credentials only when the file should have them. */
    static void assertSameUser(UserData seeded, UserData exported, boolean withCredentials) {
        assertAll(seeded.name(),
                () -> assertEquals(seeded.name(), exported.name()),
                () -> assertEquals(seeded.account(), exported.account(), "account details"),
                () -> assertEquals(seeded.roster(), exported.roster(), "roster"),
                () -> assertEquals(seeded.pendingSubscriptions(), exported.pendingSubscriptions(), "pending subscriptions"),
                () -> assertEquals(seeded.vCard(), exported.vCard(), "vCard"),
                () -> assertEquals(seeded.privateXml(), exported.privateXml(), "private XML"),
                () -> assertEquals(seeded.offlineMessages(), exported.offlineMessages(), "offline messages"),
                () -> assertEquals(seeded.pepNodes(), exported.pepNodes(), "PEP nodes"),
                () -> assertEquals(seeded.privacy(), exported.privacy(), "privacy lists"),
                () -> assertEquals(seeded.blocklist(), exported.blocklist(), "blocklist"),
                () -> assertEquals(seeded.archive(), exported.archive(), "archive"),
                () -> {
                    if (withCredentials) {
                        assertEquals(seeded.password(), exported.password(), "password");
                        assertEquals(seeded.scram(), exported.scram(), "SCRAM credentials");
                    } else {
                        assertNull(exported.password(), "no password without credentials");
                        assertEquals(List.of(), exported.scram(), "no SCRAM without credentials");
                    }
                });
    }
}
