package org.modernxmpp.portability.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.jivesoftware.openfire.session.Session;
import org.jivesoftware.openfire.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.moved.ContactNotifier;
import org.modernxmpp.portability.moved.Departures;
import org.modernxmpp.portability.moved.Moves;
import org.modernxmpp.portability.moved.MoveNotification;
import org.modernxmpp.portability.moved.NoticeLedger;
import org.modernxmpp.portability.moved.StatementCheck;
import org.modernxmpp.portability.moved.Tombstones;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * A deleted account that said it moved keeps answering the statement query with {@code <gone/>} naming its new
 * address, in exactly the form the contacts' side accepts as a statement; a new account of that name ends it.
 */
class TombstoneTest {
    @TempDir
    Path work;
    private final InMemoryServer server = new InMemoryServer("old.example");
    private final List<IQ> routed = new ArrayList<>();
    private Moves moves;
    private TombstoneKeeper keeper;
    private TombstoneInterceptor interceptor;

    private void start(boolean keep) throws Exception {
        server.seed(UserData.builder("juliet").password("pw").build());
        Clock clock = Clock.systemUTC();
        moves = new Moves(new ContactNotifier(server.ports().rosters(), mock(org.modernxmpp.portability.moved.StanzaRoute.class),
                new NoticeLedger(work.resolve("notices")), null, () -> Duration.ZERO, "old.example", clock),
                new Departures(work.resolve("departures"), server.ports().rosters(), clock), new Tombstones(work.resolve("tombstones"), clock));
        moves.departures().published("juliet", new JID("juliet@new.example"));
        keeper = new TombstoneKeeper(moves, () -> keep, () -> Duration.ofDays(365));
        interceptor = new TombstoneInterceptor(moves.tombstones(), jid -> "old.example".equals(jid.getDomain()), routed::add);
    }

    private static User user(String username) {
        User user = mock(User.class);
        when(user.getUsername()).thenReturn(username);
        return user;
    }

    private static IQ query() {
        return StatementCheck.request(new MoveNotification(new JID("romeo@montague.example"), new JID("juliet@new.example"),
                new JID("juliet@old.example")));
    }

    @Test
    void aDeletedMovedAccountAnswersWithGoneThatTheContactsSideAccepts() throws Exception {
        start(true);
        keeper.userDeleting(user("juliet"), Map.of());
        assertEquals(Optional.empty(), moves.departures().of("juliet"));

        IQ query = query();
        PacketRejectedException answered = assertThrows(PacketRejectedException.class, () -> interceptor.interceptPacket(query, null, true, false));

        IQ reply = routed.get(0);
        assertEquals(IQ.Type.error, reply.getType());
        assertEquals(query.getID(), reply.getID());
        assertEquals(query.getFrom(), reply.getTo());
        assertEquals(PacketError.Condition.gone, reply.getError().getCondition());
        assertEquals("xmpp:juliet@new.example", reply.getElement().element("error").element("gone").getText());
        reply.setFrom(new JID("juliet@old.example"));
        MoveNotification notification = new MoveNotification(new JID("romeo@montague.example"), new JID("juliet@new.example"),
                new JID("juliet@old.example"));
        assertEquals(Optional.empty(), StatementCheck.problem(notification, reply), "counts as the statement");
        assertEquals(PacketError.Condition.gone, answered.getRejectionError().getCondition(), "what Openfire sends a local client");
    }

    @Test
    void aLocalClientGetsTheAnswerFromOpenfireNotTwice() throws Exception {
        start(true);
        keeper.userDeleting(user("juliet"), Map.of());
        assertThrows(PacketRejectedException.class, () -> interceptor.interceptPacket(query(), mock(Session.class), true, false));
        assertEquals(List.of(), routed);
    }

    @Test
    void otherQueriesAndAccountsPass() throws Exception {
        start(true);
        interceptor.interceptPacket(query(), null, true, false);
        assertEquals(List.of(), routed, "the account still exists: no tombstone");

        keeper.userDeleting(user("juliet"), Map.of());
        IQ avatar = query();
        avatar.getChildElement().element("items").addAttribute("node", "urn:xmpp:avatar:data");
        interceptor.interceptPacket(avatar, null, true, false);
        IQ set = query();
        set.setType(IQ.Type.set);
        interceptor.interceptPacket(set, null, true, false);
        interceptor.interceptPacket(query(), null, true, true);
        assertEquals(List.of(), routed);
    }

    @Test
    void aNewAccountOfThatNameEndsTheTombstone() throws Exception {
        start(true);
        keeper.userDeleting(user("juliet"), Map.of());
        keeper.userCreated(user("juliet"), Map.of());
        interceptor.interceptPacket(query(), null, true, false);
        assertEquals(List.of(), routed);
    }

    @Test
    void noTombstoneWhenTheSettingSaysSo() throws Exception {
        start(false);
        keeper.userDeleting(user("juliet"), Map.of());
        interceptor.interceptPacket(query(), null, true, false);
        assertTrue(routed.isEmpty());
        assertEquals(Optional.empty(), moves.departures().of("juliet"));
    }
}
