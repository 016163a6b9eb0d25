package org.jivesoftware.openfire.handler;

import org.jivesoftware.openfire.container.BasicModule;

/** Compile-only mirror of Openfire 5.1.1's IQHandler (a superclass of IQPEPHandler); the real class is provided at run time. */
public abstract class IQHandler extends BasicModule {
    public IQHandler(String moduleName) {
        super(moduleName);
        throw new UnsupportedOperationException();
    }
}
