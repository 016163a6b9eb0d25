package org.modernxmpp.portability.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.auth.AuthToken;
import org.modernxmpp.portability.AccountPortabilityPlugin;
import org.xmpp.packet.JID;

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

    /**
     * The accounts an admin typed (names or addresses, separated by spaces or commas) as Openfire stores their names
     * (nodeprep, whatever the server's locale); a name that is not valid stays as typed, lower-cased.
     */
    static List<String> typedUsernames(String typed) {
        return Arrays.stream(typed.trim().split("[\\s,]+")).filter(n -> !n.isEmpty())
                .map(n -> n.contains("@") ? n.substring(0, n.indexOf('@')) : n).map(AdminPage::username).distinct().toList();
    }

    private static String username(String typed) {
        try {
            return JID.nodeprep(typed);
        } catch (IllegalArgumentException e) {
            return typed.toLowerCase(Locale.ROOT);
        }
    }

    /** The admin the console signed in (its session holds Openfire's AuthToken), for the audit log. */
    static String admin(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute("jive.admin.authToken");
        return token instanceof AuthToken auth ? auth.getUsername() : "(unknown admin)";
    }

    void audit(HttpServletRequest request, String summary, String details) {
        context().audit().record(admin(request), summary, details);
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
