package org.modernxmpp.portability.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.remote.PullReport;
import org.modernxmpp.portability.transfer.DataKind;

/** {@link LiveRemoteAccountTest} against Prosody 0.12, and what arrives compared with Prosody's own XEP-0227 export too. */
class ProsodyRemoteAccountTest extends LiveRemoteAccountTest {
    private static final String DOMAIN = "prosody-pull.test";

    private ProsodyPeer prosody;
    private UserData exported;

    ProsodyRemoteAccountTest() {
        super(DOMAIN);
    }

    @BeforeAll
    void fillPullAndExport() throws Exception {
        ProsodyPeer.assumeInstalled();
        prosody = ProsodyPeer.createWithTls("prosody/pull", "127.0.0.24", DOMAIN);
        prosody.register(PeerFill.ANNA, PeerFill.ANNA_PASSWORD);
        prosody.register(PeerFill.BEN, PeerFill.BEN_PASSWORD);
        prosody.register(PeerFill.CLEO, PeerFill.CLEO_PASSWORD);
        prosody.register(PeerFill.DORA, PeerFill.DORA_PASSWORD);
        prosody.register(PeerFill.FRANK, PeerFill.FRANK_PASSWORD);
        prosody.start(PeerFill.BEN, PeerFill.BEN_PASSWORD);
        fillAndPull(new PeerFill.Peer(false, true));
        prosody.stop();
        exported = OurImport.of(prosody.exportToXep0227(), DOMAIN).read().get(PeerFill.ANNA);
        prosody.start(PeerFill.BEN, PeerFill.BEN_PASSWORD);
    }

    @AfterAll
    void stopProsody() {
        if (prosody != null) {
            prosody.close();
        }
    }

    @Override
    PeerClient.Address address() {
        return prosody.address();
    }

    @Override
    int directTlsPort() {
        return prosody.directTlsPort();
    }

    @Override
    Path trustStore() {
        return prosody.certificates().trustStore();
    }

    @Override
    Path folder() {
        return prosody.base();
    }

    @Test
    void prosodyHasNoPrivacyListsAndTheReportSaysSo() {
        assertEquals(PullReport.Status.NOT_OFFERED, report.kind(DataKind.PRIVACY).status());
    }

    @Test
    void everyKindEqualsProsodysOwnExportOfTheAccount() {
        assertEquals(OurImport.contacts(exported.roster()), OurImport.contacts(pulled.roster()), "roster");
        assertEquals(exported.vCard(), pulled.vCard(), "vCard");
        assertEquals(OurImport.fragments(exported.privateXml()), OurImport.fragments(pulled.privateXml()), "private XML");
        assertEquals(OurImport.pep(exported.pepNodes()), OurImport.pep(pulled.pepNodes()), "PEP");
        assertEquals(byId(exported.archive()), byId(pulled.archive()), "archive: every message, id and time");
    }

    @Test
    void theBlocklistArrivesThoughProsodysOwnExportLeavesItOut() {
        assertEquals(List.of(), exported.blocklist(), "Prosody 0.12's xep0227 driver has no blocklist handler");
        assertEquals(PeerFill.BLOCKED.size(), pulled.blocklist().size());
    }
}
