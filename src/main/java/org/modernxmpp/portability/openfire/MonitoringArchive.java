package org.modernxmpp.portability.openfire;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.ArchivePort;
import org.modernxmpp.portability.pie.PieFormatException;
import org.modernxmpp.portability.pie.XmlFragment;
import org.modernxmpp.portability.pie.model.ArchivedMessage;
import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.XmlPayload;

/**
 * A user's one-to-one message archive as Openfire's Monitoring plugin keeps it (XEP-0313 is served from it). The
 * plugin has no API another plugin can call (its classes live in its own class loader), so its table is read here, read
 * only: the database is its only store (no cache in front), rows arrive about a second after the message, and each
 * row is one message, belonging to both its sender and its recipient. Group-chat rows are left out (their room's
 * archive is not the user's). Result ids are the plugin's message ids, as its MAM answers carry them. A stored stanza
 * that does not parse is rebuilt from the row's text, so one broken row never costs the rest.
 */
final class MonitoringArchive implements ArchivePort {
    static final String SELECT = "SELECT m.messageID, m.sentDate, m.stanza, m.body, m.fromJID, m.toJID FROM ofMessageArchive m "
            + "JOIN ofConversation c ON c.conversationID = m.conversationID WHERE c.room IS NULL AND m.isPMforJID IS NULL "
            + "AND m.messageID IS NOT NULL AND (m.stanza IS NOT NULL OR m.body IS NOT NULL) AND (m.fromJID = ? OR m.toJID = ?) "
            + "ORDER BY m.sentDate, m.messageID";

    private final OpenfireDatabase database;
    private final BooleanSupplier monitoringInstalled;
    private final String domain;

    MonitoringArchive(OpenfireDatabase database, BooleanSupplier monitoringInstalled, String domain) {
        this.database = database;
        this.monitoringInstalled = monitoringInstalled;
        this.domain = domain;
    }

    @Override
    public boolean available() {
        return monitoringInstalled.getAsBoolean();
    }

    @Override
    public List<ArchivedMessage> read(String username) throws AccountException {
        String jid = username + "@" + domain;
        List<ArchivedMessage> messages = new ArrayList<>();
        try (Connection connection = database.connection(); PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, jid);
            select.setString(2, jid);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    Instant sent = Instant.ofEpochMilli(rows.getLong(2));
                    messages.add(new ArchivedMessage(Long.toString(id), sent,
                            XmlPayload.of(message(rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6), id))));
                }
            }
        } catch (SQLException e) {
            throw new AccountException("could not read the message archive of " + jid + ": " + e.getMessage(), e);
        }
        return messages;
    }

    /** The stored stanza in jabber:client, or, for rows that kept only the text, a message rebuilt from it. */
    private static Element message(String stanza, String body, String from, String to, long id) throws AccountException {
        if (stanza != null && !stanza.isBlank()) {
            try {
                return ClientStanzas.toFile(XmlFragment.parse(stanza, "ofMessageArchive row " + id));
            } catch (PieFormatException e) {
                if (body == null) {
                    throw new AccountException("archived message " + id + " is not well-formed XML and has no text: " + e.getMessage(), e);
                }
                // a stanza Openfire stored broken: keep the message as its text says
            }
        }
        Element message = DocumentHelper.createElement(QName.get("message", Namespaces.CLIENT));
        message.addAttribute("from", from).addAttribute("to", to).addAttribute("type", "chat");
        message.addElement(QName.get("body", Namespaces.CLIENT)).setText(body);
        return message;
    }
}
