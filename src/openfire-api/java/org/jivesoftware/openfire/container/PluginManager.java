package org.jivesoftware.openfire.container;

import java.util.Optional;

/** Compile-only mirror of Openfire 5.1.1's PluginManager; the real class is provided at run time. */
public class PluginManager {
    private PluginManager() {
        throw new UnsupportedOperationException();
    }

    public synchronized Optional<Plugin> getPluginByName(String pluginName) {
        throw new UnsupportedOperationException();
    }
}
