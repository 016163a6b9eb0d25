package org.jivesoftware.openfire.lockout;

/** Compile-only mirror of Openfire 5.1.1's LockOutManager; the real class is provided at run time. */
public class LockOutManager {
    private LockOutManager() {
        throw new UnsupportedOperationException();
    }

    public static LockOutManager getInstance() {
        throw new UnsupportedOperationException();
    }

    public boolean isAccountDisabled(String username) {
        throw new UnsupportedOperationException();
    }

    public void recordFailedLogin(String username) {
        throw new UnsupportedOperationException();
    }
}
