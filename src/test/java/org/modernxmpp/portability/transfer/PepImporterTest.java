package org.modernxmpp.portability.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.pie.model.Affiliation;
import org.modernxmpp.portability.pie.model.NodeSubscription;
import org.modernxmpp.portability.pie.model.PepItem;
import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;

/** PEP data imported into another account belongs to that account, never to the address it came from. */
class PepImporterTest {

    @Test
    void theFileUsersOwnAddressBecomesTheAccountsInAffiliationsAndSubscriptions() throws Exception {
        JID old = new JID("juliet@old.example");
        JID friend = new JID("nurse@capulet.example");
        PepNode bookmarks = new PepNode("urn:xmpp:bookmarks:1", null,
                List.of(new Affiliation(old, "owner"), new Affiliation(friend, "publisher")),
                List.of(new NodeSubscription(new JID("juliet@old.example/phone"), "subscribed", "s1", null)),
                List.of(new PepItem("lounge@conference.example.org", null)));
        UserData juliet = UserData.builder("juliet").pepNode(bookmarks).build();
        InMemoryServer server = new InMemoryServer("capulet.example");
        server.seed(UserData.builder("jules").password("pw").build());
        ImportTarget target = new ImportTarget("jules", new JID("jules@capulet.example"), old, true, server.ports(),
                ImportOptions.mergeAll());

        KindPlan plan = new PepImporter().plan(juliet, target);
        for (PlannedChange change : plan.changes()) {
            change.write().run();
        }

        PepNode written = server.snapshot("jules").pepNodes().get(0);
        assertEquals(List.of(new Affiliation(new JID("jules@capulet.example"), "owner"), new Affiliation(friend, "publisher")),
                written.affiliations());
        assertEquals(new JID("jules@capulet.example"), written.subscriptions().get(0).jid());
        assertEquals(bookmarks.items(), written.items());
    }
}
