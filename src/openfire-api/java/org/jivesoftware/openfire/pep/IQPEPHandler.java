package org.jivesoftware.openfire.pep;

import org.jivesoftware.openfire.handler.IQHandler;

/** Compile-only mirror of Openfire 5.1.1's IQPEPHandler; the real class is provided at run time. */
public class IQPEPHandler extends IQHandler {
    private IQPEPHandler() {
        super(null);
        throw new UnsupportedOperationException();
    }

    public PEPServiceManager getServiceManager() {
        throw new UnsupportedOperationException();
    }
}
