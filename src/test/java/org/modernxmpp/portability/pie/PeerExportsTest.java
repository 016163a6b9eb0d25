package org.modernxmpp.portability.pie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.PrivacyLists;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;

/**
 * Real exports written by Prosody 0.12.3 and ejabberd 23.01 (src/test/resources/peers, HOW-MADE.md says how) read
 * with nothing lost: each fact put into the servers comes back, and every element of every user in the source
 * reappears in what we write.
 */
class PeerExportsTest {
    private static final String JULIET_PASSWORD = "pencil-Jülïet";

    static Path peers(String server) throws URISyntaxException {
        return Path.of(PeerExportsTest.class.getResource("/peers/" + server).toURI());
    }

    static Map<String, UserData> read(Path export) throws IOException {
        try (PieReader reader = PieReader.open(export, ReadLimits.DEFAULT)) {
            return RoundTripTest.readAll(reader).stream().map(e -> (PieEntry.HostUser) e)
                    .collect(Collectors.toMap(u -> u.jid().toBareJID(), PieEntry.HostUser::user, (a, b) -> a, TreeMap::new));
        }
    }

    @Test
    void prosodyFolderOfUserFilesReadsEveryFact() throws Exception {
        Map<String, UserData> users = read(peers("prosody"));

        assertEquals(List.of("benvolio", "juliet", "mercutio", "nurse", "paris", "romeo", "tybalt"),
                users.keySet().stream().map(j -> j.substring(0, j.indexOf('@'))).toList());
        UserData juliet = users.get("juliet@prosody.example");
        assertEquals(1, juliet.scram().size());
        assertEquals(10000, juliet.scram().get(0).iterations());
        assertTrue(ScramCheck.matches(juliet.scram().get(0), JULIET_PASSWORD), "Prosody's SCRAM keys verify the password");
        assertTrue(ScramCheck.matches(users.get("romeo@prosody.example").scram().get(0), "secret"));
        assertNull(juliet.password());

        assertRoster(juliet, "prosody.example");
        assertEquals(List.of("mercutio@prosody.example", "paris@prosody.example"),
                juliet.pendingSubscriptions().stream().map(r -> r.from().toString()).toList());
        assertEquals("jabber:client", juliet.pendingSubscriptions().get(0).presence().namespace());

        assertEquals("Juliet Capulet", juliet.vCard().element().elementText("FN"));
        assertTrue(juliet.vCard().element().element("PHOTO").elementText("BINVAL").startsWith("iVBORw0KGgo"));
        assertEquals(List.of("{exodus:prefs}exodus", "{storage:bookmarks}storage", "{storage:rosternotes}storage"),
                juliet.privateXml().stream().map(p -> "{" + p.namespace() + "}" + p.name()).sorted().toList());

        Map<String, List<String>> pep = juliet.pepNodes().stream().collect(Collectors.toMap(PepNode::node,
                n -> n.items().stream().map(i -> i.id()).toList(), (a, b) -> a, TreeMap::new));
        assertEquals(Map.of(
                "http://jabber.org/protocol/nick", List.of("current"),
                "urn:example:balcony:0", List.of("scene-2", "scene-5"),
                "urn:xmpp:avatar:data", List.of("7c464aeb01d0a495530aa00f6057d18f7d703e4b"),
                "urn:xmpp:avatar:metadata", List.of("7c464aeb01d0a495530aa00f6057d18f7d703e4b"),
                "urn:xmpp:bookmarks:1", List.of("capulets@conference.prosody.example", "balcony@conference.prosody.example"),
                "urn:xmpp:vcard4", List.of("current")), pep);
        PepNode bookmarks = juliet.pepNodes().stream().filter(n -> n.node().equals("urn:xmpp:bookmarks:1")).findFirst().orElseThrow();
        assertEquals("whitelist", formValue(bookmarks.configuration(), "pubsub#access_model"));

        assertEquals(7, juliet.archive().size());
        assertTrue(juliet.archive().stream().anyMatch(m -> "日本語のメッセージ — こんにちは".equals(m.message().element().elementText("body"))));
        assertTrue(juliet.archive().stream().map(m -> m.stamp()).toList().equals(
                juliet.archive().stream().map(m -> m.stamp()).sorted().toList()), "archive oldest first");
        assertEquals(List.of(), juliet.extensions());
    }

