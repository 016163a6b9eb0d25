package org.jivesoftware.openfire.interceptor;

import org.xmpp.packet.PacketError;

/**
 * Compile-only mirror of Openfire 5.1.1's PacketRejectedException; the real class is provided at run time. Its
 * members work (unlike the mirror's others) because the plugin itself throws it, also in unit tests.
 */
public class PacketRejectedException extends Exception {
    private PacketError rejectionError;

    public PacketRejectedException(String msg) {
        super(msg);
    }

    public PacketError getRejectionError() {
        return rejectionError;
    }

    public void setRejectionError(PacketError rejectionError) {
        this.rejectionError = rejectionError;
    }
}
