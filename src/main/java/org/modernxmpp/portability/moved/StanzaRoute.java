package org.modernxmpp.portability.moved;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.xmpp.packet.IQ;
import org.xmpp.packet.Presence;

/** How the contact's side of a move talks to the network through the server (in Openfire: its routers). */
public interface StanzaRoute {

    /** Sends the query and completes with its answer; exceptionally with a TimeoutException when none comes in time. */
    CompletableFuture<IQ> query(IQ request, Duration timeout);

    /** Sends a presence on a local user's behalf, through the server's own subscription handling (rosters follow). */
    void send(Presence presence);

    /** Hands a held request back to the server, to be processed as if it had never been held. */
    void release(Presence held);
}
