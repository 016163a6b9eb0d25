package org.jivesoftware.openfire.auth;

/** Compile-only mirror of Openfire 5.1.1's AuthToken; the real class is provided at run time. */
public class AuthToken {
    private AuthToken() {
        throw new UnsupportedOperationException();
    }

    public String getUsername() {
        throw new UnsupportedOperationException();
    }
}
