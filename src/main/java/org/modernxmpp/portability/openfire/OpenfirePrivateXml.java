package org.modernxmpp.portability.openfire;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.dom4j.Element;
import org.jivesoftware.openfire.PrivateStorage;
import org.jivesoftware.openfire.pep.PEPService;
import org.jivesoftware.openfire.pep.PEPServiceManager;
import org.jivesoftware.openfire.pubsub.Node;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.PrivateXmlPort;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.JID;

/**
 * Private XML through PrivateStorage. XEP-0049 has no listing, but Openfire 5 stores each fragment as a PEP node (see
 * {@link PrivateDataNodes}), so the nodes tell which fragments exist.
 */
final class OpenfirePrivateXml implements PrivateXmlPort {
    private final PrivateStorage storage;
    private final PEPServiceManager pep;
    private final String domain;

    OpenfirePrivateXml(PrivateStorage storage, PEPServiceManager pep, String domain) {
        this.storage = storage;
        this.pep = pep;
        this.domain = domain;
    }

    @Override
    public List<XmlPayload> read(String username) {
        PEPService service = pep.getPEPService(new JID(username, domain, null), false);
        List<XmlPayload> fragments = new ArrayList<>();
        if (service != null) {
            for (Node node : service.getNodes()) {
                Element fragment = PrivateDataNodes.fragment(node);
                if (fragment != null) {
                    fragments.add(XmlPayload.of(fragment));
                }
            }
        }
        // stable exports: by namespace, then name
        fragments.sort(Comparator.comparing(f -> f.namespace() + " " + f.name()));
        return fragments;
    }

    @Override
    public void write(String username, XmlPayload fragment) throws AccountException {
        if (!storage.isEnabled()) {
            throw new AccountException("private XML storage is switched off on this server (xmpp.privateStorageEnabled)");
        }
        storage.add(username, fragment.copy());
    }

}
