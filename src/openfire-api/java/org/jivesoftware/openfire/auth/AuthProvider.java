package org.jivesoftware.openfire.auth;

/** Compile-only mirror of Openfire 5.1.1's AuthProvider; the real interface is provided at run time. */
public interface AuthProvider {
}
