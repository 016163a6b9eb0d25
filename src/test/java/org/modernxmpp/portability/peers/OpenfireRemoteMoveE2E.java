package org.modernxmpp.portability.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Moves to and from another server inside a real Openfire 5.1 (profile e2e; skipped unless {@code OPENFIRE_HOME} names
 * an installation): the plugin, with the Smack it carries, logs in to a real Prosody as the user's client from
 * Openfire's own self-service page. juliet on Openfire moves in from anna's Prosody account, then moves out to dora's.
 * Prosody serves the domain {@code localhost} on 127.0.0.1:5222, so the plugin finds it as it finds any server without
 * SRV records, and only once the admin allows internal addresses and trusts the test's CA on the settings page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenfireRemoteMoveE2E {
    private static final String DOMAIN = "capulet.example";
    private static final String PEER_DOMAIN = "localhost";
    private static final String SETTING = "plugin.accountportability.";

    private final PeerFill fill = new PeerFill(PEER_DOMAIN);
    private ProsodyPeer prosody;
    private OpenfirePeer openfire;
    private SelfServiceClient juliet;
    private String moveInFlow;

    @BeforeAll
    void start() throws Exception {
        java.nio.file.Path installation = OpenfirePeer.assumeInstalled();
        ProsodyPeer.assumeInstalled();
        prosody = ProsodyPeer.createWithTls("prosody/e2e-remote", "127.0.0.1", PEER_DOMAIN, 5222);
        for (String user : List.of(PeerFill.ANNA, PeerFill.BEN, PeerFill.CLEO, PeerFill.DORA)) {
            prosody.register(user, password(user));
        }
        prosody.start(PeerFill.BEN, PeerFill.BEN_PASSWORD);
        fill.fill(prosody.address(), new PeerFill.Peer(false, true));
        openfire = OpenfirePeer.create(installation, "remote-move", "127.0.0.4", DOMAIN, Map.of("juliet", "pw"), Map.of(DOMAIN, "127.0.0.4"));
        openfire.start();
        openfire.awaitReady("juliet", "pw", Duration.ofMinutes(3));
        juliet = SelfServiceClient.signIn(openfire.selfService(), "juliet@" + DOMAIN, "pw");
    }

    @AfterAll
    void stop() throws Exception {
        if (openfire != null) {
            openfire.close();
        }
        if (prosody != null) {
            prosody.close();
        }
    }

    private static String password(String user) {
        return switch (user) {
            case PeerFill.ANNA -> PeerFill.ANNA_PASSWORD;
            case PeerFill.BEN -> PeerFill.BEN_PASSWORD;
            case PeerFill.CLEO -> PeerFill.CLEO_PASSWORD;
            default -> PeerFill.DORA_PASSWORD;
        };
    }

    private HttpResponse<String> connect(String page, String user) throws Exception {
        return juliet.post(page, Map.of("csrf", juliet.token(), "step", "connect", "address", fill.jid(user), "password", password(user)));
    }

    @Test
    @Order(1)
    void aServerOnAnInternalAddressIsRefusedUntilTheAdminAllowsIt() throws Exception {
        HttpResponse<String> refused = connect("move-in", PeerFill.ANNA);
        assertEquals(502, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Your old account could not be read:"), refused.body());

        AdminHttp admin = AdminHttp.signIn(openfire);
        admin.set(SETTING + "remote.allowInternalAddresses", "true");
        admin.set(SETTING + "remote.trustStore", prosody.certificates().trustStore().toAbsolutePath().toString());
        admin.set(SETTING + "remote.trustStorePassword", TestCertificates.PASSWORD);
        admin.set(SETTING + "selfservice.closingNotice", "This server closes on 31 December. Please move your account.");
        assertTrue(juliet.home().contains("This server closes on 31 December."), "the admin's notice on the user's page");
    }

    @Test
    @Order(2)
    void julietMovesInFromHerProsodyAccount() throws Exception {
        HttpResponse<String> started = connect("move-in", PeerFill.ANNA);
        assertEquals(303, started.statusCode(), started.body() + "\n" + openfire.log());
        String location = started.headers().firstValue("Location").orElseThrow();
        String flow = location.substring(location.indexOf("flow=") + 5);
        moveInFlow = flow;
        String page = waitWhile(location, "Reading " + fill.jid(PeerFill.ANNA));
        assertTrue(page.contains("This is what your old account " + fill.jid(PeerFill.ANNA) + " holds"), page);
        assertTrue(page.contains("4 contacts will be added"), page);

        List<String> fields = new ArrayList<>(List.of("csrf", juliet.token(), "step", "confirm", "flow", flow, "policy", "merge"));
        for (String kind : List.of("roster", "vcard", "private_xml", "pep", "blocklist")) {
            fields.add("kind");
            fields.add(kind);
        }
        HttpResponse<String> done = juliet.post("move-in", fields);
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("4 contacts were added"), done.body());
        assertTrue(done.body().contains("Finish without telling my contacts"), done.body());

        try (PeerClient client = PeerClient.login(openfire.address(), "juliet", "pw")) {
            assertEquals(contacts(fill.rosters().get(PeerFill.ANNA)), contacts(ClientView.roster(client)), "juliet's roster on Openfire");
            assertEquals(Xml.payload(fill.vCard()), ClientView.vCard(client), "juliet's vCard on Openfire");
        }
    }

    @Test
    @Order(3)
    void julietMovesOutToAnAccountOnProsodyAndTheAdminSeesIt() throws Exception {
        String dora = fill.jid(PeerFill.DORA);
        assertEquals(503, connect("move-out", PeerFill.DORA).statusCode(), "one move at a time: the move in still holds its connection");
        HttpResponse<String> finished = juliet.post("move-in", Map.of("csrf", juliet.token(), "step", "finish", "flow", moveInFlow));
        assertTrue(finished.body().contains("The connection to your old account is closed"), finished.body());
        HttpResponse<String> started = connect("move-out", PeerFill.DORA);
        assertEquals(303, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        String flow = location.substring(location.indexOf("flow=") + 5);
        String page = waitWhile(location, "Reading this account and your new one");
        assertTrue(page.contains("This is what the move would put into " + dora), page);

        List<String> fields = new ArrayList<>(List.of("csrf", juliet.token(), "step", "confirm", "flow", flow, "policy", "merge",
                "audience", "contacts"));
        for (String kind : List.of("roster", "vcard", "private_xml", "pep", "blocklist")) {
            fields.add("kind");
            fields.add(kind);
        }
        assertEquals(303, juliet.post("move-out", fields).statusCode());
        page = waitWhile(location, "Copying into your new account", "is asking your contacts");
        assertTrue(page.contains("Done: this account now names " + dora), page);

        try (PeerClient doraClient = PeerClient.login(prosody.address(), PeerFill.DORA, PeerFill.DORA_PASSWORD)) {
            List<String> names = ClientView.roster(doraClient).stream().map(c -> c.jid() + "|" + c.name() + "|" + c.groups()).sorted().toList();
            List<String> expected = fill.rosters().get(PeerFill.ANNA).stream().map(c -> c.jid() + "|" + c.name() + "|"
                    + c.groups().stream().sorted().toList()).sorted().toList();
            assertEquals(expected, names, "dora's roster on Prosody");
            assertEquals(Xml.payload(fill.vCard()), ClientView.vCard(doraClient), "dora's vCard on Prosody");
        }
        String moves = AdminHttp.signIn(openfire).page("plugins/accountportability/moves");
        assertTrue(moves.contains("<tr><td>juliet</td><td>" + dora + "</td>"), moves);
        String log = openfire.log();
        for (String trouble : List.of("NoClassDefFoundError", "ClassNotFoundException", "LinkageError", "NoSuchMethodError",
                "Missing resource for key: system_property.plugin.accountportability")) {
            assertFalse(log.contains(trouble), trouble + " in Openfire's log:\n" + log);
        }
    }

    private static List<String> contacts(List<PeerFill.Contact> roster) {
        return roster.stream().map(c -> c.jid() + "|" + c.name() + "|" + c.subscription() + "|" + c.groups().stream().sorted().toList())
                .sorted().toList();
    }

    private String waitWhile(String location, String... working) throws Exception {
        return juliet.waitWhile(Duration.ofMinutes(2), location, working);
    }
}
