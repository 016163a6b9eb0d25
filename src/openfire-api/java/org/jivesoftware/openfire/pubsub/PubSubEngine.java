package org.jivesoftware.openfire.pubsub;

import org.dom4j.Element;
import org.xmpp.forms.DataForm;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/** Compile-only mirror of Openfire 5.1.1's PubSubEngine; the real class is provided at run time. */
public class PubSubEngine {
    private PubSubEngine() {
        throw new UnsupportedOperationException();
    }

    public static CreateNodeResponse createNodeHelper(PubSubService service, JID requester, Element configuration,
            String nodeID, DataForm publishOptions) {
        throw new UnsupportedOperationException();
    }

    public static class CreateNodeResponse {
        public final PacketError.Condition creationStatus;
        public final Node newNode;
        public final Element pubsubError;

        public CreateNodeResponse(PacketError.Condition creationStatus, Element pubsubError, Node newNode) {
            throw new UnsupportedOperationException();
        }
    }
}
