package org.modernxmpp.portability.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jivesoftware.openfire.IQRouter;
import org.jivesoftware.openfire.PresenceRouter;
import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.jivesoftware.openfire.session.Session;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.moved.MoveFollower;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.component.IQResultListener;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Presence;

/**
 * The interceptor holds exactly the notifications Openfire must not process yet, and the route talks through
 * Openfire's routers: the query's answer is matched by the IQ router's listener, a handed-back request passes the
 * interceptor, everything else is sent through the presence router.
 */
class MovedRequestInterceptorTest {
    private final IQRouter iqRouter = mock(IQRouter.class);
    private final PresenceRouter presenceRouter = mock(PresenceRouter.class);
    private final OpenfireStanzaRoute route = new OpenfireStanzaRoute(iqRouter, presenceRouter);
    private final InMemoryServer contacts = new InMemoryServer("contact.example");
    private final AtomicBoolean enabled = new AtomicBoolean(true);
    private final MovedRequestInterceptor interceptor = new MovedRequestInterceptor(
            new MoveFollower(contacts.ports().rosters(), route, Runnable::run, () -> Duration.ofSeconds(30)),
            route, jid -> "contact.example".equals(jid.getDomain()), enabled::get);

    MovedRequestInterceptorTest() {
        contacts.seed(UserData.builder("romeo").password("pw").rosterItem(new RosterItem(new org.xmpp.packet.JID("juliet@old.example"),
                "Juliet", RosterItem.Subscription.BOTH, List.of("Capulets"))).build());
    }

    private static Presence notification(String to) {
        Presence presence = new Presence(Presence.Type.subscribe);
        presence.setFrom("juliet@new.example");
        presence.setTo(to);
        presence.getElement().addElement("moved", "urn:xmpp:moved:1").addElement("old-jid").setText("juliet@old.example");
        return presence;
    }

    @Test
    void aNotificationForAContactWhoApprovedTheOldAddressIsHeldAndVerified() {
        Presence request = notification("romeo@contact.example");
        PacketRejectedException held = assertThrows(PacketRejectedException.class,
                () -> interceptor.interceptPacket(request, null, true, false));
        assertTrue(held.getMessage().contains("juliet@old.example"), held.getMessage());

        ArgumentCaptor<IQ> query = ArgumentCaptor.forClass(IQ.class);
        verify(iqRouter).route(query.capture());
        verify(iqRouter).addIQResultListener(eq(query.getValue().getID()), any(), eq(30_000L));
        assertEquals("romeo@contact.example", query.getValue().getFrom().toString());
        assertEquals("juliet@old.example", query.getValue().getTo().toString());
    }

    @Test
    void everythingElsePassesUntouched() throws Exception {
        Presence plain = new Presence(Presence.Type.subscribe);
        plain.setFrom("juliet@new.example");
        plain.setTo("romeo@contact.example");
        interceptor.interceptPacket(plain, null, true, false);
        interceptor.interceptPacket(notification("romeo@contact.example"), null, true, true);
        interceptor.interceptPacket(notification("romeo@contact.example"), null, false, false);
        interceptor.interceptPacket(notification("romeo@contact.example"), mock(Session.class), true, false);
        interceptor.interceptPacket(notification("romeo@elsewhere.example"), null, true, false);
        interceptor.interceptPacket(notification("tybalt@contact.example"), null, true, false);
        enabled.set(false);
        interceptor.interceptPacket(notification("romeo@contact.example"), null, true, false);
        verify(iqRouter, never()).route(any());
    }

    @Test
    void aRequestHandedBackPassesTheInterceptorOnce() throws Exception {
        Presence held = notification("romeo@contact.example");
        List<Boolean> passed = new ArrayList<>();
        doAnswer(call -> {
            interceptor.interceptPacket(call.getArgument(0), null, true, false);
            passed.add(true);
            return null;
        }).when(presenceRouter).route(held);

        route.release(held);

        assertEquals(List.of(true), passed, "processed by Openfire as if never held");
        assertFalse(route.isReleased(held), "only while it is being handed back");
        assertThrows(PacketRejectedException.class, () -> interceptor.interceptPacket(held, null, true, false),
                "the same request coming in again is a new notification");
    }

    @Test
    void theQueryCompletesWithTheAnswerOrTheRoutersTimeout() throws Exception {
        IQ request = new IQ(IQ.Type.get, "moved-1");
        CompletableFuture<IQ> answered = route.query(request, Duration.ofSeconds(7));
        ArgumentCaptor<IQResultListener> listener = ArgumentCaptor.forClass(IQResultListener.class);
        verify(iqRouter).addIQResultListener(eq("moved-1"), listener.capture(), eq(7_000L));
        verify(iqRouter).route(request);
        IQ reply = IQ.createResultIQ(request);
        listener.getValue().receivedAnswer(reply);
        assertSame(reply, answered.get(1, TimeUnit.SECONDS));

        CompletableFuture<IQ> silent = route.query(new IQ(IQ.Type.get, "moved-2"), Duration.ofSeconds(7));
        verify(iqRouter).addIQResultListener(eq("moved-2"), listener.capture(), anyLong());
        listener.getValue().answerTimeout("moved-2");
        ExecutionException failure = assertThrows(ExecutionException.class, () -> silent.get(1, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, failure.getCause());
    }

    @Test
    void presencesGoThroughThePresenceRouter() {
        Presence subscribed = new Presence(Presence.Type.subscribed);
        route.send(subscribed);
        verify(presenceRouter).route(subscribed);
    }
}
