package org.jivesoftware.openfire.pubsub;

import org.xmpp.packet.JID;

/** Compile-only mirror of Openfire 5.1.1's NodeAffiliate; the real class is provided at run time. */
public class NodeAffiliate {
    private NodeAffiliate() {
        throw new UnsupportedOperationException();
    }

    public JID getJID() {
        throw new UnsupportedOperationException();
    }

    public Affiliation getAffiliation() {
        throw new UnsupportedOperationException();
    }

    public enum Affiliation {
        owner, publisher, none, outcast
    }
}
