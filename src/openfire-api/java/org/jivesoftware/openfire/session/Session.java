package org.jivesoftware.openfire.session;

/** Compile-only mirror of Openfire 5.1.1's Session (only named in signatures); the real interface is provided at run time. */
public interface Session {
}
