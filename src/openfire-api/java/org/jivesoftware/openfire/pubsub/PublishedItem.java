package org.jivesoftware.openfire.pubsub;

import java.io.Serializable;
import java.util.Date;
import org.dom4j.Element;

/** Compile-only mirror of Openfire 5.1.1's PublishedItem; the real class is provided at run time. */
public class PublishedItem implements Serializable {
    private PublishedItem() {
        throw new UnsupportedOperationException();
    }

    public String getID() {
        throw new UnsupportedOperationException();
    }

    public Date getCreationDate() {
        throw new UnsupportedOperationException();
    }

    public Element getPayload() {
        throw new UnsupportedOperationException();
    }
}
