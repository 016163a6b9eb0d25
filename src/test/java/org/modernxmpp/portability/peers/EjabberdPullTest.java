package org.modernxmpp.portability.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.pie.model.PrivacyLists;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.modernxmpp.portability.remote.PullReport;
import org.modernxmpp.portability.transfer.DataKind;

/** {@link LivePullTest} against ejabberd 23.01, which also has privacy lists, compared with its own export too. */
class EjabberdPullTest extends LivePullTest {
    private static final String DOMAIN = "ejabberd-pull.test";

    private EjabberdPeer ejabberd;
    private UserData exported;

    EjabberdPullTest() {
        super(DOMAIN);
    }

    @BeforeAll
    void fillPullAndExport() throws Exception {
        EjabberdPeer.assumeInstalled();
        ejabberd = EjabberdPeer.createWithTls("ejabberd/pull", "127.0.0.25", DOMAIN);
        ejabberd.start();
        ejabberd.register(PeerFill.ANNA, PeerFill.ANNA_PASSWORD);
        ejabberd.register(PeerFill.BEN, PeerFill.BEN_PASSWORD);
        ejabberd.register(PeerFill.CLEO, PeerFill.CLEO_PASSWORD);
        ejabberd.awaitLogin(PeerFill.BEN, PeerFill.BEN_PASSWORD);
        fillAndPull(new PeerFill.Peer(true, false));
        exported = OurImport.of(ejabberd.exportPiefxis(), DOMAIN).read().get(PeerFill.ANNA);
    }

    @AfterAll
    void stopEjabberd() throws Exception {
        if (ejabberd != null) {
            ejabberd.close();
        }
    }

    @Override
    PeerClient.Address address() {
        return ejabberd.address();
    }

    @Override
    int directTlsPort() {
        return ejabberd.directTlsPort();
    }

    @Override
    Path trustStore() {
        return ejabberd.certificates().trustStore();
    }

    @Override
    Path folder() {
        return ejabberd.base();
    }

    /** ejabberd 23.01 re-encodes a vCard in its codec's own child order (PHOTO first): same content. */
    @Override
    Object comparable(XmlPayload vCard) {
        return Xml.unordered(vCard);
    }

    /**
     * ejabberd 23.01 keeps one item per node unless max_items is raised, and its publish-options refuse to raise it: of
     * the two bookmarks the fill publishes, the second (lounge) replaced the first.
     */
    @Override
    Map<String, Map<String, XmlPayload>> pepAsTheServerKeepsIt() {
        Map<String, Map<String, XmlPayload>> pep = super.pepAsTheServerKeepsIt();
        pep.get(PeerFill.NODE_BOOKMARKS).keySet().retainAll(List.of("lounge@conference." + DOMAIN));
        return pep;
    }

    /** ejabberd mirrors the XEP-0048 bookmarks of private XML into a PEP node of that name. */
    @Override
    List<String> nodesOfTheServer() {
        return List.of("storage:bookmarks");
    }

    /** ejabberd serves XEP-0191 from the privacy lists: the default list's jid deny shows as blocked too. */
    @Override
    List<String> blockedAsTheServerShowsIt() {
        return List.of(PeerFill.BLOCKED.get(0), PeerFill.BLOCKED.get(1), "spammer@spam.example");
    }

    @Test
    void privacyListsArriveWithTheirDefault() {
        assertEquals(PullReport.Status.READ, report.kind(DataKind.PRIVACY).status());
        PrivacyLists lists = pulled.privacy();
        assertEquals("work", lists.defaultList());
        Map<String, XmlPayload> expected = new TreeMap<>(Map.of("work", Xml.payload(PeerFill.PRIVACY_WORK),
                "strict", Xml.payload(PeerFill.PRIVACY_STRICT)));
        assertEquals(expected.keySet(), new TreeMap<>(names(lists)).keySet());
        assertEquals(exported.privacy(), pulled.privacy(), "as ejabberd's own export");
    }

    private static Map<String, PrivacyLists.PrivacyList> names(PrivacyLists lists) {
        Map<String, PrivacyLists.PrivacyList> byName = new TreeMap<>();
        lists.lists().forEach(l -> byName.put(l.name(), l));
        return byName;
    }

    @Test
    void everyKindEqualsEjabberdsOwnExportWhereItHasOne() {
        assertEquals(OurImport.contacts(exported.roster()), OurImport.contacts(pulled.roster()), "roster");
        assertEquals(exported.vCard(), pulled.vCard(), "vCard");
        assertEquals(OurImport.fragments(exported.privateXml()), OurImport.fragments(pulled.privateXml()), "private XML");
    }
}
