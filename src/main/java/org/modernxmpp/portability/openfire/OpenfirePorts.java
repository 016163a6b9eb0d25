package org.modernxmpp.portability.openfire;

import org.jivesoftware.database.DbConnectionManager;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.privacy.PrivacyListManager;
import org.jivesoftware.openfire.privacy.PrivacyListProvider;
import org.jivesoftware.openfire.user.UserManager;
import org.jivesoftware.openfire.vcard.VCardManager;
import org.modernxmpp.portability.account.AccountPorts;

/** Every port on the running Openfire's managers: what the transfer engine needs to export from and import into it. */
public final class OpenfirePorts {
    /** The name in the Monitoring plugin's plugin.xml: where Openfire keeps users' message archives. */
    static final String MONITORING = "Monitoring Service";

    private OpenfirePorts() {
    }

    public static AccountPorts of(XMPPServer server) {
        String domain = server.getServerInfo().getXMPPDomain();
        var pep = server.getIQPEPHandler().getServiceManager();
        return new AccountPorts(
                new OpenfireAccounts(UserManager.getInstance(), domain, new ScramHashStore()),
                new OpenfireRosters(server.getRosterManager()),
                new OpenfireVCards(VCardManager.getInstance(), VCardManager.getProvider()),
                new OpenfirePrivateXml(server.getPrivateStorage(), pep, domain),
                new OpenfireOfflineMessages(server.getOfflineMessageStore(), domain),
                new OpenfirePep(pep, domain),
                new OpenfirePrivacy(PrivacyListManager.getInstance(), PrivacyListProvider.getInstance()),
                new MonitoringArchive(DbConnectionManager::getConnection,
                        () -> server.getPluginManager().getPluginByName(MONITORING).isPresent(), domain));
    }
}
