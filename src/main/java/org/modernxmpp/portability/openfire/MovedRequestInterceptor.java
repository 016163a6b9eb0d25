package org.modernxmpp.portability.openfire;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.jivesoftware.openfire.session.Session;
import org.modernxmpp.portability.moved.MoveFollower;
import org.modernxmpp.portability.moved.MoveNotification;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * Catches XEP-0283 notifications for local users as Openfire's presence router receives them, before Openfire's
 * subscription handler stores or delivers them, and hands them to the {@link MoveFollower}. A notification that
 * needs verifying is held (Openfire drops the rejected original; the follower later acts or hands a copy back).
 *
 * <p>Requests sent by a client connected to this server are left alone: Openfire answers a rejected stanza from a
 * local client session with an error to that client, which would tell it its request failed. Notifications from
 * other servers, and those the plugin sends itself on a local user's behalf, come without a session.
 */
final class MovedRequestInterceptor implements PacketInterceptor {
    private final MoveFollower follower;
    private final OpenfireStanzaRoute route;
    private final Predicate<JID> local;
    private final BooleanSupplier enabled;

    MovedRequestInterceptor(MoveFollower follower, OpenfireStanzaRoute route, Predicate<JID> local, BooleanSupplier enabled) {
        this.follower = follower;
        this.route = route;
        this.local = local;
        this.enabled = enabled;
    }

    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed)
            throws PacketRejectedException {
        if (!incoming || processed || session != null || !(packet instanceof Presence presence)
                || presence.getType() != Presence.Type.subscribe || route.isReleased(presence) || !enabled.getAsBoolean()) {
            return;
        }
        Optional<MoveNotification> notification = MoveNotification.of(presence);
        if (notification.isEmpty() || !local.test(notification.get().contact()) || !follower.holds(notification.get())) {
            return;
        }
        follower.follow(notification.get(), presence.createCopy());
        throw new PacketRejectedException("held until " + notification.get().oldJid() + " confirms the move (XEP-0283)");
    }
}
