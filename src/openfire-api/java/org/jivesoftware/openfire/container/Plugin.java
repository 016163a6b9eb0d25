package org.jivesoftware.openfire.container;

/* Compile-only mirror of Openfire 5.1.1; the real interface comes from Openfire at run time. */
public interface Plugin {
    void initializePlugin(PluginManager manager, java.io.File pluginDirectory);

    void destroyPlugin();
}
