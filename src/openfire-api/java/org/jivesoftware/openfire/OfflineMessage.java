package org.jivesoftware.openfire;

import java.util.Date;
import org.dom4j.Element;
import org.xmpp.packet.Message;

/** Compile-only mirror of Openfire 5.1.1's OfflineMessage; the real class is provided at run time. */
public class OfflineMessage extends Message {
    public OfflineMessage(Date creationDate, Element element) {
        throw new UnsupportedOperationException();
    }

    public Date getCreationDate() {
        throw new UnsupportedOperationException();
    }
}
