package org.modernxmpp.portability.openfire;

import java.util.function.Predicate;

import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.jivesoftware.openfire.session.Session;
import org.modernxmpp.portability.moved.ContactNotifier;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * Subscription pre-approval (RFC 6121 section 3.4), which Openfire 5.1 lacks, for moved accounts only: when a
 * contact who could see the old account asks to see the new one, the approval goes out before Openfire handles the
 * request, so Openfire finds the contact approved and answers the request itself instead of showing it to the user.
 */
final class PreApprovalInterceptor implements PacketInterceptor {
    private final ContactNotifier notifier;
    private final Predicate<JID> local;

    PreApprovalInterceptor(ContactNotifier notifier, Predicate<JID> local) {
        this.notifier = notifier;
        this.local = local;
    }

    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed) {
        if (!incoming || processed || !(packet instanceof Presence presence) || presence.getType() != Presence.Type.subscribe
                || presence.getFrom() == null || presence.getTo() == null || presence.getTo().getNode() == null
                || !local.test(presence.getTo())) {
            return;
        }
        notifier.approveOnBehalf(presence.getTo().getNode(), presence.getFrom());
    }
}
