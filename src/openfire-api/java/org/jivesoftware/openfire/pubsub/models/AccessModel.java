package org.jivesoftware.openfire.pubsub.models;

import java.io.Serializable;

/** Compile-only mirror of Openfire 5.1.1's AccessModel; the real class is provided at run time. */
public abstract class AccessModel implements Serializable {
    private AccessModel() {
        throw new UnsupportedOperationException();
    }

    public abstract String getName();
}
