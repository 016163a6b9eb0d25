package org.jivesoftware.openfire.auth;

/** Compile-only mirror of Openfire 5.1.1's DefaultAuthProvider; the real class is provided at run time. */
public class DefaultAuthProvider implements AuthProvider {
    public DefaultAuthProvider() {
        throw new UnsupportedOperationException();
    }
}
