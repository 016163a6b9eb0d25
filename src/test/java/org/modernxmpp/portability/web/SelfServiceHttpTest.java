package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modernxmpp.portability.web.SelfServiceSite.ALL_KINDS;
import static org.modernxmpp.portability.web.SelfServiceSite.DOMAIN;
import static org.modernxmpp.portability.web.SelfServiceSite.PROSODY_JULIET;
import static org.modernxmpp.portability.web.SelfServiceSite.PROSODY_ROMEO;
import static org.modernxmpp.portability.web.SelfServiceSite.csrf;
import static org.modernxmpp.portability.web.SelfServiceSite.file;
import static org.modernxmpp.portability.web.SelfServiceSite.listItems;
import static org.modernxmpp.portability.web.SelfServiceSite.text;
import static org.modernxmpp.portability.web.SelfServiceSite.users;
import static org.modernxmpp.portability.web.SelfServiceSite.withoutNotes;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.pie.PieReader;
import org.modernxmpp.portability.pie.ReadLimits;
import org.modernxmpp.portability.pie.SyntheticExport;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.PrivacyLists;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.modernxmpp.portability.web.SelfServiceSite.Browser;
import org.modernxmpp.portability.web.SelfServiceSite.RawResponse;
import org.xmpp.packet.JID;

/**
 * The self-service pages over real HTTP in an embedded Jetty: sign-in (generic failures, CSRF, session fixation,
 * throttling), "Download my data" (only the signed-in account, whatever the request names), import (preview in plain
 * words, confirm, kinds, policies, always into the signed-in account), hostile uploads, sign-out and escaping.
 * Each test has its own in-memory {@value SelfServiceSite#DOMAIN} with juliet and romeo (every kind of data) and
 * jules (an empty account), its own work folder and its own Jetty.
 */
class SelfServiceHttpTest {
    private static final String JULIET_PASSWORD = "balcony-secret";
    private static final String ROMEO_PASSWORD = "wherefore";
    private static final String JULES_PASSWORD = "jules-secret";
    private static final String SIGN_IN_FAILED = "Sign-in failed. Check your address and password.";
    private static final String TOO_MANY = "Too many attempts.";
    private static final Pattern DISPOSITION = Pattern.compile("attachment; filename=\"([^\"]+)\"; filename\\*=UTF-8''(\\S+)");

    @TempDir
    Path work;
    @TempDir
    Path elsewhere;

    private InMemoryServer server;
    private final Map<String, String> passwords = new HashMap<>();
    private SelfServiceSite site;
    private UserData juliet;
    private UserData romeo;

    @BeforeEach
    void startSite() throws Exception {
        server = new InMemoryServer(DOMAIN);
        juliet = passwordOnly(new SyntheticExport(11).user("juliet", new SyntheticExport.Shape(6, 300, 3, 3, 2)), JULIET_PASSWORD);
        romeo = passwordOnly(new SyntheticExport(12).user("romeo", new SyntheticExport.Shape(4, 200, 2, 2, 1)), ROMEO_PASSWORD);
        seed(juliet);
        seed(romeo);
        seed(UserData.builder("jules").password(JULES_PASSWORD).build());
        site = SelfServiceSite.start(server, passwords, work);
    }

    @AfterEach
    void stopSite() throws Exception {
        site.close();
    }

    private void seed(UserData user) {
        server.seed(user);
        passwords.put(user.name(), user.password());
    }

    /** The same site with another throttle or upload limit. */
    private void restart(LoginThrottle throttle, long maxUploadBytes) throws Exception {
        site.close();
        site = SelfServiceSite.start(server, passwords, work, throttle, maxUploadBytes);
    }

    private static LoginThrottle throttle(int perAccount, int perAddress) {
        return new LoginThrottle(perAccount, perAddress, Duration.ofMinutes(15), Clock.systemUTC());
    }

    /** The user with a plaintext password and no SCRAM hashes (an export holds one or the other). */
    private static UserData passwordOnly(UserData user, String password) {
        UserData.Builder b = UserData.builder(user.name()).account(user.account()).password(password).vCard(user.vCard())
                .privacy(user.privacy());
        user.roster().forEach(b::rosterItem);
        user.pendingSubscriptions().forEach(b::pendingSubscription);
        user.privateXml().forEach(b::privateXml);
        user.offlineMessages().forEach(b::offlineMessage);
        user.pepNodes().forEach(b::pepNode);
        user.blocklist().forEach(b::blocked);
        user.archive().forEach(b::archived);
        return b.build();
    }

    private Browser signedIn(String address, String password) throws Exception {
        Browser browser = site.browser();
        browser.signedIn(address, password);
        return browser;
    }

