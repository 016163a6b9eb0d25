package org.jivesoftware.openfire.pep;

import java.util.Collection;
import org.jivesoftware.openfire.pubsub.Node;
import org.jivesoftware.openfire.pubsub.PubSubService;
import org.xmpp.packet.JID;

/** Compile-only mirror of Openfire 5.1.1's PEPService; the real class is provided at run time. */
public class PEPService implements PubSubService {
    private PEPService() {
        throw new UnsupportedOperationException();
    }

    public Collection<Node> getNodes() {
        throw new UnsupportedOperationException();
    }

    public JID getAddress() {
        throw new UnsupportedOperationException();
    }
}
