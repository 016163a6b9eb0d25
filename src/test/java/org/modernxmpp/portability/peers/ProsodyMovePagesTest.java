package org.modernxmpp.portability.peers;

import java.nio.file.Path;
import java.util.Map;

/** The move pages with the other account on a real Prosody 0.12 (no privacy lists there). */
class ProsodyMovePagesTest extends MovePagesTest {
    private ProsodyPeer prosody;

    @Override
    String peerDomain() {
        return "prosody-movein.test";
    }

    @Override
    void startPeer(Map<String, String> accounts) throws Exception {
        ProsodyPeer.assumeInstalled();
        prosody = ProsodyPeer.createWithTls("prosody/movein", "127.0.0.27", peerDomain());
        for (Map.Entry<String, String> account : accounts.entrySet()) {
            prosody.register(account.getKey(), account.getValue());
        }
        prosody.start(PeerFill.BEN, PeerFill.BEN_PASSWORD);
    }

    @Override
    void stopPeer() {
        if (prosody != null) {
            prosody.close();
        }
    }

    @Override
    PeerClient.Address address() {
        return prosody.address();
    }

    @Override
    Path trustStore() {
        return prosody.certificates().trustStore();
    }

    @Override
    Path folder() {
        return prosody.base();
    }

    @Override
    PeerFill.Peer peerKind() {
        return new PeerFill.Peer(false, true);
    }

    @Override
    String privacyFound() {
        return "privacy lists: your old server does not offer this";
    }
}
