package org.jivesoftware.openfire;

import org.jivesoftware.openfire.container.BasicModule;
import org.xmpp.component.IQResultListener;
import org.xmpp.packet.IQ;

/** Compile-only mirror of Openfire 5.1.1's IQRouter; the real class is provided at run time. */
public class IQRouter extends BasicModule {
    private IQRouter() {
        super(null);
        throw new UnsupportedOperationException();
    }

    public void route(IQ packet) {
        throw new UnsupportedOperationException();
    }

    public void addIQResultListener(String id, IQResultListener listener, long timeoutmillis) {
        throw new UnsupportedOperationException();
    }
}
