package org.jivesoftware.openfire.privacy;

import java.util.Map;

/** Compile-only mirror of Openfire 5.1.1's PrivacyListProvider; the real class is provided at run time. */
public class PrivacyListProvider {
    private PrivacyListProvider() {
        throw new UnsupportedOperationException();
    }

    public static PrivacyListProvider getInstance() {
        throw new UnsupportedOperationException();
    }

    public Map<String, Boolean> getPrivacyLists(String username) {
        throw new UnsupportedOperationException();
    }

    public void updatePrivacyList(String username, PrivacyList list) {
        throw new UnsupportedOperationException();
    }
}
