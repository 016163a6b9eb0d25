package org.modernxmpp.portability.moved;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.RosterPort;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.RosterItem.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * The contact's server's part of a move (XEP-0283 section 4.4): a local user's contact moved, and the user's roster
 * follows without the user doing anything, once the old address has confirmed the move. On any doubt the request is
 * delivered untouched, {@code <moved/>} included, and the user decides as for any request.
 *
 * <p>Each notification is acted on at most once: a repeat that arrives while the first is being verified waits for
 * its outcome, and once the move is followed the old address no longer has the user's approval, so later repeats
 * are ordinary requests (the server answers them itself, since the new address now has it).
 */
public final class MoveFollower {
    private static final Logger LOG = LoggerFactory.getLogger(MoveFollower.class);

    /** What became of a notification. */
    public enum Outcome {
        /** The roster followed the move; the request was not delivered. */
        FOLLOWED,
        /** Verification failed; the request went to the user as it came. */
        DELIVERED,
        /** A repeat of a notification already followed; dropped. */
        DROPPED
    }

    private final RosterPort rosters;
    private final StanzaRoute route;
    private final Executor executor;
    private final Supplier<Duration> timeout;
    private final ConcurrentMap<MoveNotification, CompletableFuture<Outcome>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param executor where verification answers are acted on, so that no server thread waits for a roster write
     * @param timeout  how long to wait for the old address's answer; read for each notification
     */
    public MoveFollower(RosterPort rosters, StanzaRoute route, Executor executor, Supplier<Duration> timeout) {
        this.rosters = rosters;
        this.route = route;
        this.executor = executor;
        this.timeout = timeout;
    }

    /**
     * Whether the request must be held for verification: only when the user had approved the old address (the
     * item's subscription is from or both). Otherwise it is an ordinary request and the server goes on with it now.
     */
    public boolean holds(MoveNotification notification) {
        return approvedOld(notification).isPresent();
    }

    /**
     * Verifies the held request and then either follows the move or releases the request. Never blocks.
     *
     * @param held the request as it came, handed back to the server untouched when verification fails
     */
    public CompletableFuture<Outcome> follow(MoveNotification notification, Presence held) {
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> earlier = inFlight.putIfAbsent(notification, mine);
        if (earlier != null) {
            return earlier.thenApply(outcome -> {
                if (outcome == Outcome.DELIVERED) {
                    route.release(held);
                    return Outcome.DELIVERED;
                }
                LOG.info("XEP-0283: dropped a repeated notification from {} to {}", notification.newJid(), notification.contact());
                return Outcome.DROPPED;
            });
        }
        Duration wait = timeout.get();
        CompletableFuture<Outcome> verification;
        try {
            // our own time-out too: an answer that never comes must not hold the request for ever
            verification = route.query(StatementCheck.request(notification), wait)
                    .orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS)
                    .handleAsync((reply, failure) -> decide(notification, held, wait, reply, failure), executor);
        } catch (RuntimeException e) {
            verification = CompletableFuture.completedFuture(fallBack(notification, held, "the statement could not be asked for: " + e));
        }
        verification.whenComplete((outcome, failure) -> {
            inFlight.remove(notification, mine);
            if (failure != null) {
                mine.complete(fallBack(notification, held, "unexpected failure: " + failure));
            } else {
                mine.complete(outcome);
            }
        });
        return mine;
    }

    private Outcome decide(MoveNotification notification, Presence held, Duration wait, IQ reply, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            return fallBack(notification, held, cause instanceof TimeoutException
                    ? notification.oldJid() + " did not answer within " + wait.toMillis() + " ms"
                    : "asking " + notification.oldJid() + " failed: " + cause.getMessage());
        }
        Optional<String> problem = StatementCheck.problem(notification, reply);
        if (problem.isPresent()) {
            return fallBack(notification, held, problem.get());
        }
        // the roster may have changed while the old address was asked
        Optional<RosterItem> old = approvedOld(notification);
        if (old.isEmpty()) {
            return fallBack(notification, held, "the user no longer approves " + notification.oldJid());
        }
        try {
            switchOver(notification, old.get());
        } catch (AccountException | RuntimeException e) {
            return fallBack(notification, held, "the roster could not be changed: " + e.getMessage());
        }
        return Outcome.FOLLOWED;
    }

    /**
     * The XEP's steps, sent through the server's own subscription handling so that it updates and pushes the roster
     * items exactly as if the user's client had sent them: approve the new address (its item, with the old item's
     * name and groups, goes from none to from), revoke the old one (both becomes to, from becomes none), and ask the
     * new address back when the old link was mutual.
     */
    private void switchOver(MoveNotification notification, RosterItem old) throws AccountException {
        String user = notification.username();
        boolean known = rosters.items(user).stream().anyMatch(i -> i.jid().equals(notification.newJid()));
        if (!known) {
            rosters.put(user, new RosterItem(notification.newJid(), old.name(), Subscription.NONE, old.groups()));
        }
        route.send(presence(notification, Presence.Type.subscribed, notification.newJid()));
        route.send(presence(notification, Presence.Type.unsubscribed, notification.oldJid()));
        if (old.subscription() == Subscription.BOTH) {
            route.send(presence(notification, Presence.Type.subscribe, notification.newJid()));
        }
        LOG.info("XEP-0283: {} moved to {}; {}'s roster follows (name {}, groups {}{})", notification.oldJid(),
                notification.newJid(), user, old.name() == null ? "none" : "'" + old.name() + "'", old.groups(),
                old.subscription() == Subscription.BOTH ? ", subscription asked back" : "");
    }

    private Outcome fallBack(MoveNotification notification, Presence held, String why) {
        LOG.info("XEP-0283: the request from {} to {} claiming to replace {} is delivered as it came: {}",
                notification.newJid(), notification.contact(), notification.oldJid(), why);
        route.release(held);
        return Outcome.DELIVERED;
    }

    private Optional<RosterItem> approvedOld(MoveNotification notification) {
        try {
            return rosters.items(notification.username()).stream()
                    .filter(i -> i.jid().equals(notification.oldJid()))
                    .filter(i -> i.subscription().approvedByUser())
                    .findFirst();
        } catch (AccountException e) {
            return Optional.empty();
        }
    }

    private static Presence presence(MoveNotification notification, Presence.Type type, JID to) {
        Presence presence = new Presence(type);
        presence.setFrom(notification.contact());
        presence.setTo(to);
        return presence;
    }
}
