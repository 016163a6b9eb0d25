package org.modernxmpp.portability.peers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.modernxmpp.portability.pie.model.XmlPayload;

/** The move pages with the other account on a real ejabberd 23.01, with its own ways of keeping things. */
class EjabberdMovePagesTest extends MovePagesTest {
    private EjabberdPeer ejabberd;

    @Override
    String peerDomain() {
        return "ejabberd-movein.test";
    }

    @Override
    void startPeer(Map<String, String> accounts) throws Exception {
        EjabberdPeer.assumeInstalled();
        ejabberd = EjabberdPeer.createWithTls("ejabberd/movein", "127.0.0.29", peerDomain());
        ejabberd.start();
        for (Map.Entry<String, String> account : accounts.entrySet()) {
            ejabberd.register(account.getKey(), account.getValue());
        }
        ejabberd.awaitLogin(PeerFill.BEN, PeerFill.BEN_PASSWORD);
    }

    @Override
    void stopPeer() {
        if (ejabberd != null) {
            ejabberd.close();
        }
    }

    @Override
    PeerClient.Address address() {
        return ejabberd.address();
    }

    @Override
    Path trustStore() {
        return ejabberd.certificates().trustStore();
    }

    @Override
    Path folder() {
        return ejabberd.base();
    }

    @Override
    PeerFill.Peer peerKind() {
        return new PeerFill.Peer(true, false);
    }

    @Override
    String privacyFound() {
        return "privacy lists: 2 read";
    }

    @Override
    Object comparable(XmlPayload vCard) {
        return EjabberdWays.vCard(vCard);
    }

    @Override
    Map<String, Map<String, XmlPayload>> pepAsTheServerKeepsIt() {
        return EjabberdWays.pep(super.pepAsTheServerKeepsIt(), peerDomain());
    }

    @Override
    List<String> nodesOfTheServer() {
        return EjabberdWays.OWN_NODES;
    }

    @Override
    List<String> blockedAsTheServerShowsIt() {
        return EjabberdWays.BLOCKED;
    }
}
