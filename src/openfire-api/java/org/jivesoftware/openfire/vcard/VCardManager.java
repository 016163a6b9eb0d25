package org.jivesoftware.openfire.vcard;

import org.dom4j.Element;
import org.jivesoftware.openfire.container.BasicModule;

/** Compile-only mirror of Openfire 5.1.1's VCardManager; the real class is provided at run time. */
public class VCardManager extends BasicModule {
    private VCardManager() {
        super(null);
        throw new UnsupportedOperationException();
    }

    public static VCardProvider getProvider() {
        throw new UnsupportedOperationException();
    }

    public static VCardManager getInstance() {
        throw new UnsupportedOperationException();
    }

    public void setVCard(String username, Element vCardElement) throws Exception {
        throw new UnsupportedOperationException();
    }

    public void deleteVCard(String username) {
        throw new UnsupportedOperationException();
    }

    public Element getVCard(String username) {
        throw new UnsupportedOperationException();
    }
}
