package org.modernxmpp.portability.openfire;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import org.jivesoftware.openfire.IQRouter;
import org.jivesoftware.openfire.PresenceRouter;
import org.modernxmpp.portability.moved.StanzaRoute;
import org.xmpp.component.IQResultListener;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * Stanzas through Openfire's own routers: queries through the IQ router (which matches the answer to its id,
 * whether it comes over a server-to-server link or from a local service), presences through the presence router,
 * so Openfire's subscription handler updates and pushes the rosters as for a client's presence.
 */
final class OpenfireStanzaRoute implements StanzaRoute {
    private final IQRouter iqRouter;
    private final PresenceRouter presenceRouter;
    /** Held requests being handed back, which the interceptor must let pass (by identity: the very same object). */
    private final Set<Packet> released = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    OpenfireStanzaRoute(IQRouter iqRouter, PresenceRouter presenceRouter) {
        this.iqRouter = iqRouter;
        this.presenceRouter = presenceRouter;
    }

    @Override
    public CompletableFuture<IQ> query(IQ request, Duration timeout) {
        CompletableFuture<IQ> answer = new CompletableFuture<>();
        iqRouter.addIQResultListener(request.getID(), new IQResultListener() {
            @Override
            public void receivedAnswer(IQ packet) {
                answer.complete(packet);
            }

            @Override
            public void answerTimeout(String packetId) {
                answer.completeExceptionally(new TimeoutException("no answer to " + packetId));
            }
        }, timeout.toMillis());
        iqRouter.route(request);
        return answer;
    }

    @Override
    public void send(Presence presence) {
        presenceRouter.route(presence);
    }

    @Override
    public void release(Presence held) {
        released.add(held);
        try {
            presenceRouter.route(held);
        } finally {
            released.remove(held);
        }
    }

    /** Whether this is a held request being handed back right now. */
    boolean isReleased(Packet packet) {
        return released.contains(packet);
    }
}
