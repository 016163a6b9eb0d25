package org.modernxmpp.portability.moved;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.RosterPort;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.RosterItem.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * The new account's part of a move (XEP-0283 section 4.2): tell every contact in the roster, one at a time at a
 * steady pace, with a subscription request that names the old address. Contacts whose server follows moves switch
 * without a click; others see an ordinary request.
 *
 * <p>Before each request the contact's item is set back to no subscription: an imported roster carries the old
 * account's states, which the contact's server does not share for the new address (and Openfire would not even send
 * a request to an item it believes approved). Contacts who could see the old account's presence are remembered, and
 * their request to see the new one is approved on the user's behalf: Openfire 5.1 has no pre-approval of its own.
 *
 * <p>A run is written down after every step and taken up again after a restart.
 */
public final class ContactNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(ContactNotifier.class);

    /** How far a run has got, for the pages. */
    public record Progress(JID oldJid, int total, long sent, long accepted, boolean running, List<ContactResult> contacts) {
        public Progress {
            contacts = List.copyOf(contacts);
        }
    }

    /**
     * One contact of a run: whether it was asked yet, and whether it has accepted the new address (the new account
     * now sees its presence, whether the contact's server followed the move or the contact clicked).
     */
    public record ContactResult(JID contact, boolean asked, boolean accepted) {
    }

    private final RosterPort rosters;
    private final StanzaRoute route;
    private final NoticeLedger ledger;
    private final ScheduledExecutorService scheduler;
    private final Supplier<Duration> pace;
    private final String domain;
    private final Clock clock;
    private final Map<String, ScheduledFuture<?>> running = new HashMap<>();

    /**
     * @param pace the pause between two requests of one run, read before each (a contact's server may limit how fast
     *             it accepts subscription requests, and a burst from thousands of moving users would look like spam)
     */
    public ContactNotifier(RosterPort rosters, StanzaRoute route, NoticeLedger ledger, ScheduledExecutorService scheduler,
                           Supplier<Duration> pace, String domain, Clock clock) {
        this.rosters = rosters;
        this.route = route;
        this.ledger = ledger;
        this.scheduler = scheduler;
        this.pace = pace;
        this.domain = domain;
        this.clock = clock;
    }

    /**
     * Starts telling the account's contacts that it replaces {@code oldAddress}; a run for the same old address is
     * resumed instead, so pressing the button twice sends nobody two requests.
     *
     * @throws IllegalArgumentException when the old address is not a bare account address other than this one
     */
    public synchronized Progress start(String username, String oldAddress) throws AccountException {
        JID own = address(username);
        JID oldJid = AccountAddress.bare(oldAddress, "old");
        if (oldJid.equals(own)) {
            throw new IllegalArgumentException("the old address is this account's own");
        }
        Optional<NoticeRun> earlier = ledger.read(username);
        if (earlier.isEmpty() || !earlier.get().oldJid().equals(oldJid)) {
            List<Notice> notices = new ArrayList<>();
            for (RosterItem item : rosters.items(username)) {
                if (!item.jid().equals(oldJid) && !item.jid().equals(own) && item.jid().getNode() != null) {
                    notices.add(new Notice(item.jid(), item.subscription().approvedByUser(), false));
                }
            }
            ledger.write(new NoticeRun(username, oldJid, clock.instant(), notices));
            LOG.info("XEP-0283: {} starts telling {} contacts that it replaces {}", own, notices.size(), oldJid);
        }
        schedule(username);
        return progress(username).orElseThrow();
    }

    /** Takes up every unfinished run, after a restart. */
    public synchronized void resumeAll() {
        for (String username : ledger.usernames()) {
            try {
                if (!ledger.read(username).orElseThrow().finished()) {
                    schedule(username);
                }
            } catch (RuntimeException e) {
                LOG.warn("XEP-0283: cannot resume telling the contacts of {}: {}", username, e.getMessage());
            }
        }
    }

    /** Stops a run; what was sent stays sent, and pre-approvals stay until used. */
    public synchronized void stop(String username) {
        ScheduledFuture<?> task = running.remove(username);
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Stops a run and forgets it, with its pre-approvals (the account is being deleted). */
    public synchronized void forget(String username) {
        stop(username);
        ledger.delete(username);
    }

    /** The accounts with a run on record, finished or not. */
    public List<String> accounts() {
        return ledger.usernames();
    }

    public synchronized Optional<Progress> progress(String username) throws AccountException {
        Optional<NoticeRun> run = ledger.read(username);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        java.util.Set<JID> seeing = rosters.items(username).stream()
                .filter(i -> i.subscription().approvedByContact()).map(RosterItem::jid)
                .collect(java.util.stream.Collectors.toSet());
        List<ContactResult> contacts = run.get().notices().stream()
                .map(n -> new ContactResult(n.contact(), n.sent(), n.sent() && seeing.contains(n.contact()))).toList();
        long accepted = contacts.stream().filter(ContactResult::accepted).count();
        return Optional.of(new Progress(run.get().oldJid(), contacts.size(), run.get().sent(), accepted, running.containsKey(username), contacts));
    }

    /**
     * Whether a subscription request from {@code contact} to the account is approved on the user's behalf: once per
     * contact of a run who could see the old account's presence. The approval is sent here, before the server
     * handles the request, which it then answers itself as approved.
     */
    public boolean approveOnBehalf(String username, JID contact) {
        JID bare = contact.asBareJID();
        boolean[] used = {false};
        Optional<NoticeRun> run = ledger.update(username, r -> r.of(bare).filter(Notice::preApproved).map(n -> {
            used[0] = true;
            return r.with(n.approvalUsed());
        }).orElse(r));
        if (!used[0]) {
            return false;
        }
        Presence approval = new Presence(Presence.Type.subscribed);
        approval.setFrom(address(username));
        approval.setTo(bare);
        route.send(approval);
        LOG.info("XEP-0283: approved {}'s request to see {} on the user's behalf (it could see {})", bare,
                approval.getFrom(), run.orElseThrow().oldJid());
        return true;
    }

    private JID address(String username) {
        return new JID(username, domain, null);
    }

    private void schedule(String username) {
        if (running.containsKey(username)) {
            return;
        }
        running.put(username, scheduler.schedule(() -> step(username), 0, TimeUnit.MILLISECONDS));
    }

    /** One request, sent without holding the notifier's lock: sending runs Openfire's interceptors on this thread. */
    private void step(String username) {
        synchronized (this) {
            if (!running.containsKey(username)) {
                return;
            }
        }
        try {
            NoticeRun run = ledger.read(username).orElseThrow();
            Optional<Notice> next = run.next();
            if (next.isEmpty()) {
                synchronized (this) {
                    running.remove(username);
                }
                LOG.info("XEP-0283: {} has told all {} contacts", username, run.notices().size());
                return;
            }
            notify(run, next.get());
            ledger.update(username, r -> r.of(next.get().contact()).map(n -> r.with(n.markSent())).orElse(r));
            synchronized (this) {
                if (running.containsKey(username)) {
                    running.put(username, scheduler.schedule(() -> step(username), pace.get().toMillis(), TimeUnit.MILLISECONDS));
                }
            }
        } catch (java.util.concurrent.RejectedExecutionException e) {
            synchronized (this) {
                running.remove(username);
            }
            LOG.info("XEP-0283: telling the contacts of {} pauses while the plugin stops; it goes on when it starts again", username);
        } catch (AccountException | RuntimeException e) {
            synchronized (this) {
                running.remove(username);
            }
            LOG.warn("XEP-0283: telling the contacts of {} stopped: {}", username, e.getMessage(), e);
        }
    }

    private void notify(NoticeRun run, Notice notice) throws AccountException {
        Optional<RosterItem> item = rosters.items(run.username()).stream().filter(i -> i.jid().equals(notice.contact())).findFirst();
        rosters.put(run.username(), new RosterItem(notice.contact(), item.map(RosterItem::name).orElse(null), Subscription.NONE,
                item.map(RosterItem::groups).orElse(List.of())));
        Presence request = new Presence(Presence.Type.subscribe);
        request.setFrom(address(run.username()));
        request.setTo(notice.contact());
        request.getElement().addElement("moved", MovedStatement.NAMESPACE).addElement("old-jid").setText(run.oldJid().toBareJID());
        route.send(request);
    }
}
