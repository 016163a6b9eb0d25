package org.jivesoftware.openfire.vcard;

import org.dom4j.Element;

/** Compile-only mirror of Openfire 5.1.1's VCardProvider; the real interface is provided at run time. */
public interface VCardProvider {
    Element loadVCard(String username);
}
