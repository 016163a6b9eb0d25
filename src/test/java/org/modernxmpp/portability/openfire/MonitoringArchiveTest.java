package org.modernxmpp.portability.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.dom4j.QName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.pie.model.ArchivedMessage;
import org.modernxmpp.portability.pie.model.Namespaces;

/**
 * The Monitoring plugin's archive read from its own schema (monitoring_hsqldb.sql of plugin 2.7.0) in a real HSQLDB,
 * with rows as the plugin writes them (checked on a real Openfire 5.1.1 with the plugin: both directions in one row
 * each, bare JIDs, milliseconds, the stanza without jabber:client, group chat in the same table).
 */
class MonitoringArchiveTest {
    private String url;

    @BeforeEach
    void monitoringSchema() throws Exception {
        url = "jdbc:hsqldb:mem:" + UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, "SA", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ofConversation (conversationID BIGINT NOT NULL, roomID BIGINT NULL, room VARCHAR(1024) NULL, "
                    + "isExternal INT NOT NULL, startDate BIGINT NOT NULL, lastActivity BIGINT NOT NULL, messageCount INT NOT NULL, "
                    + "CONSTRAINT ofConversation_pk PRIMARY KEY (conversationID))");
            s.execute("CREATE TABLE ofMessageArchive (messageID BIGINT NULL, conversationID BIGINT NOT NULL, fromJID VARCHAR(1024) NOT NULL, "
                    + "fromJIDResource VARCHAR(255) NULL, toJID VARCHAR(1024) NOT NULL, toJIDResource VARCHAR(255) NULL, "
                    + "sentDate BIGINT NOT NULL, stanza LONGVARCHAR NULL, body LONGVARCHAR NULL, isPMforJID VARCHAR(1024) NULL)");
            s.execute("INSERT INTO ofConversation VALUES (1, NULL, NULL, 0, 1, 2, 3)");
            s.execute("INSERT INTO ofConversation VALUES (3, 7, 'lounge@conference.example.org', 0, 1, 2, 3)");
        }
        row(2, 1, "jane@example.org", "john@example.org", 1796176322987L,
                "<message to=\"john@example.org\" id=\"m3\" type=\"chat\" from=\"jane@example.org/phone\"><body>hi ☃ &amp; &lt;you&gt;</body></message>",
                "hi ☃ & <you>", null);
        row(1, 1, "john@example.org", "jane@example.org", 1796176322396L,
                "<message to=\"jane@example.org\" id=\"msg-1-id\" type=\"chat\" from=\"john@example.org/laptop\"><body>hello jane 1</body>"
                        + "<origin-id xmlns=\"urn:xmpp:sid:0\" id=\"origin-abc-123\"></origin-id></message>", "hello jane 1", null);
        row(5, 1, "john@example.org", "juan@example.org", 1796176324003L, null, "only the text was kept", null);
        row(6, 3, "john@example.org", "lounge@conference.example.org", 1796176325000L, "", "in the room", null);
        row(8, 3, "jane@example.org", "lounge@conference.example.org", 1796176326000L, "", "a private message in the room", "john@example.org");
        row(9, 1, "romeo@example.org", "jane@example.org", 1796176327000L, "<message><body>not john's</body></message>", "not john's", null);
        row(10, 1, "jane@example.org", "john@example.org", 1796176328000L, "<message><body>broken", "broken but kept", null);
    }

    private void row(long id, long conversation, String from, String to, long sent, String stanza, String body, String pmFor) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "SA", "");
             PreparedStatement insert = c.prepareStatement("INSERT INTO ofMessageArchive VALUES (?, ?, ?, NULL, ?, NULL, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setLong(2, conversation);
            insert.setString(3, from);
            insert.setString(4, to);
            insert.setLong(5, sent);
            insert.setString(6, stanza);
            insert.setString(7, body);
            insert.setString(8, pmFor);
            insert.executeUpdate();
        }
    }

    private MonitoringArchive archive(boolean installed) {
        return new MonitoringArchive(() -> DriverManager.getConnection(url, "SA", ""), () -> installed, "example.org");
    }

    @Test
    void readsTheUsersOneToOneMessagesBothWaysInTimeOrder() throws Exception {
        List<ArchivedMessage> john = archive(true).read("john");

        assertEquals(List.of("1", "2", "5", "10"), john.stream().map(ArchivedMessage::id).toList(),
                "no group chat, no private message in a room, nobody else's");
        assertEquals(Instant.ofEpochMilli(1796176322396L), john.get(0).stamp());
        var first = john.get(0).message().element();
        assertEquals(Namespaces.CLIENT, first.getNamespaceURI());
        assertEquals("john@example.org/laptop", first.attributeValue("from"));
        assertEquals("origin-abc-123", first.element(QName.get("origin-id", "urn:xmpp:sid:0")).attributeValue("id"), "extensions kept");
        assertEquals("hi ☃ & <you>", john.get(1).message().element().element(QName.get("body", Namespaces.CLIENT)).getText());
        var rebuilt = john.get(2).message().element();
        assertEquals("only the text was kept", rebuilt.element(QName.get("body", Namespaces.CLIENT)).getText());
        assertEquals("juan@example.org", rebuilt.attributeValue("to"));
        assertEquals("broken but kept", john.get(3).message().element().element(QName.get("body", Namespaces.CLIENT)).getText());
    }

    @Test
    void availableOnlyWhereTheMonitoringPluginIsInstalled() {
        assertTrue(archive(true).available());
        assertFalse(archive(false).available());
    }
}
