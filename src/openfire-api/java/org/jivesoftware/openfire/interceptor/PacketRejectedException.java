package org.jivesoftware.openfire.interceptor;

/**
 * Compile-only mirror of Openfire 5.1.1's PacketRejectedException; the real class is provided at run time. Its
 * constructor works (unlike the mirror's other members) because the plugin itself throws it, also in unit tests.
 */
public class PacketRejectedException extends Exception {
    public PacketRejectedException(String msg) {
        super(msg);
    }
}
