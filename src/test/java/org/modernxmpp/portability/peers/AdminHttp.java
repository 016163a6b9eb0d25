package org.modernxmpp.portability.peers;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The admin console of a real Openfire as plain HTTP, for what a browser would save to disk: a signed-in session and its form tokens. */
final class AdminHttp {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private AdminHttp(URI base) {
        this.base = base;
    }

    static AdminHttp signIn(OpenfirePeer server) throws Exception {
        AdminHttp admin = new AdminHttp(URI.create("http://" + server.address().ip() + ":9090/"));
        HttpResponse<String> signedIn = admin.post("login.jsp", Map.of("login", "true", "username", "admin", "password", "admin",
                "csrf", admin.token("login.jsp")));
        if (signedIn.statusCode() != 302) {
            throw new IOException("admin login gave " + signedIn.statusCode());
        }
        return admin;
    }

    /** The export page's download of these users, with every kind. */
    byte[] export(String users) throws Exception {
        String token = token("plugins/accountportability/export");
        HttpResponse<byte[]> file = http.send(form(base.resolve("plugins/accountportability/export"), Map.of("csrf", token, "users", users)),
                HttpResponse.BodyHandlers.ofByteArray());
        if (file.statusCode() != 200) {
            throw new IOException("the export gave " + file.statusCode());
        }
        return file.body();
    }

    /** Sets one of the plugin's settings on its settings page, as an admin does. */
    void set(String key, String value) throws Exception {
        HttpResponse<String> saved = post("plugins/accountportability/settings", Map.of("csrf", token("plugins/accountportability/settings"),
                "key", key, "value", value));
        String location = saved.headers().firstValue("Location").orElse("");
        if (saved.statusCode() != 302 || !location.contains("saved=")) {
            throw new IOException("setting " + key + " gave " + saved.statusCode() + " " + location);
        }
    }

    /** A page of the admin console, as the signed-in admin sees it. */
    String page(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String token(String page) throws Exception {
        String html = http.send(HttpRequest.newBuilder(base.resolve(page)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IOException("no form token on " + page);
        }
        return m.group(1);
    }

    private HttpResponse<String> post(String page, Map<String, String> fields) throws Exception {
        return http.send(form(base.resolve(page), fields), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest form(URI uri, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
