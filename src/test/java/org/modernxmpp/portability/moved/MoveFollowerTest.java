package org.modernxmpp.portability.moved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.RosterItem.Subscription;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/**
 * The contact's server's processing of XEP-0283 section 4.4, every branch, against an in-memory roster and a
 * scripted network: the roster follows only a move the old address itself confirms, once, and anything else reaches
 * the user untouched.
 */
class MoveFollowerTest {
    private static final JID ROMEO = new JID("romeo@contact.example");
    private static final JID OLD = new JID("juliet@old.example");
    private static final JID NEW = new JID("juliet@new.example");

    private final InMemoryServer contacts = new InMemoryServer("contact.example");
    private final ScriptedRoute network = new ScriptedRoute();
    private Duration timeout = Duration.ofSeconds(5);
    private final MoveFollower follower = new MoveFollower(contacts.ports().rosters(), network, Runnable::run, () -> timeout);

    private void romeoHas(Subscription oldSubscription, RosterItem... more) {
        UserData.Builder romeo = UserData.builder("romeo").password("pw")
                .rosterItem(new RosterItem(OLD, "Juliet", oldSubscription, List.of("Capulets", "Verona")));
        for (RosterItem item : more) {
            romeo.rosterItem(item);
        }
        contacts.seed(romeo.build());
    }

    private static Presence notification(String from, String oldJid) {
        return MoveNotificationTest.request(from, "romeo@contact.example", "urn:xmpp:moved:1", oldJid);
    }

    private MoveFollower.Outcome follow(Presence request) throws Exception {
        MoveNotification notification = MoveNotification.of(request).orElseThrow();
        assertTrue(follower.holds(notification), "held for verification");
        return follower.follow(notification, request).get(10, TimeUnit.SECONDS);
    }

    private Optional<RosterItem> item(JID jid) {
        return contacts.snapshot("romeo").roster().stream().filter(i -> i.jid().equals(jid)).findFirst();
    }

    private List<String> sent() {
        return network.sent.stream().map(p -> p.getFrom() + " " + p.getType() + " " + p.getTo()).toList();
    }

    @Test
    void aConfirmedMoveFromAMutualContactIsFollowedAsTheXepSays() throws Exception {
        romeoHas(Subscription.BOTH);
        network.answer(query -> ScriptedRoute.statement(query, "juliet@old.example", "juliet@new.example"));

        assertEquals(MoveFollower.Outcome.FOLLOWED, follow(notification("juliet@new.example/balcony", "juliet@old.example")));

        IQ query = network.queries.get(0);
        assertEquals(ROMEO, query.getFrom(), "asked from the user's bare address, which a presence-only statement answers");
        assertEquals(OLD, query.getTo());
        assertEquals(IQ.Type.get, query.getType());
        assertEquals("urn:xmpp:moved:1", query.getChildElement().element("items").attributeValue("node"));
        assertEquals("current", query.getChildElement().element("items").element("item").attributeValue("id"));
        assertEquals(new RosterItem(NEW, "Juliet", Subscription.NONE, List.of("Capulets", "Verona")), item(NEW).orElseThrow(),
                "the new item has the old one's name and groups; the approval below makes it 'from'");
        assertEquals(List.of("romeo@contact.example subscribed juliet@new.example",
                "romeo@contact.example unsubscribed juliet@old.example",
                "romeo@contact.example subscribe juliet@new.example"), sent());
        assertEquals(List.of(), network.released, "the request never reaches Romeo's clients");
    }

    @Test
    void aOneWayApprovalIsMovedWithoutAskingBack() throws Exception {
        romeoHas(Subscription.FROM);
        network.answer(query -> ScriptedRoute.statement(query, "juliet@old.example", "juliet@new.example"));

        assertEquals(MoveFollower.Outcome.FOLLOWED, follow(notification("juliet@new.example", "juliet@old.example")));
        assertEquals(List.of("romeo@contact.example subscribed juliet@new.example",
                "romeo@contact.example unsubscribed juliet@old.example"), sent());
    }

    @Test
    void theUsersOwnEntryForTheNewAddressIsKept() throws Exception {
        RosterItem own = new RosterItem(NEW, "Jules", Subscription.TO, List.of("Work"));
        romeoHas(Subscription.BOTH, own);
        network.answer(query -> ScriptedRoute.statement(query, "juliet@old.example", "juliet@new.example"));

        assertEquals(MoveFollower.Outcome.FOLLOWED, follow(notification("juliet@new.example", "juliet@old.example")));
        assertEquals(own, item(NEW).orElseThrow());
    }

