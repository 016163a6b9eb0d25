package org.jivesoftware.openfire;

import org.dom4j.Element;
import org.jivesoftware.openfire.container.BasicModule;

/** Compile-only mirror of Openfire 5.1.1's PrivateStorage; the real class is provided at run time. */
public class PrivateStorage extends BasicModule {
    private PrivateStorage() {
        super(null);
        throw new UnsupportedOperationException();
    }

    public boolean isEnabled() {
        throw new UnsupportedOperationException();
    }

    public void add(String username, Element data) {
        throw new UnsupportedOperationException();
    }

    public Element get(String username, Element data) {
        throw new UnsupportedOperationException();
    }
}
