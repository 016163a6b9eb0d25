package org.modernxmpp.portability.moved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/** What counts as a notification: only the 0.2 form, a subscribe, with a bare old address other than the sender. */
class MoveNotificationTest {

    static Presence request(String from, String to, String namespace, String oldJid) {
        Presence presence = new Presence(Presence.Type.subscribe);
        presence.setFrom(from);
        presence.setTo(to);
        if (namespace != null) {
            presence.getElement().addElement("moved", namespace).addElement("old-jid").setText(oldJid);
        }
        return presence;
    }

    @Test
    void readsTheXepsExample() {
        Optional<MoveNotification> notification = MoveNotification.of(
                request("juliet@new.example/balcony", "romeo@contact.example/orchard", "urn:xmpp:moved:1", " juliet@old.example "));
        assertEquals(Optional.of(new MoveNotification(new JID("romeo@contact.example"), new JID("juliet@new.example"),
                new JID("juliet@old.example"))), notification);
        assertEquals("romeo", notification.get().username());
    }

    @Test
    void ignoresWhatItMayNotActOn() {
        assertTrue(MoveNotification.of(request("juliet@new.example", "romeo@contact.example", null, null)).isEmpty(), "plain request");
        assertTrue(MoveNotification.of(request("juliet@new.example", "romeo@contact.example", "urn:xmpp:moved:0", "juliet@old.example")).isEmpty(),
                "the proof-less 0.1 form");
        assertTrue(MoveNotification.of(request("juliet@new.example", "romeo@contact.example", "urn:xmpp:moved:1", "juliet@old.example/balcony")).isEmpty(),
                "a full JID as old-jid");
        assertTrue(MoveNotification.of(request("juliet@new.example", "romeo@contact.example", "urn:xmpp:moved:1", "old.example")).isEmpty(),
                "a domain as old-jid");
        assertTrue(MoveNotification.of(request("juliet@new.example", "romeo@contact.example", "urn:xmpp:moved:1", "a b@old.example")).isEmpty(),
                "an invalid old-jid");
        assertTrue(MoveNotification.of(request("juliet@new.example", "romeo@contact.example", "urn:xmpp:moved:1", "JULIET@new.example")).isEmpty(),
                "the sender itself");
        assertTrue(MoveNotification.of(request("juliet@new.example", "contact.example", "urn:xmpp:moved:1", "juliet@old.example")).isEmpty(),
                "to a server, not a user");
        Presence subscribed = request("juliet@new.example", "romeo@contact.example", "urn:xmpp:moved:1", "juliet@old.example");
        subscribed.setType(Presence.Type.subscribed);
        assertTrue(MoveNotification.of(subscribed).isEmpty(), "not a subscribe");
    }
}