    @Test
    void nothingIsHeldUnlessTheUserApprovedTheOldAddress() {
        for (Subscription notApproved : List.of(Subscription.TO, Subscription.NONE)) {
            romeoHas(notApproved);
            assertFalse(follower.holds(MoveNotification.of(notification("juliet@new.example", "juliet@old.example")).orElseThrow()),
                    "old item with subscription " + notApproved);
        }
        romeoHas(Subscription.BOTH);
        assertFalse(follower.holds(MoveNotification.of(notification("juliet@new.example", "tybalt@old.example")).orElseThrow()),
                "an old address the user does not have");
        assertFalse(follower.holds(new MoveNotification(new JID("nobody@contact.example"), NEW, OLD)), "no such local user");
        assertEquals(List.of(), network.queries, "no query is sent for what is not held");
    }

    @Test
    void aStatementNamingSomeoneElseIsNoProof() throws Exception {
        romeoHas(Subscription.BOTH);
        network.answer(query -> ScriptedRoute.statement(query, "juliet@old.example", "juliet@elsewhere.example"));
        assertDelivered(notification("juliet@new.example", "juliet@old.example"));
    }

    @Test
    void aSenderOtherThanTheStatementsNewAddressIsNotBelieved() throws Exception {
        romeoHas(Subscription.BOTH);
        network.answer(query -> ScriptedRoute.statement(query, "juliet@old.example", "juliet@new.example"));
        assertDelivered(notification("mallory@evil.example", "juliet@old.example"));
    }

    @Test
    void aStatementFromAnyoneButTheOldAccountIsNoProof() throws Exception {
        romeoHas(Subscription.BOTH);
        network.answer(query -> ScriptedRoute.statement(query, "mallory@old.example", "juliet@new.example"));
        assertDelivered(notification("juliet@new.example", "juliet@old.example"));

        network.answer(query -> ScriptedRoute.statement(query, "old.example", "juliet@new.example"));
        assertDelivered(notification("juliet@new.example", "juliet@old.example"));
    }

    @Test
    void noStatementOrAnyErrorMeansAnOrdinaryRequest() throws Exception {
        romeoHas(Subscription.BOTH);
        network.answer(query -> ScriptedRoute.error(query, PacketError.Condition.item_not_found, null));
        assertDelivered(notification("juliet@new.example", "juliet@old.example"));

        network.answer(query -> ScriptedRoute.error(query, PacketError.Condition.forbidden, null));
        assertDelivered(notification("juliet@new.example", "juliet@old.example"));

        network.answer(query -> {
            IQ empty = IQ.createResultIQ(query);
            empty.setChildElement("pubsub", "http://jabber.org/protocol/pubsub").addElement("items").addAttribute("node", "urn:xmpp:moved:1");
            return empty;
        });
        assertDelivered(notification("juliet@new.example", "juliet@old.example"));

        network.answer(query -> {
            IQ otherNode = ScriptedRoute.statement(query, "juliet@old.example", "juliet@new.example");
            otherNode.getChildElement().element("items").addAttribute("node", "urn:xmpp:avatar:metadata");
            return otherNode;
        });
        assertDelivered(notification("juliet@new.example", "juliet@old.example"));

        network.answer(query -> {
            IQ otherItem = ScriptedRoute.statement(query, "juliet@old.example", "juliet@new.example");
            otherItem.getChildElement().element("items").element("item").addAttribute("id", "previous");
            return otherItem;
        });
        assertDelivered(notification("juliet@new.example", "juliet@old.example"));
    }

    @Test
    void aGoneErrorWithTheNewAddressCountsAsAStatement() throws Exception {
        romeoHas(Subscription.BOTH);
        network.answer(query -> {
            IQ gone = ScriptedRoute.error(query, PacketError.Condition.gone, "xmpp:juliet@new.example");
            gone.setFrom(OLD);
            return gone;
        });
        assertEquals(MoveFollower.Outcome.FOLLOWED, follow(notification("juliet@new.example", "juliet@old.example")));
    }

    @Test
    void aGoneErrorNamingSomeoneElseOrNoAddressIsNoProof() throws Exception {
        for (String text : new String[] {"xmpp:mallory@evil.example", "https://new.example/juliet", null}) {
            romeoHas(Subscription.BOTH);
            network.answer(query -> {
                IQ gone = ScriptedRoute.error(query, PacketError.Condition.gone, text);
                gone.setFrom(OLD);
                return gone;
            });
            assertDelivered(notification("juliet@new.example", "juliet@old.example"));
        }
    }

    @Test
    void anOldAddressThatNeverAnswersLetsTheRequestThroughAfterTheTimeout() throws Exception {
        romeoHas(Subscription.BOTH);
        timeout = Duration.ofMillis(200);
        network.answerLater(query -> new CompletableFuture<>());
        assertDelivered(notification("juliet@new.example", "juliet@old.example"));
    }

