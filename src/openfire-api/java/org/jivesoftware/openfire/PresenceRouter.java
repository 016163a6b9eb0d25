package org.jivesoftware.openfire;

import org.jivesoftware.openfire.container.BasicModule;
import org.xmpp.packet.Presence;

/** Compile-only mirror of Openfire 5.1.1's PresenceRouter; the real class is provided at run time. */
public class PresenceRouter extends BasicModule {
    private PresenceRouter() {
        super(null);
        throw new UnsupportedOperationException();
    }

    public void route(Presence packet) {
        throw new UnsupportedOperationException();
    }
}
