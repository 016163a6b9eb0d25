package org.jivesoftware.openfire.security;

/** Compile-only mirror of Openfire 5.1.1's SecurityAuditManager; the real class is provided at run time. */
public class SecurityAuditManager {
    private SecurityAuditManager() {
        throw new UnsupportedOperationException();
    }

    public static SecurityAuditManager getInstance() {
        throw new UnsupportedOperationException();
    }

    public void logEvent(String username, String summary, String details) {
        throw new UnsupportedOperationException();
    }
}
