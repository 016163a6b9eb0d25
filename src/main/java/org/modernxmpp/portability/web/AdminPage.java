package org.modernxmpp.portability.web;

import javax.servlet.http.HttpServlet;

import org.jivesoftware.openfire.XMPPServer;
import org.modernxmpp.portability.AccountPortabilityPlugin;

/**
 * An admin-console page. Openfire creates it with its no-argument constructor, before it starts the plugin, so the
 * page finds the running plugin on its first request; tests hand it a context of their own.
 */
abstract class AdminPage extends HttpServlet {
    private transient PortabilityContext context;

    AdminPage() {
    }

    AdminPage(PortabilityContext context) {
        this.context = context;
    }

    PortabilityContext context() {
        PortabilityContext found = context;
        if (found == null) {
            found = XMPPServer.getInstance().getPluginManager().getPluginByName(AccountPortabilityPlugin.NAME)
                    .filter(AccountPortabilityPlugin.class::isInstance).map(p -> ((AccountPortabilityPlugin) p).context())
                    .orElseThrow(() -> new IllegalStateException("the Account Portability plugin is not running"));
            context = found;
        }
        return found;
    }
}
