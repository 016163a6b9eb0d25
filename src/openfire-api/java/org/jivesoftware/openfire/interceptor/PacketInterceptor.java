package org.jivesoftware.openfire.interceptor;

import org.jivesoftware.openfire.session.Session;
import org.xmpp.packet.Packet;

/** Compile-only mirror of Openfire 5.1.1's PacketInterceptor; the real interface is provided at run time. */
public interface PacketInterceptor {
    void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed)
            throws PacketRejectedException;
}
