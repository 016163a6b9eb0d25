package org.modernxmpp.portability.openfire;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;

import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.modernxmpp.portability.account.RosterPort;
import org.modernxmpp.portability.moved.ContactNotifier;
import org.modernxmpp.portability.moved.MoveFollower;
import org.modernxmpp.portability.moved.NoticeLedger;
import org.xmpp.packet.JID;

/**
 * XEP-0283 inside a running Openfire: the contacts' side (rosters follow confirmed moves) and the new account's side
 * (telling contacts, approving their requests on the user's behalf), all sending through Openfire's routers and
 * acting on one plugin thread.
 */
public final class OpenfireMoves {
    private final ContactNotifier notifier;
    private final List<PacketInterceptor> interceptors;

    private OpenfireMoves(ContactNotifier notifier, List<PacketInterceptor> interceptors) {
        this.notifier = notifier;
        this.interceptors = interceptors;
    }

    /** @param ledger where runs of notices are kept between restarts */
    public static OpenfireMoves of(XMPPServer server, OpenfireSettings settings, Path ledger, ScheduledExecutorService executor) {
        OpenfireStanzaRoute route = new OpenfireStanzaRoute(server.getIQRouter(), server.getPresenceRouter());
        RosterPort rosters = new OpenfireRosters(server.getRosterManager());
        Predicate<JID> local = server::isLocal;
        MoveFollower follower = new MoveFollower(rosters, route, executor, settings::moveVerificationTimeout);
        ContactNotifier notifier = new ContactNotifier(rosters, route, new NoticeLedger(ledger), executor,
                () -> Duration.ofMillis(60_000 / settings.movedNoticesPerMinute()), server.getServerInfo().getXMPPDomain(),
                Clock.systemUTC());
        return new OpenfireMoves(notifier, List.of(
                new MovedRequestInterceptor(follower, route, local, settings::followMovedContacts),
                new PreApprovalInterceptor(notifier, local)));
    }

    public ContactNotifier notifier() {
        return notifier;
    }

    /** What to register with Openfire's InterceptorManager. */
    public List<PacketInterceptor> interceptors() {
        return interceptors;
    }
}