    @Test
    void ejabberdXincludeExportReadsEveryFact() throws Exception {
        Map<String, UserData> users = read(peers("ejabberd").resolve("20261125-174927.xml"));

        assertEquals(7, users.size());
        UserData juliet = users.get("juliet@ejabberd.example");
        assertEquals(4096, juliet.scram().get(0).iterations());
        assertEquals(16, juliet.scram().get(0).salt().length, "ejabberd's double base64 decoded twice");
        assertTrue(ScramCheck.matches(juliet.scram().get(0), JULIET_PASSWORD), "ejabberd's SCRAM keys verify the password");
        assertTrue(ScramCheck.matches(users.get("nurse@ejabberd.example").scram().get(0), "secret"));

        assertRoster(juliet, "ejabberd.example");
        RosterItem friar = item(juliet, "friar@laurence.example");
        assertEquals(List.of("Clergy", "Allies"), friar.groups().stream().sorted(java.util.Comparator.reverseOrder()).toList());
        assertEquals(List.of("mercutio@ejabberd.example", "paris@ejabberd.example"),
                juliet.pendingSubscriptions().stream().map(r -> r.from().toString()).sorted().toList());

        assertEquals(4, juliet.offlineMessages().size());
        assertTrue(juliet.offlineMessages().stream().allMatch(m -> m.stamp() != null), "offline messages keep their delay stamps");
        assertEquals("Admin-sent offline chat: O, I am slain! ☠", juliet.offlineMessages().get(0).message().element().elementText("body"));

        PrivacyLists privacy = juliet.privacy();
        assertEquals("public", privacy.defaultList());
        assertEquals(List.of("public", "invisible"), privacy.lists().stream().map(PrivacyLists.PrivacyList::name).toList());
        var publicRules = privacy.lists().get(0).rules();
        assertEquals(7, publicRules.size());
        assertEquals(new PrivacyLists.PrivacyRule("jid", "spammer@evil.example", false, 0, List.of()), publicRules.get(0));
        assertEquals(List.of("presence-in", "message"), publicRules.get(3).stanzas());

        assertEquals(3, juliet.privateXml().size());
        assertEquals("Juliet Capulet", juliet.vCard().element().elementText("FN"));
        assertTrue(juliet.pepNodes().isEmpty() && juliet.archive().isEmpty(), "ejabberd exports no PEP and no archive");
    }

    @Test
    void dialectsAreRecognisedAndReported() throws Exception {
        try (PieReader prosody = PieReader.open(peers("prosody"), ReadLimits.DEFAULT);
             PieReader ejabberd = PieReader.open(peers("ejabberd").resolve("20261125-174927.xml"), ReadLimits.DEFAULT)) {
            RoundTripTest.readAll(prosody);
            RoundTripTest.readAll(ejabberd);
            assertTrue(prosody.notes().dialects().contains("Prosody: pending subscription requests without jabber:client namespace"));
            assertTrue(ejabberd.notes().dialects().contains("ejabberd: SCRAM values base64-encoded twice (decoded twice)"));
            assertFalse(prosody.notes().dialects().stream().anyMatch(d -> d.startsWith("ejabberd")));
        }
    }

