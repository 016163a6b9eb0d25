package org.jivesoftware.openfire.pubsub;

import org.xmpp.packet.JID;

/** Compile-only mirror of Openfire 5.1.1's NodeSubscription; the real class is provided at run time. */
public class NodeSubscription {
    private NodeSubscription() {
        throw new UnsupportedOperationException();
    }

    public String getID() {
        throw new UnsupportedOperationException();
    }

    public JID getJID() {
        throw new UnsupportedOperationException();
    }

    public State getState() {
        throw new UnsupportedOperationException();
    }

    public enum State {
        none, pending, unconfigured, subscribed
    }
}
