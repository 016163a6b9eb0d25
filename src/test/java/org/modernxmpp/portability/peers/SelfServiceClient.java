package org.modernxmpp.portability.peers;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A user's browser session on the plugin's self-service page of a real Openfire, as plain HTTP: forms, cookies, tokens. */
final class SelfServiceClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");
    private static final Pattern CONFIRM = Pattern.compile("action=\"(import\\?csrf=[0-9a-f]+&amp;step=confirm&amp;preview=[0-9a-f-]+)\"");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private SelfServiceClient(URI base) {
        this.base = base;
    }

    static SelfServiceClient signIn(URI base, String address, String password) throws Exception {
        SelfServiceClient client = new SelfServiceClient(base);
        HttpResponse<String> signedIn = client.post("sign-in", Map.of("csrf", client.token(), "address", address, "password", password));
        if (signedIn.statusCode() != 302) {
            throw new IOException("signing in as " + address + " gave " + signedIn.statusCode() + ": " + signedIn.body());
        }
        return client;
    }

    String home() throws Exception {
        return http.send(HttpRequest.newBuilder(base).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    String token() throws Exception {
        Matcher m = CSRF.matcher(home());
        if (!m.find()) {
            throw new IOException("no form token on " + base);
        }
        return m.group(1);
    }

    /** "Download my data": the export file. */
    byte[] export() throws Exception {
        HttpResponse<byte[]> file = http.send(form(base.resolve("export"), Map.of("csrf", token())), HttpResponse.BodyHandlers.ofByteArray());
        if (file.statusCode() != 200) {
            throw new IOException("export gave " + file.statusCode());
        }
        return file.body();
    }

    /** "Import into my account" with every kind, merged: preview, then confirm; returns the result page. */
    String importAll(byte[] export, List<String> kinds) throws Exception {
        String boundary = "----e2e" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String kind : kinds) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"policy\"\r\n\r\nmerge\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"export.xml\"\r\n"
                + "Content-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(export);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> preview = http.send(HttpRequest.newBuilder(base.resolve("import?csrf=" + token()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        Matcher confirm = CONFIRM.matcher(preview.body());
        if (preview.statusCode() != 200 || !confirm.find()) {
            throw new IOException("the import preview gave " + preview.statusCode() + ": " + preview.body());
        }
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(base.resolve(confirm.group(1).replace("&amp;", "&")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (done.statusCode() != 200) {
            throw new IOException("the import gave " + done.statusCode() + ": " + done.body());
        }
        return done.body();
    }

    /** Loads {@code location} every 100 ms, for at most {@code limit}, until its page no longer says any of {@code working}. */
    String waitWhile(java.time.Duration limit, String location, String... working) throws Exception {
        long tries = limit.toMillis() / 100;
        String page = get(location).body();
        for (int i = 0; i < tries && java.util.stream.Stream.of(working).anyMatch(page::contains); i++) {
            Thread.sleep(100);
            page = get(location).body();
        }
        return page;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A form POST with repeated names allowed: name, value, name, value, … */
    HttpResponse<String> post(String path, List<String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            body.append(i == 0 ? "" : "&").append(URLEncoder.encode(fields.get(i), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        return http.send(form(base.resolve(path), fields), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest form(URI uri, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