    @Test
    void aFailingQueryLetsTheRequestThrough() throws Exception {
        romeoHas(Subscription.BOTH);
        network.answerLater(query -> CompletableFuture.failedFuture(new IllegalStateException("no route to old.example")));
        assertDelivered(notification("juliet@new.example", "juliet@old.example"));
    }

    @Test
    void aUserWhoRemovedTheOldAddressMeanwhileGetsTheRequest() throws Exception {
        romeoHas(Subscription.BOTH);
        CompletableFuture<IQ> later = new CompletableFuture<>();
        network.answerLater(query -> later);
        Presence request = notification("juliet@new.example", "juliet@old.example");
        MoveNotification notification = MoveNotification.of(request).orElseThrow();
        assertTrue(follower.holds(notification));
        CompletableFuture<MoveFollower.Outcome> outcome = follower.follow(notification, request);

        contacts.ports().rosters().remove("romeo", OLD);
        later.complete(ScriptedRoute.statement(network.queries.get(0), "juliet@old.example", "juliet@new.example"));

        assertEquals(MoveFollower.Outcome.DELIVERED, outcome.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(request), network.released);
    }

    @Test
    void aRepeatWhileTheFirstIsVerifiedIsActedOnOnce() throws Exception {
        romeoHas(Subscription.BOTH);
        CompletableFuture<IQ> later = new CompletableFuture<>();
        network.answerLater(query -> later);
        Presence first = notification("juliet@new.example/balcony", "juliet@old.example");
        Presence repeat = notification("juliet@new.example/garden", "juliet@old.example");
        MoveNotification notification = MoveNotification.of(first).orElseThrow();

        CompletableFuture<MoveFollower.Outcome> one = follower.follow(notification, first);
        CompletableFuture<MoveFollower.Outcome> two = follower.follow(MoveNotification.of(repeat).orElseThrow(), repeat);
        later.complete(ScriptedRoute.statement(network.queries.get(0), "juliet@old.example", "juliet@new.example"));

        assertEquals(MoveFollower.Outcome.FOLLOWED, one.get(10, TimeUnit.SECONDS));
        assertEquals(MoveFollower.Outcome.DROPPED, two.get(10, TimeUnit.SECONDS));
        assertEquals(1, network.queries.size(), "one query for both");
        assertEquals(3, network.sent.size(), "the roster is switched once");
        assertEquals(List.of(), network.released);
    }

    @Test
    void aRepeatOfARefusedNotificationIsDeliveredToo() throws Exception {
        romeoHas(Subscription.BOTH);
        CompletableFuture<IQ> later = new CompletableFuture<>();
        network.answerLater(query -> later);
        Presence first = notification("juliet@new.example", "juliet@old.example");
        Presence repeat = notification("juliet@new.example", "juliet@old.example");
        MoveNotification notification = MoveNotification.of(first).orElseThrow();

        CompletableFuture<MoveFollower.Outcome> one = follower.follow(notification, first);
        CompletableFuture<MoveFollower.Outcome> two = follower.follow(notification, repeat);
        later.complete(ScriptedRoute.error(network.queries.get(0), PacketError.Condition.item_not_found, null));

        assertEquals(MoveFollower.Outcome.DELIVERED, one.get(10, TimeUnit.SECONDS));
        assertEquals(MoveFollower.Outcome.DELIVERED, two.get(10, TimeUnit.SECONDS));
        assertEquals(2, network.released.size());
        assertSame(first, network.released.get(0));
        assertSame(repeat, network.released.get(1));
    }

    @Test
    void afterAFollowedMoveAReplayIsAnOrdinaryRequest() throws Exception {
        romeoHas(Subscription.BOTH);
        network.answer(query -> ScriptedRoute.statement(query, "juliet@old.example", "juliet@new.example"));
        assertEquals(MoveFollower.Outcome.FOLLOWED, follow(notification("juliet@new.example", "juliet@old.example")));

        // what the server's subscription handling does with the revocation the follower sent
        contacts.ports().rosters().put("romeo", new RosterItem(OLD, "Juliet", Subscription.TO, List.of("Capulets", "Verona")));
        assertFalse(follower.holds(MoveNotification.of(notification("juliet@new.example", "juliet@old.example")).orElseThrow()));
        assertEquals(1, network.queries.size());
    }

    private void assertDelivered(Presence request) throws Exception {
        network.released.clear();
        network.sent.clear();
        List<RosterItem> before = contacts.snapshot("romeo").roster();
        assertEquals(MoveFollower.Outcome.DELIVERED, follow(request));
        assertEquals(1, network.released.size(), "the request reaches the user");
        assertSame(request, network.released.get(0), "as it came");
        assertTrue(request.getElement().element("moved") != null, "<moved/> included");
        assertEquals(List.of(), network.sent, "nothing is sent on the user's behalf");
        assertEquals(before, contacts.snapshot("romeo").roster(), "the roster is untouched");
    }
}
