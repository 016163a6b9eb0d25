package org.jivesoftware.openfire.container;

/** Compile-only mirror of Openfire 5.1.1's BasicModule (a superclass of mirrored modules); the real class is provided at run time. */
public class BasicModule {
    public BasicModule(String moduleName) {
        throw new UnsupportedOperationException();
    }
}
