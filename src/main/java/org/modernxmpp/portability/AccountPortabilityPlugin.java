package org.modernxmpp.portability;

import java.io.File;

import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.openfire.container.PluginManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin's life cycle in Openfire. Everything the plugin adds to the server is registered through
 * {@link Registrations} in {@link #initializePlugin} and removed, newest first, in {@link #destroyPlugin},
 * so unloading or reloading the plugin leaves nothing behind.
 */
public final class AccountPortabilityPlugin implements Plugin {
    private static final Logger LOG = LoggerFactory.getLogger(AccountPortabilityPlugin.class);

    private final Registrations registrations = new Registrations();

    @Override
    public void initializePlugin(PluginManager manager, File pluginDirectory) {
        LOG.info("Account Portability {} started from {}", version(), pluginDirectory);
    }

    @Override
    public void destroyPlugin() {
        registrations.removeAll();
        LOG.info("Account Portability stopped");
    }

    /** What is currently registered with the server (for tests and diagnostics). */
    Registrations registrations() {
        return registrations;
    }

    private static String version() {
        String version = AccountPortabilityPlugin.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
