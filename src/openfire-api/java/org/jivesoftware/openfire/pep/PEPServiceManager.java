package org.jivesoftware.openfire.pep;

import org.xmpp.packet.JID;

/** Compile-only mirror of Openfire 5.1.1's PEPServiceManager; the real class is provided at run time. */
public class PEPServiceManager {
    private PEPServiceManager() {
        throw new UnsupportedOperationException();
    }

    public PEPService getPEPService(JID jid) {
        throw new UnsupportedOperationException();
    }

    public PEPService getPEPService(JID jid, boolean autoCreate) {
        throw new UnsupportedOperationException();
    }
}
