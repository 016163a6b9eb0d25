package org.jivesoftware.openfire.privacy;

import java.util.Set;
import org.dom4j.Element;
import org.xmpp.packet.JID;

/** Compile-only mirror of Openfire 5.1.1's PrivacyList; the real class is provided at run time. */
public class PrivacyList {
    private PrivacyList() {
        throw new UnsupportedOperationException();
    }

    public String getName() {
        throw new UnsupportedOperationException();
    }

    public boolean isDefault() {
        throw new UnsupportedOperationException();
    }

    public Set<JID> getBlockedJIDs() {
        throw new UnsupportedOperationException();
    }

    public Element asElement() {
        throw new UnsupportedOperationException();
    }

    public void updateList(Element listElement) {
        throw new UnsupportedOperationException();
    }
}