    private static byte[] bytes(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    /** The file's one user, as the plugin's reader sees it. */
    private static UserData onlyUser(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); PieReader reader = PieReader.open(in, file.getFileName().toString(), ReadLimits.DEFAULT)) {
            for (Optional<PieEntry> next = reader.next(); next.isPresent(); next = reader.next()) {
                if (next.get() instanceof PieEntry.HostUser user) {
                    return user.user();
                }
            }
        }
        throw new AssertionError("no user in " + file);
    }

    private static RosterItem item(String jid, String name, RosterItem.Subscription subscription, String... groups) {
        return new RosterItem(new JID(jid), name, subscription, List.of(groups));
    }

    private static XmlPayload vCard(String fullName) {
        Element vCard = DocumentHelper.createElement(QName.get("vCard", "vcard-temp"));
        vCard.addElement(QName.get("FN", "vcard-temp")).setText(fullName);
        return XmlPayload.of(vCard);
    }

    private static Map<String, RosterItem> rosterOf(UserData user) {
        Map<String, RosterItem> roster = new HashMap<>();
        user.roster().forEach(i -> roster.put(i.jid().toBareJID(), i));
        return roster;
    }

    // ---- the start page ----

    @Test
    void theStartPageShowsTheSignInFormWithATokenAndAStrictHttpOnlyCookie() throws Exception {
        HttpResponse<String> page = site.browser().home();

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
        String html = page.body();
        assertTrue(html.contains("<form method=\"post\" action=\"sign-in\">"), html);
        assertTrue(html.contains("<input name=\"address\" autocomplete=\"username\" required autofocus>"), html);
        assertTrue(html.contains("<input type=\"password\" name=\"password\" autocomplete=\"current-password\" required>"), html);
        assertTrue(html.contains("Your address (for example juliet@capulet.example)"), html);
        assertTrue(csrf(html).matches("[0-9a-f]{48}"), "a 24-byte random token: " + csrf(html));
        assertFalse(html.contains("<script"), "a no-script page");

        List<String> cookies = page.headers().allValues("Set-Cookie");
        String session = cookies.stream().filter(c -> c.startsWith(SelfServiceSite.COOKIE + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + cookies));
        List<String> attributes = List.of(session.split(";")).stream().map(a -> a.trim().toLowerCase(Locale.ROOT)).toList();
        assertAll(session,
                () -> assertTrue(attributes.contains("httponly"), "HttpOnly"),
                () -> assertTrue(attributes.contains("samesite=strict"), "SameSite=Strict"),
                () -> assertFalse(attributes.contains("secure"), "not Secure over plain HTTP (Jetty adds it on TLS)"),
                () -> assertTrue(attributes.contains("path=/account"), "only for the self-service pages"));
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        Browser browser = site.browser();
        HttpResponse<String> signInPage = browser.home();
        HttpResponse<byte[]> failedSignIn = browser.signIn("juliet", "wrong");
        Browser signedIn = signedIn("juliet", JULIET_PASSWORD);
        HttpResponse<String> home = signedIn.home();
        HttpResponse<byte[]> download = signedIn.export(Map.of());

        for (HttpResponse<?> response : List.of(signInPage, failedSignIn, home, download)) {
            var headers = response.headers();
            assertAll(response.uri().toString(),
                    () -> assertEquals("no-store", headers.firstValue("Cache-Control").orElse(null), "Cache-Control"),
                    () -> assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(null), "X-Frame-Options"),
                    () -> assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(null), "X-Content-Type-Options"),
                    () -> assertEquals("no-referrer", headers.firstValue("Referrer-Policy").orElse(null), "Referrer-Policy"),
                    () -> {
                        String csp = headers.firstValue("Content-Security-Policy").orElse("");
                        assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'")
                                && csp.contains("form-action 'self'"), csp);
                    });
        }
    }

    // ---- sign-in ----

    @Test
    void theRightPasswordRedirectsToTheStartPageWhichNamesTheAccount() throws Exception {
        Browser browser = site.browser();

        HttpResponse<byte[]> posted = browser.signIn("juliet@capulet.example", JULIET_PASSWORD);

        assertEquals(302, posted.statusCode(), text(posted));
        assertEquals(site.base(), site.location(posted), "redirected to ./");
        String page = browser.home().body();
        assertTrue(page.contains("Signed in as juliet@capulet.example"), page);
        assertTrue(page.contains("<form method=\"post\" action=\"sign-out\">"), page);
        assertTrue(page.contains("<form method=\"post\" action=\"export\">"), page);
        assertFalse(page.contains("action=\"sign-in\""), "no sign-in form once signed in");
    }

    @Test
    void theLocalpartAloneAndAnyCaseSignInToo() throws Exception {
        Browser browser = site.browser();

        assertEquals(302, browser.signIn("Juliet", JULIET_PASSWORD).statusCode());
        assertTrue(browser.home().body().contains("Signed in as juliet@capulet.example"));
        Browser other = site.browser();
        assertEquals(302, other.signIn("ROMEO@Capulet.Example", ROMEO_PASSWORD).statusCode());
        assertTrue(other.home().body().contains("Signed in as romeo@capulet.example"));
    }

    @Test
    void aFailedSignInNeverSaysWhichPartWasWrong() throws Exception {
        Browser browser = site.browser();
        Map<String, HttpResponse<byte[]>> failures = new java.util.LinkedHashMap<>();

        failures.put("wrong password", browser.signIn("juliet@capulet.example", "not-her-password"));
        failures.put("unknown user", browser.signIn("benvolio@capulet.example", JULIET_PASSWORD));
        failures.put("empty password", browser.signIn("juliet@capulet.example", ""));
        failures.put("empty address", browser.signIn("", JULIET_PASSWORD));
        failures.put("both empty", browser.signIn("", ""));
        failures.put("another user's password", browser.signIn("juliet", ROMEO_PASSWORD));

        String first = text(failures.get("wrong password"));
        assertTrue(first.contains(SIGN_IN_FAILED), first);
        failures.forEach((what, response) -> assertAll(what,
                () -> assertEquals(200, response.statusCode()),
                () -> assertEquals(first, text(response), "the same page, word for word, as for a wrong password"),
                () -> assertFalse(text(response).contains("Signed in as"))));
        assertTrue(browser.home().body().contains("action=\"sign-in\""), "still signed out");
        assertEquals(401, browser.export(Map.of()).statusCode());
    }

    @Test
    void anAddressOfAnotherDomainIsTurnedAwayAndDoesNotSignIn() throws Exception {
        Browser browser = site.browser();

        HttpResponse<byte[]> response = browser.signIn("juliet@montague.example", JULIET_PASSWORD);

        assertEquals(200, response.statusCode());
        assertTrue(text(response).contains("This server holds accounts of capulet.example only."), text(response));
        assertFalse(text(response).contains("Signed in as"));
        assertEquals(401, browser.export(Map.of()).statusCode());
    }

    @Test
    void signingInIssuesANewSessionIdAndTheOldOneIsWorthNothing() throws Exception {
        Browser victim = site.browser();
        victim.home();
        String before = victim.sessionCookie().orElseThrow().getValue();
        String tokenBefore = victim.token();

        assertEquals(302, victim.signIn("juliet", JULIET_PASSWORD).statusCode());

        String after = victim.sessionCookie().orElseThrow().getValue();
        assertNotEquals(before, after, "session fixation: the id changes at sign-in");
        assertNotEquals(tokenBefore, victim.token(), "and so does the CSRF token");
        Browser attacker = site.browser();
        attacker.useSessionCookie(before);
        assertFalse(attacker.home().body().contains("Signed in as"), "the id from before the sign-in is not signed in");
        HttpResponse<byte[]> stolen = attacker.postForm("export", Map.of("csrf", tokenBefore));
        assertEquals(401, stolen.statusCode(), text(stolen));
    }

    @Test
    void aSignInWithoutTheSessionsTokenIsRefusedAndDoesNotSignIn() throws Exception {
        Browser browser = site.browser();
        String token = browser.token();
        String othersToken = site.browser().token();

        HttpResponse<byte[]> none = browser.postForm("sign-in", Map.of("address", "juliet", "password", JULIET_PASSWORD));
        HttpResponse<byte[]> wrong = browser.postForm("sign-in", Map.of("csrf", token.substring(1) + "0", "address", "juliet",
                "password", JULIET_PASSWORD));
        HttpResponse<byte[]> foreign = browser.postForm("sign-in", Map.of("csrf", othersToken, "address", "juliet",
                "password", JULIET_PASSWORD));
        HttpResponse<byte[]> noSession = site.browser().postForm("sign-in", Map.of("csrf", token, "address", "juliet",
                "password", JULIET_PASSWORD));

        for (HttpResponse<byte[]> response : List.of(none, wrong, foreign, noSession)) {
            assertEquals(403, response.statusCode(), text(response));
            assertTrue(text(response).contains("This form has expired. Please try again."), text(response));
        }
        assertFalse(browser.home().body().contains("Signed in as"));
        assertEquals(401, browser.export(Map.of()).statusCode());
    }

    // ---- throttling ----

    @Test
    void afterTooManyFailuresForAnAccountEvenTheRightPasswordIsRefusedFor429() throws Exception {
        restart(throttle(3, 50), SelfService.DEFAULT_MAX_UPLOAD_BYTES);
        Browser guesser = site.browser();
        for (int i = 0; i < 3; i++) {
            HttpResponse<byte[]> guess = guesser.signIn("juliet", "guess" + i);
            assertEquals(200, guess.statusCode());
            assertTrue(text(guess).contains(SIGN_IN_FAILED), text(guess));
        }

        HttpResponse<byte[]> fourth = guesser.signIn("juliet", JULIET_PASSWORD);

        assertEquals(429, fourth.statusCode(), text(fourth));
        assertTrue(text(fourth).contains("Too many attempts. Please wait 15 minutes and try again."), text(fourth));
        assertFalse(guesser.home().body().contains("Signed in as"));
        // the account is held off from any address: it is what is guessed at
        RawResponse elsewhereJuliet = signInFrom("127.0.0.2", "juliet", JULIET_PASSWORD);
        assertEquals(429, elsewhereJuliet.status(), elsewhereJuliet.body());
        // another account from another address is not affected
        RawResponse romeoElsewhere = signInFrom("127.0.0.3", "romeo", ROMEO_PASSWORD);
        assertEquals(302, romeoElsewhere.status(), romeoElsewhere.body());
        // nor from the guesser's address, below its own limit
        Browser sameAddress = site.browser();
        assertEquals(302, sameAddress.signIn("romeo", ROMEO_PASSWORD).statusCode());
    }

    @Test
    void afterTooManyFailuresFromOneAddressItIsHeldOffForEveryAccountButOthersAreNot() throws Exception {
        restart(throttle(50, 3), SelfService.DEFAULT_MAX_UPLOAD_BYTES);
        Browser sprayer = site.browser();
        for (String user : List.of("juliet", "romeo", "nobody")) {
            assertTrue(text(sprayer.signIn(user, "Password1")).contains(SIGN_IN_FAILED));
        }

        HttpResponse<byte[]> refused = sprayer.signIn("jules", JULES_PASSWORD);

        assertEquals(429, refused.statusCode(), text(refused));
        assertTrue(text(refused).contains(TOO_MANY), text(refused));
        RawResponse fromElsewhere = signInFrom("127.0.0.2", "jules", JULES_PASSWORD);
        assertEquals(302, fromElsewhere.status(), "another address is not affected: " + fromElsewhere.body());
    }

    @Test
    void everySpellingOfAnAccountCountsAgainstTheSameLimit() throws Exception {
        restart(throttle(3, 50), SelfService.DEFAULT_MAX_UPLOAD_BYTES);
        Browser guesser = site.browser();
        for (String spelling : List.of("JULIET", "Juliet@CAPULET.example", "juliet@capulet.example/guessing")) {
            assertTrue(text(guesser.signIn(spelling, "guess")).contains(SIGN_IN_FAILED), spelling);
        }

        HttpResponse<byte[]> fullWidth = guesser.signIn("\uFF4A\uFF55\uFF4C\uFF49\uFF45\uFF54", JULIET_PASSWORD);

        assertEquals(429, fullWidth.statusCode(), "full-width letters are juliet too (nodeprep): " + text(fullWidth));
    }

    /** A sign-in by a visitor at another loopback address: the start page for a cookie and token, then the form. */
    private RawResponse signInFrom(String address, String user, String password) throws IOException {
        RawResponse start = site.fromAddress(address, "GET", "", null, null);
        assertEquals(200, start.status(), start.body());
        String cookie = SelfServiceSite.sessionCookie(start);
        String form = "csrf=" + csrf(start.body()) + "&address=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return site.fromAddress(address, "POST", "sign-in", cookie, form);
    }

    // ---- download my data ----

    @Test
    void downloadingNeedsASignedInSession() throws Exception {
        Browser visitor = site.browser();
        String token = visitor.token();

        HttpResponse<byte[]> withSession = visitor.postForm("export", Map.of("csrf", token));
        HttpResponse<byte[]> withoutSession = site.browser().postForm("export", Map.of("csrf", token));

        for (HttpResponse<byte[]> response : List.of(withSession, withoutSession)) {
            assertEquals(401, response.statusCode());
            assertTrue(text(response).contains("Your session has ended. Please sign in again."), text(response));
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertFalse(response.headers().firstValue("Content-Disposition").isPresent());
        }
    }

    @Test
    void downloadingNeedsTheSessionsToken() throws Exception {
        Browser browser = signedIn("juliet", JULIET_PASSWORD);
        String othersToken = signedIn("romeo", ROMEO_PASSWORD).token();

        HttpResponse<byte[]> none = browser.postForm("export", Map.of());
        HttpResponse<byte[]> wrong = browser.postForm("export", Map.of("csrf", "00" + browser.token().substring(2)));
        HttpResponse<byte[]> foreign = browser.postForm("export", Map.of("csrf", othersToken));

        for (HttpResponse<byte[]> response : List.of(none, wrong, foreign)) {
            assertEquals(403, response.statusCode(), text(response));
            assertTrue(text(response).contains("This form has expired. Please try again."), text(response));
            assertFalse(response.headers().firstValue("Content-Disposition").isPresent());
        }
    }

    @Test
    void theDownloadHoldsExactlyTheSignedInUserWithoutCredentials() throws Exception {
        Browser browser = signedIn("juliet", JULIET_PASSWORD);

        HttpResponse<byte[]> response = browser.export(Map.of());

        assertEquals(200, response.statusCode(), text(response));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        String disposition = response.headers().firstValue("Content-Disposition").orElse("");
        Matcher names = DISPOSITION.matcher(disposition);
        assertTrue(names.matches(), disposition);
        assertEquals("juliet@capulet.example-" + datedToday(names.group(1), "juliet@capulet\\.example-", "") + ".xml", names.group(1));
        assertEquals(names.group(1), URLDecoder.decode(names.group(2), StandardCharsets.UTF_8), "filename*= names the same file");
        List<PieEntry.HostUser> users = users(response.body());
        assertEquals(List.of("juliet"), users.stream().map(u -> u.user().name()).toList());
        assertEquals(DOMAIN, users.get(0).host().getDomain());
        SelfServiceSite.assertSameUser(juliet, users.get(0).user(), false);
        String xml = new String(response.body(), StandardCharsets.UTF_8);
        assertFalse(xml.contains(JULIET_PASSWORD), "no password in the file");
        assertFalse(xml.contains("scram"), "no SCRAM element in the file");
        assertEquals(0, server.writes(), "a download writes nothing");
    }

    /** The date after {@code prefix} (a regex) in a file name: today, or yesterday when the test ran over midnight. */
    private static LocalDate datedToday(String name, String prefix, String suffix) {
        Matcher dated = Pattern.compile(prefix + "(\\d{4}-\\d{2}-\\d{2})" + Pattern.quote(suffix) + "\\.xml.*").matcher(name);
        assertTrue(dated.matches(), name);
        LocalDate day = LocalDate.parse(dated.group(1));
        assertTrue(day.equals(LocalDate.now()) || day.equals(LocalDate.now().minusDays(1)), "dated today: " + name);
        return day;
    }

    @Test
    void withCredentialsTheDownloadHoldsThePasswordAndSaysSoInItsName() throws Exception {
        Browser browser = signedIn("juliet", JULIET_PASSWORD);

        HttpResponse<byte[]> response = browser.export(Map.of("credentials", "true"));

        assertEquals(200, response.statusCode(), text(response));
        Matcher names = DISPOSITION.matcher(response.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(names.matches());
        assertEquals("juliet@capulet.example-" + datedToday(names.group(1), "juliet@capulet\\.example-", "-with-credentials")
                + "-with-credentials.xml", names.group(1));
        List<PieEntry.HostUser> users = users(response.body());
        assertEquals(1, users.size());
        SelfServiceSite.assertSameUser(juliet, users.get(0).user(), true);
        assertEquals(JULIET_PASSWORD, users.get(0).user().password());
    }

    @Test
    void aNonAsciiAccountsFileNameIsSafeInBothForms() throws Exception {
        seed(UserData.builder("zoë").password("ångström").build());
        Browser browser = signedIn("zoë", "ångström");

        HttpResponse<byte[]> response = browser.export(Map.of());

        assertEquals(200, response.statusCode(), text(response));
        String disposition = response.headers().firstValue("Content-Disposition").orElse("");
        LocalDate day = datedToday(disposition, "attachment; filename=\"zo_@capulet\\.example-", "");
        assertEquals("attachment; filename=\"zo_@capulet.example-" + day + ".xml\"; filename*=UTF-8''zo%C3%AB%40capulet.example-"
                + day + ".xml", disposition);
        assertEquals(List.of("zoë"), users(response.body()).stream().map(u -> u.user().name()).toList());
    }

    @Test
    void craftedParametersCannotDownloadAnotherAccount() throws Exception {
        Browser browser = signedIn("juliet", JULIET_PASSWORD);
        String token = browser.token();
        List<Map<String, String>> crafted = List.of(
                Map.of("users", "romeo"), Map.of("user", "romeo"), Map.of("account", "romeo"),
                Map.of("address", "romeo@capulet.example"), Map.of("username", "romeo"), Map.of("jid", "romeo@capulet.example"),
                Map.of("users", "romeo juliet"), Map.of("users", ""), Map.of("accountportability.account", "romeo"));

        for (Map<String, String> fields : crafted) {
            Map<String, String> all = new HashMap<>(fields);
            all.put("csrf", token);
            assertOnlyJuliet(fields.toString(), browser.postForm("export", all));
            String query = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .reduce((a, b) -> a + "&" + b).orElseThrow();
            assertOnlyJuliet("?" + query, browser.postForm("export?" + query, Map.of("csrf", token)));
        }
        List<List<String>> repeated = List.of(List.of("csrf", token), List.of("users", "juliet"), List.of("users", "romeo"));
        assertOnlyJuliet("repeated users", browser.postForm("export", repeated));
    }

    @Test
    void craftedPathsCannotDownloadAnotherAccount() throws Exception {
        Browser browser = signedIn("juliet", JULIET_PASSWORD);
        String token = browser.token();

        for (String path : List.of("export/../romeo", "export/romeo", "export;user=romeo", "export;jsessionid=x/../romeo",
                "romeo/../export", "export%2F..%2Fromeo", "export/%2e%2e/romeo", "./export?user=romeo", "export/", "%65xport")) {
            assertOnlyJuliet(path, browser.postForm(path, Map.of("csrf", token)));
        }
    }

    /** Juliet's own download, or an error page that holds nobody's data. */
    private void assertOnlyJuliet(String what, HttpResponse<byte[]> response) throws IOException {
        String body = text(response);
        if (response.statusCode() == 200 && response.headers().firstValue("Content-Type").orElse("").startsWith("application/xml")) {
            List<PieEntry.HostUser> users = users(response.body());
            assertEquals(List.of("juliet"), users.stream().map(u -> u.user().name()).toList(), what);
            SelfServiceSite.assertSameUser(juliet, users.get(0).user(), false);
        } else {
            assertNotEquals(200, response.statusCode(), what + ": " + body);
            assertFalse(body.contains("<server-data"), what + ": " + body);
        }
        assertFalse(body.contains("user name=\"romeo\"") || body.contains("user name='romeo'"), what + ": romeo's data in " + body);
    }

    // ---- import ----

    @Test
    void aPreviewOfAProsodyExportIsADryRunDescribedInPlainWords() throws Exception {
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> preview = browser.preview("juliet@prosody.example.xml", bytes(PROSODY_JULIET));

        assertEquals(200, preview.statusCode(), preview.body());
        assertTrue(preview.body().contains("<h2>This is what the import would do</h2>"), preview.body());
        List<String> sentences = listItems(preview.body());
        assertAll(preview.body(),
                () -> assertTrue(sentences.contains("6 contacts will be added"), sentences.toString()),
                () -> assertTrue(sentences.contains("2 waiting contact requests will be kept"), sentences.toString()),
                () -> assertTrue(sentences.contains("your profile will be set"), sentences.toString()),
                () -> assertTrue(sentences.contains("3 private settings (such as bookmarks) will be stored"), sentences.toString()),
                () -> assertTrue(sentences.contains("8 published items (such as your avatar) will be added"), sentences.toString()),
                () -> assertFalse(sentences.stream().anyMatch(s -> s.contains("switched off")), "unticked kinds say nothing"),
                () -> assertTrue(preview.body().contains(">Import</button>"), "a confirm button"));
        assertEquals(0, server.writes(), "a preview writes nothing");
        assertEquals(List.of(), server.snapshot("jules").roster());
        assertEquals(1, site.uploadsLeft().size(), "the upload waits for the confirmation");
    }

    @Test
    void confirmingImportsIntoTheSignedInAccountNotTheOneTheFileNames() throws Exception {
        Browser browser = signedIn("jules", JULES_PASSWORD);
        UserData julietBefore = server.snapshot("juliet");
        UserData fromFile = onlyUser(PROSODY_JULIET);
        HttpResponse<String> preview = browser.preview("juliet@prosody.example.xml", bytes(PROSODY_JULIET));

        HttpResponse<String> done = browser.confirm(preview.body());

        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("<h2>Imported</h2>"), done.body());
        assertFalse(done.body().contains("stopped part way"), done.body());
        List<String> sentences = listItems(done.body());
        assertTrue(sentences.contains("6 contacts were added"), sentences.toString());
        assertTrue(sentences.contains("your profile was set"), sentences.toString());
        assertTrue(sentences.contains("8 published items (such as your avatar) were added"), sentences.toString());
        UserData jules = server.snapshot("jules");
        assertEquals(fromFile.roster(), jules.roster(), "the contacts keep their addresses");
        assertEquals(fromFile.vCard(), jules.vCard());
        assertEquals(3, jules.privateXml().size());
        assertEquals(JULES_PASSWORD, jules.password(), "the account keeps its password");
        assertEquals(List.of(), jules.archive(), "the message history is not imported");
        assertEquals(Set.of("juliet", "romeo", "jules"), server.usernames(), "no account made after the file's name");
        assertEquals(julietBefore, server.snapshot("juliet"), "juliet@capulet.example, named like the file's user, is untouched");
        assertEquals(List.of(), site.uploadsLeft(), "the upload is deleted once imported");
    }

    @Test
    void aSecondConfirmWithoutANewPreviewSaysThePreviewExpired() throws Exception {
        Browser browser = signedIn("jules", JULES_PASSWORD);
        HttpResponse<String> preview = browser.preview("juliet@prosody.example.xml", bytes(PROSODY_JULIET));
        assertEquals(200, browser.confirm(preview.body()).statusCode());
        int writes = server.writes();
        UserData after = server.snapshot("jules");

        HttpResponse<String> again = browser.confirm(preview.body());

        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("This preview has expired. Please choose the file again."), again.body());
        assertEquals(writes, server.writes(), "nothing written twice");
        assertEquals(after, server.snapshot("jules"));
    }

    @Test
    void aConfirmWithoutAnyPreviewIsExpiredAndWritesNothing() throws Exception {
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> confirm = browser.postEmpty("import?csrf=" + browser.token() + "&step=confirm");

        assertEquals(409, confirm.statusCode(), confirm.body());
        assertTrue(confirm.body().contains("This preview has expired."), confirm.body());
        assertEquals(0, server.writes());
    }

    @Test
    void aPreviewMadeForOneAccountCannotBeConfirmedIntoAnotherSignedInLater() throws Exception {
        Browser browser = signedIn("jules", JULES_PASSWORD);
        HttpResponse<String> preview = browser.preview("juliet@prosody.example.xml", bytes(PROSODY_JULIET));
        assertEquals(200, preview.statusCode());
        browser.signedIn("romeo", ROMEO_PASSWORD); // same browser, without signing out
        UserData romeoBefore = server.snapshot("romeo");

        HttpResponse<String> confirm = browser.postEmpty("import?csrf=" + browser.token() + "&step=confirm");

        assertEquals(409, confirm.statusCode(), confirm.body());
        assertEquals(0, server.writes());
        assertEquals(romeoBefore, server.snapshot("romeo"));
    }

    @Test
    void kindsNotTickedAreNotImported() throws Exception {
        Browser browser = signedIn("jules", JULES_PASSWORD);
        List<String> kinds = new ArrayList<>(ALL_KINDS);
        kinds.remove("vcard");
        kinds.remove("pep");

        HttpResponse<String> preview = browser.preview("juliet@prosody.example.xml", bytes(PROSODY_JULIET), kinds, "merge");
        List<String> planned = listItems(preview.body());
        HttpResponse<String> done = browser.confirm(preview.body());

        assertFalse(planned.stream().anyMatch(s -> s.contains("profile") || s.contains("published")), planned.toString());
        assertTrue(planned.contains("6 contacts will be added"), planned.toString());
        assertEquals(200, done.statusCode(), done.body());
        UserData jules = server.snapshot("jules");
        assertNull(jules.vCard(), "the profile was not ticked");
        assertEquals(List.of(), jules.pepNodes(), "published data was not ticked");
        assertEquals(6, jules.roster().size(), "the contacts were");
    }

    @Test
    void withNoKindTickedNothingIsImported() throws Exception {
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> preview = browser.preview("juliet@prosody.example.xml", bytes(PROSODY_JULIET), List.of(), "merge");
        HttpResponse<String> done = browser.confirm(preview.body());

        assertEquals(List.of(), withoutNotes(listItems(preview.body())), "nothing would change: " + preview.body());
        assertEquals(0, server.writes(), done.body());
        assertEquals(UserData.builder("jules").password(JULES_PASSWORD).build(), server.snapshot("jules"));
    }

    /** Jules already has tybalt (another name, subscription and group than the file's) and friar, who is not in the file. */
    private void seedJulesRoster() {
        server.seed(UserData.builder("jules").password(JULES_PASSWORD)
                .rosterItem(item("tybalt@prosody.example", "Cousin", RosterItem.Subscription.BOTH, "Enemies"))
                .rosterItem(item("friar@verona.example", "Friar Laurence", RosterItem.Subscription.BOTH))
                .build());
    }

    @Test
    void mergeAddsContactsAndGroupsAndKeepsWhatIsThere() throws Exception {
        seedJulesRoster();
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> preview = browser.preview("juliet.xml", bytes(PROSODY_JULIET), List.of("roster"), "merge");
        List<String> planned = listItems(preview.body());
        HttpResponse<String> done = browser.confirm(preview.body());

        assertEquals(List.of("5 contacts will be added", "1 contact will get groups or a name from the file",
                "2 waiting contact requests will be kept"), withoutNotes(planned));
        assertTrue(listItems(done.body()).contains("1 contact got groups or a name from the file"), done.body());
        Map<String, RosterItem> roster = rosterOf(server.snapshot("jules"));
        assertEquals(7, roster.size(), roster.toString());
        RosterItem tybalt = roster.get("tybalt@prosody.example");
        assertEquals("Cousin", tybalt.name(), "merge keeps the existing name");
        assertEquals(RosterItem.Subscription.BOTH, tybalt.subscription(), "and the subscription");
        assertEquals(List.of("Enemies", "家族", "Capulet"), tybalt.groups(), "and adds the file's groups");
        assertTrue(roster.containsKey("friar@verona.example"), "a contact not in the file stays");
    }

    @Test
    void replaceMakesTheRosterTheFilesOne() throws Exception {
        seedJulesRoster();
        Browser browser = signedIn("jules", JULES_PASSWORD);
        UserData fromFile = onlyUser(PROSODY_JULIET);

        HttpResponse<String> preview = browser.preview("juliet.xml", bytes(PROSODY_JULIET), List.of("roster"), "replace");
        List<String> planned = listItems(preview.body());
        HttpResponse<String> done = browser.confirm(preview.body());

        assertEquals(List.of("5 contacts will be added", "1 contact will be replaced by the file's",
                "1 contact that is not in the file will be removed", "2 waiting contact requests will be kept"), withoutNotes(planned));
        assertTrue(listItems(done.body()).contains("1 contact that was not in the file was removed"), done.body());
        Map<String, RosterItem> roster = rosterOf(server.snapshot("jules"));
        assertEquals(rosterOf(fromFile), roster, "exactly the file's contacts");
        assertEquals(RosterItem.Subscription.FROM, roster.get("tybalt@prosody.example").subscription());
        assertFalse(roster.containsKey("friar@verona.example"));
    }

    @Test
    void aFileWithTwoAccountsIsRefusedAndWritesNothing() throws Exception {
        Browser browser = signedIn("jules", JULES_PASSWORD);
        byte[] two = file("prosody.example", UserData.builder("juliet").vCard(vCard("Juliet")).build(),
                UserData.builder("nurse").vCard(vCard("Nurse")).build());

        HttpResponse<String> preview = browser.preview("two.xml", two);

        assertEquals(400, preview.statusCode(), preview.body());
        assertTrue(preview.body().contains("This file holds more than one account. Ask your old provider for an export of yours only."),
                preview.body());
        assertFalse(preview.body().contains("step=confirm"), "nothing to confirm");
        assertEquals(List.of(), site.uploadsLeft());
        HttpResponse<String> confirm = browser.postEmpty("import?csrf=" + browser.token() + "&step=confirm");
        assertEquals(409, confirm.statusCode());
        assertEquals(0, server.writes());
        assertNull(server.snapshot("jules").vCard());
    }

    @Test
    void aFileOfAnotherLocalAccountStillGoesIntoTheSignedInOne() throws Exception {
        UserData romeoBefore = server.snapshot("romeo");
        // romeo@capulet.example: the very address of an account of this server
        UserData crafted = UserData.builder("romeo")
                .rosterItem(item("mercutio@verona.example", "Mercutio", RosterItem.Subscription.BOTH, "Friends"))
                .rosterItem(item("romeo@capulet.example", "Me", RosterItem.Subscription.BOTH))
                .vCard(vCard("Not Romeo")).build();
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> preview = browser.preview("romeo@capulet.example.xml", file(DOMAIN, crafted));
        HttpResponse<String> done = browser.confirm(preview.body());

        assertEquals(200, done.statusCode(), done.body());
        UserData jules = server.snapshot("jules");
        assertEquals(vCard("Not Romeo"), jules.vCard());
        assertEquals(Set.of("mercutio@verona.example"), rosterOf(jules).keySet(),
                "the file's own address became jules's and is not a contact");
        assertEquals(romeoBefore, server.snapshot("romeo"), "romeo's account is untouched");
        assertEquals(Set.of("juliet", "romeo", "jules"), server.usernames());
    }

    @Test
    void prosodysRomeoGoesIntoJulietsAccountAndRomeoIsUntouched() throws Exception {
        UserData romeoBefore = server.snapshot("romeo");
        int julietsContacts = juliet.roster().size();
        Browser browser = signedIn("juliet", JULIET_PASSWORD);

        HttpResponse<String> preview = browser.preview("romeo@prosody.example.xml", bytes(PROSODY_ROMEO));
        HttpResponse<String> done = browser.confirm(preview.body());

        assertEquals(200, done.statusCode(), done.body());
        assertEquals(romeoBefore, server.snapshot("romeo"));
        assertTrue(server.snapshot("juliet").roster().size() > julietsContacts, "juliet got romeo's file's contacts");
    }

    @Test
    void importingNeedsASignedInSessionAndTheToken() throws Exception {
        Browser visitor = site.browser();
        String token = visitor.token();
        List<SelfServiceSite.Part> parts = List.of(SelfServiceSite.Part.file("juliet.xml", bytes(PROSODY_JULIET)),
                SelfServiceSite.Part.field("kind", "roster"));

        HttpResponse<String> notSignedIn = visitor.postMultipart("import?csrf=" + token, parts);
        Browser browser = signedIn("jules", JULES_PASSWORD);
        HttpResponse<String> noToken = browser.postMultipart("import", parts);
        HttpResponse<String> wrongToken = browser.postMultipart("import?csrf=" + token, parts);
        HttpResponse<String> tokenInBodyOnly = browser.postMultipart("import", List.of(SelfServiceSite.Part.field("csrf", browser.token()),
                SelfServiceSite.Part.file("juliet.xml", bytes(PROSODY_JULIET)), SelfServiceSite.Part.field("kind", "roster")));

        assertEquals(401, notSignedIn.statusCode(), notSignedIn.body());
        assertEquals(403, noToken.statusCode(), noToken.body());
        assertEquals(403, wrongToken.statusCode(), wrongToken.body());
        assertEquals(403, tokenInBodyOnly.statusCode(), "the token counts only in the query string, checked before the body is read: "
                + tokenInBodyOnly.body());
        assertEquals(0, server.writes());
        HttpResponse<String> confirm = browser.postEmpty("import?csrf=" + token + "&step=confirm");
        assertEquals(403, confirm.statusCode(), "the confirm step needs the token too");
        assertEquals(0, server.writes());
    }

    @Test
    void anUploadedFileNameNeverChoosesWhereTheFileIsKept() throws Exception {
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> preview = browser.preview("../../escape.xml", bytes(PROSODY_JULIET));

        assertEquals(200, preview.statusCode(), preview.body());
        List<Path> kept = site.uploadsLeft();
        assertEquals(1, kept.size());
        assertTrue(kept.get(0).getFileName().toString().matches("self-[0-9a-f-]{36}\\.xml"), kept.toString());
        assertFalse(Files.exists(work.resolve("escape.xml")) || Files.exists(work.getParent().resolve("escape.xml")));
    }

    // ---- hostile uploads ----

    private void assertRefusedCleanly(String what, HttpResponse<String> response) throws IOException {
        assertAll(what,
                () -> assertEquals(400, response.statusCode(), response.body()),
                () -> assertTrue(response.body().contains("class=\"error\" role=\"alert\""), response.body()),
                () -> assertFalse(response.body().contains("step=confirm"), "nothing to confirm"),
                () -> assertEquals(0, server.writes(), "nothing written"),
                () -> assertEquals(List.of(), site.uploadsLeft(), "no upload left behind"));
    }

    @Test
    void anExternalEntityToALocalFileIsRefusedAndTheSecretNeverShown() throws Exception {
        Path secret = elsewhere.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        String xml = "<?xml version='1.0'?>\n<!DOCTYPE server-data [<!ENTITY xxe SYSTEM '" + secret.toUri() + "'>]>\n"
                + "<server-data xmlns='urn:xmpp:pie:0'><host jid='capulet.example'><user name='jules'>"
                + "<vCard xmlns='vcard-temp'><FN>&xxe;</FN></vCard></user></host></server-data>";
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> response = browser.preview("xxe.xml", xml.getBytes(StandardCharsets.UTF_8));

        assertRefusedCleanly("XXE", response);
        assertTrue(response.body().contains("This file cannot be imported:"), response.body());
        assertFalse(response.body().contains("TOP-SECRET-42"));
        assertNull(server.snapshot("jules").vCard());
    }

    @Test
    void billionLaughsIsRefused() throws Exception {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE server-data [<!ENTITY lol0 'lol'>");
        for (int level = 1; level <= 10; level++) {
            doctype.append("<!ENTITY lol").append(level).append(" '").append(("&lol" + (level - 1) + ";").repeat(10)).append("'>");
        }
        String xml = "<?xml version='1.0'?>\n" + doctype + "]>\n<server-data xmlns='urn:xmpp:pie:0'><host jid='capulet.example'>"
                + "<user name='jules'><vCard xmlns='vcard-temp'><FN>&lol10;</FN></vCard></user></host></server-data>";
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> response = browser.preview("laughs.xml", xml.getBytes(StandardCharsets.UTF_8));

        assertRefusedCleanly("billion laughs", response);
        assertTrue(response.body().contains("This file cannot be imported:"), response.body());
        assertFalse(response.body().contains("lollol"));
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        byte[] whole = bytes(PROSODY_JULIET);
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> response = browser.preview("juliet.xml", java.util.Arrays.copyOf(whole, whole.length / 2));

        assertRefusedCleanly("truncated", response);
        assertTrue(response.body().contains("This file cannot be imported:"), response.body());
        assertEquals(List.of(), server.snapshot("jules").roster());
    }

    @Test
    void aFileThatIsNotXmlIsRefused() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> image = browser.preview("holiday.png", png);
        assertRefusedCleanly("PNG", image);
        HttpResponse<String> prose = browser.preview("notes.txt", "Dear Romeo, meet me at nine.".getBytes(StandardCharsets.UTF_8));
        assertRefusedCleanly("text", prose);
        HttpResponse<String> html = browser.preview("page.html", "<html><body>hello</body></html>".getBytes(StandardCharsets.UTF_8));
        assertRefusedCleanly("HTML", html);

        assertTrue(image.body().contains("This file cannot be imported:"), image.body());
    }

    @Test
    void anXIncludeInAnUploadIsRefused() throws Exception {
        Path secret = elsewhere.resolve("other.xml");
        Files.writeString(secret, "<user xmlns='urn:xmpp:pie:0' name='romeo'/>");
        String xml = "<server-data xmlns='urn:xmpp:pie:0' xmlns:xi='http://www.w3.org/2001/XInclude'><host jid='capulet.example'>"
                + "<xi:include href='" + secret.toUri() + "'/></host></server-data>";
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> response = browser.preview("include.xml", xml.getBytes(StandardCharsets.UTF_8));

        assertRefusedCleanly("XInclude", response);
    }

    @Test
    void aUserNameThatIsNoAddressIsAClearErrorAndLeavesNoFile() throws Exception {
        String xml = "<server-data xmlns='urn:xmpp:pie:0'><host jid='prosody.example'><user name='a b@c'>"
                + "<vCard xmlns='vcard-temp'><FN>x</FN></vCard></user></host></server-data>";
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> response = browser.preview("bad-name.xml", xml.getBytes(StandardCharsets.UTF_8));

        assertRefusedCleanly("invalid user name", response);
    }

    @Test
    void anEmptyUploadAsksForAFile() throws Exception {
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> response = browser.preview("empty.xml", new byte[0]);

        assertRefusedCleanly("empty", response);
        assertTrue(response.body().contains("Please choose a file."), response.body());
    }

    /** Juliet's Prosody export grown past 100 KB by a comment before its root: still a valid export. */
    private static byte[] paddedPast100KB() throws IOException {
        return Files.readString(PROSODY_JULIET).replace("<server-data ", "<!--" + "x".repeat(100 * 1024) + "--><server-data ")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anUploadOverTheLimitIsRefusedAndWritesNothing() throws Exception {
        restart(throttle(5, 20), 64 * 1024);
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> response = browser.preview("juliet.xml", paddedPast100KB());

        assertTrue(response.statusCode() == 413 || response.statusCode() == 400, response.statusCode() + ": " + response.body());
        assertFalse(response.body().contains("step=confirm"), response.body());
        assertEquals(0, server.writes());
        assertEquals(List.of(), site.uploadsLeft());
        HttpResponse<String> small = browser.preview("juliet.xml", bytes(PROSODY_JULIET));
        assertEquals(200, small.statusCode(), "a file within the limit is fine: " + small.body());
    }

    @Test
    void anUploadOverTheLimitIsRefusedWith413AndThePagesOwnText() throws Exception {
        restart(throttle(5, 20), 64 * 1024);
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> response = browser.preview("juliet.xml", paddedPast100KB());

        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("The file is larger than"), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        assertEquals(0, server.writes());
    }

    @Test
    void aForgedOversizedUploadIsRefusedAsForgedBeforeItsBodyIsRead() throws Exception {
        restart(throttle(5, 20), 64 * 1024);
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> response = browser.postMultipart("import?csrf=" + "0".repeat(48),
                List.of(SelfServiceSite.Part.file("juliet.xml", paddedPast100KB())));

        assertEquals(403, response.statusCode(), response.body());
    }

    @Test
    void theTemporaryPartsOfABigUploadAreDeletedWhetherItIsImportedOrRefused() throws Exception {
        Path multipartTemp = Files.createDirectory(elsewhere.resolve("jetty-multipart"));
        String tmp = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", multipartTemp.toString()); // read once, when the site is built
        try {
            restart(throttle(5, 20), SelfService.DEFAULT_MAX_UPLOAD_BYTES);
        } finally {
            System.setProperty("java.io.tmpdir", tmp);
        }
        Browser browser = signedIn("jules", JULES_PASSWORD);
        byte[] bigValid = Files.readString(PROSODY_JULIET).replace("<server-data ", "<!--" + "x".repeat(2 * 1024 * 1024) + "--><server-data ")
                .getBytes(StandardCharsets.UTF_8);
        byte[] bigGarbage = new byte[2 * 1024 * 1024];
        new java.util.Random(1).nextBytes(bigGarbage);

        HttpResponse<String> refused = browser.preview("garbage.xml", bigGarbage);
        assertRefusedCleanly("2 MB of garbage", refused);
        HttpResponse<String> preview = browser.preview("juliet.xml", bigValid);
        assertEquals(200, preview.statusCode(), preview.body());
        assertEquals(200, browser.confirm(preview.body()).statusCode());

        try (Stream<Path> left = Files.list(multipartTemp)) {
            assertEquals(List.of(), left.toList(), "Jetty's spooled parts are deleted");
        }
        assertEquals(List.of(), site.uploadsLeft());
        assertEquals(6, server.snapshot("jules").roster().size());
    }

    // ---- sign-out ----

    @Test
    void signingOutEndsTheSession() throws Exception {
        Browser browser = signedIn("juliet", JULIET_PASSWORD);
        String cookie = browser.sessionCookie().orElseThrow().getValue();
        String token = browser.token();

        HttpResponse<byte[]> out = browser.signOut();

        assertEquals(302, out.statusCode());
        assertEquals(site.base(), site.location(out));
        assertTrue(browser.home().body().contains("action=\"sign-in\""), "the sign-in form again");
        Browser replay = site.browser();
        replay.useSessionCookie(cookie);
        HttpResponse<byte[]> export = replay.postForm("export", Map.of("csrf", token));
        assertEquals(401, export.statusCode(), "the old cookie is signed out: " + text(export));
    }

    @Test
    void aSignOutWithoutTheTokenDoesNothing() throws Exception {
        Browser browser = signedIn("juliet", JULIET_PASSWORD);

        HttpResponse<byte[]> forged = browser.postForm("sign-out", Map.of());

        assertEquals(302, forged.statusCode());
        assertTrue(browser.home().body().contains("Signed in as juliet@capulet.example"), "still signed in");
    }

    @Test
    void signingOutDeletesAPendingPreviewsFile() throws Exception {
        Browser browser = signedIn("jules", JULES_PASSWORD);
        assertEquals(200, browser.preview("juliet.xml", bytes(PROSODY_JULIET)).statusCode());
        assertEquals(1, site.uploadsLeft().size());

        browser.signOut();

        assertEquals(List.of(), site.uploadsLeft(), "the upload went with the session");
        assertEquals(0, server.writes());
    }

    @Test
    void aNewPreviewReplacesAndDeletesTheEarlierOnesFile() throws Exception {
        Browser browser = signedIn("jules", JULES_PASSWORD);
        browser.preview("juliet.xml", bytes(PROSODY_JULIET));
        Path first = site.uploadsLeft().get(0);

        browser.preview("romeo.xml", bytes(PROSODY_ROMEO));

        assertFalse(Files.exists(first), "the earlier upload is deleted");
        assertEquals(1, site.uploadsLeft().size());
    }

    // ---- escaping ----

    @Test
    void theUploadedFilesNameIsEscapedInTheErrorPage() throws Exception {
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> response = browser.preview("<script>alert(1)<img src=x onerror=alert(2)>.xml",
                "not xml".getBytes(StandardCharsets.UTF_8));

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("&lt;script&gt;alert(1)&lt;img src=x onerror=alert(2)&gt;.xml"), response.body());
        assertFalse(response.body().contains("<script"), response.body());
        assertFalse(response.body().contains("<img"), response.body());
    }

    @Test
    void aPrivacyListNameFromTheFileIsEscapedInTheNoteThatEchoesIt() throws Exception {
        String evil = "<script>alert(1)</script>";
        PrivacyLists.PrivacyRule denyAll = new PrivacyLists.PrivacyRule(null, null, false, 1, List.of());
        PrivacyLists.PrivacyRule allowAll = new PrivacyLists.PrivacyRule(null, null, true, 1, List.of());
        server.seed(UserData.builder("jules").password(JULES_PASSWORD)
                .privacy(new PrivacyLists(null, null, List.of(new PrivacyLists.PrivacyList(evil, List.of(denyAll))))).build());
        UserData file = UserData.builder("jules")
                .privacy(new PrivacyLists(null, null, List.of(new PrivacyLists.PrivacyList(evil, List.of(allowAll))))).build();
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> preview = browser.preview("lists.xml", file("prosody.example", file), List.of("privacy"), "merge");

        assertEquals(200, preview.statusCode(), preview.body());
        assertTrue(preview.body().contains("kept the account&#39;s own privacy list &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;"),
                preview.body());
        assertFalse(preview.body().contains("<script"), preview.body());
    }

    @Test
    void contactNamesFromTheFileAreNeverEchoedRaw() throws Exception {
        UserData file = UserData.builder("jules")
                .rosterItem(item("mallory@evil.example", "<script>alert(1)</script>", RosterItem.Subscription.BOTH, "<b>group</b>"))
                .vCard(vCard("<script>alert(2)</script>")).build();
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> preview = browser.preview("x.xml", file("prosody.example", file));
        HttpResponse<String> done = browser.confirm(preview.body());

        for (HttpResponse<String> page : List.of(preview, done)) {
            assertEquals(200, page.statusCode(), page.body());
            assertFalse(page.body().contains("<script") || page.body().contains("<b>"), page.body());
        }
        assertNotNull(server.snapshot("jules").vCard());
    }

    // ---- doubtful behaviour ----

    @Test
    void withNoKindTickedTheAccountsNameAndEmailStayAsTheyAre() throws Exception {
        UserData file = UserData.builder("jules")
                .account(new org.modernxmpp.portability.pie.model.AccountDetails("Jules from the file", "jules@file.example", null, null, Map.of()))
                .build();
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<String> preview = browser.preview("details.xml", file("prosody.example", file), List.of(), "merge");
        browser.confirm(preview.body());

        assertEquals(List.of(), withoutNotes(listItems(preview.body())), preview.body());
        assertEquals(0, server.writes());
        assertNull(server.snapshot("jules").account());
    }

    @Test
    void confirmingAnOlderPreviewNeverImportsAFileThatWasPreviewedLater() throws Exception {
        Browser browser = signedIn("jules", JULES_PASSWORD);
        HttpResponse<String> first = browser.preview("profile-only.xml",
                file("prosody.example", UserData.builder("jules").vCard(vCard("Jules, as previewed")).build()), List.of("vcard"), "merge");
        // a second tab: another file
        browser.preview("other.xml", file("prosody.example", UserData.builder("jules").vCard(vCard("Someone else")).build()),
                List.of("vcard"), "merge");

        HttpResponse<String> confirm = browser.confirm(first.body());

        XmlPayload imported = server.snapshot("jules").vCard();
        assertTrue(confirm.statusCode() == 409 || vCard("Jules, as previewed").equals(imported),
                "the first tab's Import imported " + imported);
    }

    @Test
    void anImportPostThatIsNotMultipartAsksForAFile() throws Exception {
        Browser browser = signedIn("jules", JULES_PASSWORD);

        HttpResponse<byte[]> response = browser.postForm("import?csrf=" + browser.token(), Map.of("kind", "roster"));

        assertEquals(400, response.statusCode(), text(response));
        assertTrue(text(response).contains("Please choose a file."), text(response));
    }
}
