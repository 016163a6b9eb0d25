package org.modernxmpp.portability.moved;

import java.util.Objects;

import org.xmpp.packet.JID;

/**
 * One contact to tell about a move, and how far that has gone.
 *
 * @param preApproved the contact could see the old account's presence (from or both there), so their request to
 *                    follow the new account is approved on the user's behalf, once
 * @param sent        the notification has gone out
 */
public record Notice(JID contact, boolean preApproved, boolean sent) {
    public Notice {
        Objects.requireNonNull(contact, "contact");
    }

    Notice markSent() {
        return new Notice(contact, preApproved, true);
    }

    Notice approvalUsed() {
        return new Notice(contact, false, sent);
    }
}
