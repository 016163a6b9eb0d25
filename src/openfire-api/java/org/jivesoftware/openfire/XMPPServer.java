package org.jivesoftware.openfire;

import org.jivesoftware.openfire.container.PluginManager;
import org.jivesoftware.openfire.pep.IQPEPHandler;
import org.jivesoftware.openfire.roster.RosterManager;
import org.jivesoftware.openfire.user.UserManager;
import org.jivesoftware.openfire.vcard.VCardManager;
import org.xmpp.packet.JID;

/** Compile-only mirror of Openfire 5.1.1's XMPPServer; the real class is provided at run time. */
public class XMPPServer {
    private XMPPServer() {
        throw new UnsupportedOperationException();
    }

    public static XMPPServer getInstance() {
        throw new UnsupportedOperationException();
    }

    public XMPPServerInfo getServerInfo() {
        throw new UnsupportedOperationException();
    }

    public JID createJID(String username, String resource) {
        throw new UnsupportedOperationException();
    }

    public RosterManager getRosterManager() {
        throw new UnsupportedOperationException();
    }

    public OfflineMessageStore getOfflineMessageStore() {
        throw new UnsupportedOperationException();
    }

    public IQPEPHandler getIQPEPHandler() {
        throw new UnsupportedOperationException();
    }

    public PluginManager getPluginManager() {
        throw new UnsupportedOperationException();
    }

    public UserManager getUserManager() {
        throw new UnsupportedOperationException();
    }

    public PrivateStorage getPrivateStorage() {
        throw new UnsupportedOperationException();
    }

    public VCardManager getVCardManager() {
        throw new UnsupportedOperationException();
    }

    public boolean isLocal(JID jid) {
        throw new UnsupportedOperationException();
    }

    public IQRouter getIQRouter() {
        throw new UnsupportedOperationException();
    }

    public PresenceRouter getPresenceRouter() {
        throw new UnsupportedOperationException();
    }
}
