package org.modernxmpp.portability.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.modernxmpp.portability.pie.ReadLimits;
import org.modernxmpp.portability.remote.AccountPull;
import org.modernxmpp.portability.remote.AccountPush;
import org.modernxmpp.portability.remote.PrivateXmlKeys;
import org.modernxmpp.portability.remote.PullOptions;
import org.modernxmpp.portability.remote.PullProgress;
import org.modernxmpp.portability.remote.PullReport;
import org.modernxmpp.portability.remote.PushResult;
import org.modernxmpp.portability.remote.RemoteConnector;
import org.modernxmpp.portability.remote.RemoteLogin;
import org.modernxmpp.portability.remote.RemoteSession;
import org.modernxmpp.portability.transfer.DataKind;
import org.modernxmpp.portability.transfer.ImportOptions;
import org.modernxmpp.portability.transfer.ReportText;
import org.modernxmpp.portability.transfer.TransferProgress;
import org.modernxmpp.portability.transfer.UserOutcome;
import org.xmpp.packet.JID;

/** {@link LiveRemoteAccountTest} against ejabberd 23.01, which also has privacy lists, compared with its own export too. */
class EjabberdRemoteAccountTest extends LiveRemoteAccountTest {
    private static final String DOMAIN = "ejabberd-pull.test";

    private EjabberdPeer ejabberd;
    private UserData exported;

    EjabberdRemoteAccountTest() {
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
        ejabberd.register(PeerFill.DORA, PeerFill.DORA_PASSWORD);
        ejabberd.register(PeerFill.FRANK, PeerFill.FRANK_PASSWORD);
        ejabberd.register(PeerFill.EVE, PeerFill.EVE_PASSWORD);
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

    @Override
    Object comparable(XmlPayload vCard) {
        return EjabberdWays.vCard(vCard);
    }

    @Override
    Map<String, Map<String, XmlPayload>> pepAsTheServerKeepsIt() {
        return EjabberdWays.pep(super.pepAsTheServerKeepsIt(), DOMAIN);
    }

    @Override
    List<String> nodesOfTheServer() {
        return EjabberdWays.OWN_NODES;
    }

    @Override
    List<String> blockedAsTheServerShowsIt() {
        return EjabberdWays.BLOCKED;
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

    /**
     * A real Prosody export (Prosody's own configuration forms, its contacts, a vCard, PEP with a whitelist node) goes
     * into an ejabberd account: what ejabberd holds afterwards is read back as eve's client.
     */
    @Test
    void aProsodyExportGoesIntoAnEjabberdAccount() throws Exception {
        Path export = Path.of("src/test/resources/peers/prosody/juliet@prosody.example.xml");
        UserData juliet = OurImport.of(export, "prosody.example").read().get("juliet");
        RemoteLogin eve = new RemoteLogin(new JID(fill.jid(PeerFill.EVE)), PeerFill.EVE_PASSWORD);
        PushResult result;
        try (RemoteSession session = new RemoteConnector(settings()).connect(eve)) {
            result = new AccountPush(session, new TransferProgress()).push(export, ReadLimits.DEFAULT, ImportOptions.mergeAll());
        }
        StringWriter text = new StringWriter();
        ReportText.write(result.report(), new PrintWriter(text, true));
        assertEquals(UserOutcome.Status.DONE, result.report().users().get(0).status(), text.toString());
        assertEquals(List.of(), result.notThere(), text.toString());
        assertTrue(text.toString().contains("not kept: the waiting subscription request from mercutio@prosody.example"
                + " (no client can store it on its own server; the contact asks again)"), text.toString());
        UserData read;
        try (RemoteSession session = new RemoteConnector(settings()).connect(eve)) {
            // XEP-0049 cannot list: ask for the namespaces the export holds
            List<PrivateXmlKeys.Key> keys = juliet.privateXml().stream().map(f -> new PrivateXmlKeys.Key(f.name(), f.namespace())).toList();
            read = new AccountPull(session, PullOptions.everything().withPrivateXml(PrivateXmlKeys.with(keys)), PullProgress.NONE)
                    .read().data();
        }
        assertEquals(namesAndGroups(juliet.roster()), OurImport.contacts(read.roster()), text.toString());
        assertEquals(Xml.unordered(juliet.vCard()), Xml.unordered(read.vCard()));
        assertEquals(OurImport.fragments(juliet.privateXml()), OurImport.fragments(read.privateXml()));
        Map<String, Map<String, XmlPayload>> nodes = OurImport.pep(read.pepNodes());
        assertEquals(nodesOfTheServer(), nodes.keySet().stream().filter(n -> !OurImport.pep(juliet.pepNodes()).containsKey(n)).toList());
        nodes.keySet().removeAll(nodesOfTheServer());
        assertEquals(OurImport.pep(juliet.pepNodes()), nodes, text.toString());
        assertTrue(read.pepNodes().stream().filter(n -> n.node().equals(PeerFill.NODE_BOOKMARKS)).findFirst().orElseThrow()
                .configuration().canonicalForm().contains("whitelist"), "Prosody's whitelist node stays private on ejabberd");
    }
}
