package org.jivesoftware.openfire.privacy;

import org.dom4j.Element;

/** Compile-only mirror of Openfire 5.1.1's PrivacyListManager; the real class is provided at run time. */
public class PrivacyListManager {
    private PrivacyListManager() {
        throw new UnsupportedOperationException();
    }

    public static PrivacyListManager getInstance() {
        throw new UnsupportedOperationException();
    }

    public PrivacyList createPrivacyList(String username, String listName, Element listElement) {
        throw new UnsupportedOperationException();
    }

    public void deletePrivacyList(String username, String listName) {
        throw new UnsupportedOperationException();
    }

    public PrivacyList getDefaultPrivacyList(String username) {
        throw new UnsupportedOperationException();
    }

    public PrivacyList getPrivacyList(String username, String listName) {
        throw new UnsupportedOperationException();
    }

    public void changeDefaultList(String username, PrivacyList newDefault, PrivacyList oldDefault) {
        throw new UnsupportedOperationException();
    }
}
