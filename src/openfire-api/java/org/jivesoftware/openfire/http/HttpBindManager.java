package org.jivesoftware.openfire.http;

import org.eclipse.jetty.ee8.nested.ContextHandler;

/** Compile-only mirror of Openfire 5.1.1's HttpBindManager; the real class is provided at run time. */
public final class HttpBindManager {
    private HttpBindManager() {
        throw new UnsupportedOperationException();
    }

    public static synchronized HttpBindManager getInstance() {
        throw new UnsupportedOperationException();
    }

    public void addJettyHandler(ContextHandler handler) {
        throw new UnsupportedOperationException();
    }

    public void removeJettyHandler(ContextHandler handler) {
        throw new UnsupportedOperationException();
    }
}
