package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.pie.model.UserData;

/** "Moving to a new address" over real HTTP: the signed-in account, and only it, publishes and withdraws its statement. */
class SelfServiceMoveTest {
    @TempDir
    Path work;
    private final InMemoryServer server = new InMemoryServer("old.example");
    private SelfServiceSite site;

    @BeforeEach
    void start() throws Exception {
        server.seed(UserData.builder("juliet").password("pw").build());
        server.seed(UserData.builder("romeo").password("pw2").build());
        site = SelfServiceSite.start(server, Map.of("juliet", "pw", "romeo", "pw2"), work);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void publishesShowsAndWithdrawsTheStatementOfTheSignedInAccountOnly() throws Exception {
        SelfServiceSite.Browser juliet = site.browser();
        juliet.signedIn("juliet@old.example", "pw");

        HttpResponse<byte[]> published = juliet.postForm("move", Map.of("csrf", juliet.token(), "address", "juliet@new.example",
                "audience", "contacts", "account", "romeo", "username", "romeo"));

        assertEquals(200, published.statusCode(), body(published));
        assertTrue(body(published).contains("Your note is published: contacts who ask will learn your new address juliet@new.example"));
        assertEquals("urn:xmpp:moved:1", server.snapshot("juliet").pepNodes().get(0).node());
        assertEquals(List.of(), server.snapshot("romeo").pepNodes(), "whatever the request says, only the signed-in account");
        assertTrue(juliet.home().body().contains("This account says it moved to juliet@new.example."));

        HttpResponse<byte[]> withdrawn = juliet.postForm("move", Map.of("csrf", juliet.token(), "action", "withdraw"));
        assertTrue(body(withdrawn).contains("Your note is withdrawn."));
        assertEquals(List.of(), server.snapshot("juliet").pepNodes());
    }

    @Test
    void aBadAddressIsExplainedAndNothingIsPublished() throws Exception {
        SelfServiceSite.Browser juliet = site.browser();
        juliet.signedIn("juliet@old.example", "pw");

        HttpResponse<byte[]> response = juliet.postForm("move", Map.of("csrf", juliet.token(), "address", "juliet@old.example"));

        assertEquals(400, response.statusCode());
        assertTrue(body(response).contains("That address cannot be used: the new address is this account&#39;s own"), body(response));
        assertEquals(List.of(), server.snapshot("juliet").pepNodes());
    }

    @Test
    void withoutSessionOrTokenNothingHappens() throws Exception {
        SelfServiceSite.Browser visitor = site.browser();
        String token = visitor.token();
        assertEquals(401, visitor.postForm("move", Map.of("csrf", token, "address", "juliet@new.example")).statusCode());
        SelfServiceSite.Browser juliet = site.browser();
        juliet.signedIn("juliet@old.example", "pw");
        assertEquals(403, juliet.postForm("move", Map.of("csrf", "0".repeat(48), "address", "juliet@new.example")).statusCode());
        assertEquals(0, server.writes());
    }
}
