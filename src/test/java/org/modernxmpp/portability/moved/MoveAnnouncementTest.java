package org.modernxmpp.portability.moved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.dom4j.DocumentHelper;
import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.JID;

/** The old account's statement: exactly XEP-0283's node, item and payload, readable by whom the user chose. */
class MoveAnnouncementTest {
    private final InMemoryServer server = new InMemoryServer("old.example");
    private final MoveAnnouncement announcement;

    MoveAnnouncementTest() {
        server.seed(UserData.builder("juliet").password("pw").build());
        announcement = new MoveAnnouncement(server.ports().pep(), "old.example");
    }

    @Test
    void publishesTheStatementAsTheXepWritesIt() throws Exception {
        announcement.publish("juliet", " juliet@new.example ", MoveAnnouncement.Audience.CONTACTS);

        PepNode node = server.snapshot("juliet").pepNodes().get(0);
        assertEquals("urn:xmpp:moved:1", node.node());
        assertEquals("current", node.items().get(0).id());
        assertEquals(XmlPayload.of(DocumentHelper.parseText(
                "<moved xmlns='urn:xmpp:moved:1'><new-jid>juliet@new.example</new-jid></moved>").getRootElement()),
                node.items().get(0).payload());
        assertTrue(node.configuration().canonicalForm().contains("presence"), node.configuration().toString());
        assertEquals(Optional.of(new MovedStatement(new JID("juliet@new.example"))), announcement.current("juliet"));
    }

    @Test
    void anyoneMayReadItWhenTheUserSaysSo() throws Exception {
        announcement.publish("juliet", "juliet@new.example", MoveAnnouncement.Audience.ANYONE);
        assertTrue(server.snapshot("juliet").pepNodes().get(0).configuration().canonicalForm().contains("open"));
    }

    @Test
    void withdrawingRemovesIt() throws Exception {
        announcement.publish("juliet", "juliet@new.example", MoveAnnouncement.Audience.CONTACTS);
        announcement.withdraw("juliet");
        assertEquals(Optional.empty(), announcement.current("juliet"));
        assertEquals(List.of(), server.snapshot("juliet").pepNodes());
    }

    @Test
    void onlyAnotherBareAccountAddressIsAccepted() {
        for (String bad : List.of("juliet@old.example", "JULIET@old.example", "new.example", "juliet@new.example/phone", "a b@new.example", "")) {
            assertThrows(IllegalArgumentException.class, () -> announcement.publish("juliet", bad, MoveAnnouncement.Audience.CONTACTS), bad);
        }
        assertEquals(List.of(), server.snapshot("juliet").pepNodes(), "nothing published for a bad address");
    }

    @Test
    void aPayloadIsAStatementOnlyWhenItIsOne() throws Exception {
        assertEquals(Optional.empty(), MovedStatement.of(XmlPayload.of(DocumentHelper.parseText(
                "<moved xmlns='urn:xmpp:moved:0'><new-jid>a@b.example</new-jid></moved>").getRootElement())), "v0.1 proves nothing");
        assertEquals(Optional.empty(), MovedStatement.of(XmlPayload.of(DocumentHelper.parseText(
                "<moved xmlns='urn:xmpp:moved:1'><new-jid>a@b.example/res</new-jid></moved>").getRootElement())));
        assertEquals(Optional.empty(), MovedStatement.of(XmlPayload.of(DocumentHelper.parseText(
                "<moved xmlns='urn:xmpp:moved:1'/>").getRootElement())));
    }
}
