package org.jivesoftware.openfire.pubsub;

import java.util.List;
import org.dom4j.Element;
import org.xmpp.packet.JID;

/** Compile-only mirror of Openfire 5.1.1's LeafNode; the real class is provided at run time. */
public class LeafNode extends Node {
    private LeafNode() {
        throw new UnsupportedOperationException();
    }

    public void publishItems(JID publisher, List<Element> itemElements) {
        throw new UnsupportedOperationException();
    }

    public void deleteItems(List<PublishedItem> toDelete) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PublishedItem getPublishedItem(String itemID) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<PublishedItem> getPublishedItems() {
        throw new UnsupportedOperationException();
    }
}