    /** Every element inside every user of the source is in our output, by name, as often: modelled or carried. */
    @Test
    void everyElementOfTheSourceIsWrittenBack() throws Exception {
        for (Path source : List.of(peers("prosody").resolve("juliet@prosody.example.xml"),
                peers("prosody").resolve("benvolio@prosody.example.xml"),
                peers("ejabberd").resolve("20261125-174927_ejabberd_example.xml"))) {
            Map<String, UserData> users = read(source.getFileName().toString().startsWith("2026")
                    ? peers("ejabberd").resolve("20261125-174927.xml") : source);
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            try (PieWriter writer = new PieWriter(written)) {
                for (var user : users.entrySet()) {
                    writer.writeUser(jid(jid(user.getKey()).getDomain()), user.getValue());
                }
            }
            Map<String, Integer> inSource;
            try (InputStream in = Files.newInputStream(source)) {
                inSource = elementsInsideUsers(in);
            }
            Map<String, Integer> inOutput = elementsInsideUsers(new java.io.ByteArrayInputStream(written.toByteArray()));
            assertEquals(inSource, inOutput, "elements inside users of " + source.getFileName());
        }
    }

    /**
     * Counts elements inside users by local name. A data container directly under a user (roster, private XML,
     * offline messages, PEP, archive) counts only when it holds something: an empty one carries no data and is
     * not written back.
     */
    private static Map<String, Integer> elementsInsideUsers(InputStream in) throws XMLStreamException, IOException {
        XMLStreamReader xml = new HardenedXmlInput().open(in, "count", Long.MAX_VALUE);
        Map<String, Integer> counts = new TreeMap<>();
        int userDepth = -1;
        int depth = 0;
        String emptySoFar = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (emptySoFar != null) {
                    counts.merge(emptySoFar, 1, Integer::sum);
                    emptySoFar = null;
                }
                if (userDepth > 0 && depth == userDepth + 1 && CONTAINERS.contains(xml.getLocalName())) {
                    emptySoFar = xml.getLocalName();
                } else if (userDepth > 0) {
                    counts.merge(xml.getLocalName(), 1, Integer::sum);
                } else if (xml.getLocalName().equals("user")) {
                    userDepth = depth;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                emptySoFar = null;
                if (depth == userDepth) {
                    userDepth = -1;
                }
                depth--;
            }
        }
        return counts;
    }

    private static final List<String> CONTAINERS = List.of("query", "offline-messages", "pubsub", "archive");

    private static void assertRoster(UserData juliet, String domain) {
        assertEquals(new RosterItem(jid("romeo@" + domain), "Roméo Montague ❤", RosterItem.Subscription.BOTH, null, false,
                List.of("Lovers", "Montague"), List.of()), sortedGroups(item(juliet, "romeo@" + domain)));
        assertEquals(RosterItem.Subscription.TO, item(juliet, "mercutio@" + domain).subscription());
        RosterItem tybalt = sortedGroups(item(juliet, "tybalt@" + domain));
        assertEquals("日本語", tybalt.name());
        assertEquals(List.of("Capulet", "家族"), tybalt.groups());
        assertEquals(RosterItem.Subscription.FROM, tybalt.subscription());
        assertEquals("Zoë Ångström", item(juliet, "nurse@" + domain).name());
        assertEquals(RosterItem.Ask.SUBSCRIBE, item(juliet, "benvolio@" + domain).ask());
        RosterItem rosaline = item(juliet, "rosaline@verona.example");
        assertNull(rosaline.name());
        assertEquals(List.of(), rosaline.groups());
    }

    private static RosterItem sortedGroups(RosterItem item) {
        return new RosterItem(item.jid(), item.name(), item.subscription(), item.ask(), item.approved(),
                item.groups().stream().sorted().toList(), item.extensions());
    }

    private static RosterItem item(UserData user, String jid) {
        return user.roster().stream().filter(i -> i.jid().toString().equals(jid)).findFirst()
                .orElseThrow(() -> new AssertionError("no roster item " + jid));
    }

    private static org.xmpp.packet.JID jid(String value) {
        return new org.xmpp.packet.JID(value);
    }

    private static String formValue(XmlPayload form, String var) {
        return form.element().elements().stream().filter(f -> var.equals(f.attributeValue("var")))
                .map(f -> f.elementText("value")).findFirst().orElse(null);
    }
}
