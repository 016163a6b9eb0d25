package org.modernxmpp.portability.openfire;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;

import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.event.UserEventListener;
import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.modernxmpp.portability.account.RosterPort;
import org.modernxmpp.portability.moved.ContactNotifier;
import org.modernxmpp.portability.moved.Departures;
import org.modernxmpp.portability.moved.MoveFollower;
import org.modernxmpp.portability.moved.Moves;
import org.modernxmpp.portability.moved.NoticeLedger;
import org.modernxmpp.portability.moved.Tombstones;
import org.xmpp.packet.JID;

/**
 * XEP-0283 inside a running Openfire: the contacts' side (rosters follow confirmed moves), the new account's side
 * (telling contacts, approving their requests on the user's behalf) and the old account's (departures, tombstones
 * of deleted accounts), all sending through Openfire's routers and acting on one plugin thread.
 */
public final class OpenfireMoves {
    private final Moves moves;
    private final List<PacketInterceptor> interceptors;
    private final UserEventListener accounts;

    private OpenfireMoves(Moves moves, List<PacketInterceptor> interceptors, UserEventListener accounts) {
        this.moves = moves;
        this.interceptors = interceptors;
        this.accounts = accounts;
    }

    /** @param folder where runs of notices, departures and tombstones are kept between restarts */
    public static OpenfireMoves of(XMPPServer server, OpenfireSettings settings, Path folder, ScheduledExecutorService executor) {
        OpenfireStanzaRoute route = new OpenfireStanzaRoute(server.getIQRouter(), server.getPresenceRouter());
        RosterPort rosters = new OpenfireRosters(server.getRosterManager());
        Predicate<JID> local = server::isLocal;
        Clock clock = Clock.systemUTC();
        MoveFollower follower = new MoveFollower(rosters, route, executor, settings::moveVerificationTimeout);
        ContactNotifier notifier = new ContactNotifier(rosters, route, new NoticeLedger(folder.resolve("notices")), executor,
                () -> Duration.ofMillis(60_000 / settings.movedNoticesPerMinute()), server.getServerInfo().getXMPPDomain(), clock);
        Moves moves = new Moves(notifier, new Departures(folder.resolve("departures"), rosters, clock),
                new Tombstones(folder.resolve("tombstones"), clock));
        return new OpenfireMoves(moves, List.of(
                new MovedRequestInterceptor(follower, route, local, settings::followMovedContacts),
                new PreApprovalInterceptor(notifier, local),
                new TombstoneInterceptor(moves.tombstones(), local, server.getIQRouter()::route)),
                new TombstoneKeeper(moves, settings::keepTombstones, settings::tombstoneLifetime));
    }

    public Moves moves() {
        return moves;
    }

    /** What to register with Openfire's InterceptorManager. */
    public List<PacketInterceptor> interceptors() {
        return interceptors;
    }

    /** What to register with Openfire's UserEventDispatcher. */
    public UserEventListener accounts() {
        return accounts;
    }
}
