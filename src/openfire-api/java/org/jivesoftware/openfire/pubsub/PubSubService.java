package org.jivesoftware.openfire.pubsub;

/** Compile-only mirror of Openfire 5.1.1's PubSubService; the real interface is provided at run time. */
public interface PubSubService {
    default Node getNode(String nodeID) {
        throw new UnsupportedOperationException();
    }
}
