package org.jivesoftware.openfire;

/** Compile-only mirror of Openfire 5.1.1's XMPPServerInfo; the real interface is provided at run time. */
public interface XMPPServerInfo {
    String getXMPPDomain();
}
