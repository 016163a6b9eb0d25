package org.modernxmpp.portability.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.RosterPort;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.SubscriptionRequest;
import org.modernxmpp.portability.pie.model.UserData;

/**
 * Contacts and waiting subscription requests. Merge adds missing contacts and missing groups and never changes a
 * subscription state or an existing name; replace makes the roster equal the file's. Never an item for the user's
 * own address, never a contact twice.
 */
final class RosterImporter implements KindImporter {

    @Override
    public DataKind kind() {
        return DataKind.ROSTER;
    }

    @Override
    public KindPlan plan(UserData data, ImportTarget target) throws AccountException {
        RosterPort rosters = target.ports().rosters();
        String user = target.username();
        String self = target.jid().toBareJID();
        Map<String, RosterItem> current = new LinkedHashMap<>();
        List<SubscriptionRequest> currentPending = List.of();
        if (target.accountExists()) {
            rosters.items(user).forEach(i -> current.put(i.jid().toBareJID(), i));
            currentPending = rosters.pendingSubscriptions(user);
        }
        KindPolicy policy = target.policy(kind());
        List<PlannedChange> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> inFile = new LinkedHashSet<>();
        for (RosterItem item : data.roster()) {
            String contact = item.jid().toBareJID();
            if (contact.equals(self)) {
                notes.add("skipped an item for the account's own address " + contact);
                continue;
            }
            if (!inFile.add(contact)) {
                notes.add("skipped a second item for " + contact);
                continue;
            }
            RosterItem existing = current.get(contact);
            RosterItem wanted = existing == null || policy == KindPolicy.REPLACE ? item : merged(existing, item);
            if (!wanted.equals(existing)) {
                String what = existing == null ? "add " : policy == KindPolicy.REPLACE ? "replace " : "add groups or name to ";
                changes.add(new PlannedChange(what + contact, () -> rosters.put(user, wanted)));
            }
        }
        if (policy == KindPolicy.REPLACE) {
            for (RosterItem existing : current.values()) {
                if (!inFile.contains(existing.jid().toBareJID())) {
                    changes.add(new PlannedChange("remove " + existing.jid().toBareJID(), () -> rosters.remove(user, existing.jid())));
                }
            }
        }
        Set<String> pending = new LinkedHashSet<>();
        currentPending.forEach(r -> pending.add(r.from().toBareJID()));
        String noPending = rosters.whyNoPendingSubscriptions();
        for (SubscriptionRequest request : data.pendingSubscriptions()) {
            String from = request.from().toBareJID();
            if (noPending != null && !from.equals(self) && pending.add(from)) {
                notes.add("not kept: the waiting subscription request from " + from + " (" + noPending + ")");
            } else if (!from.equals(self) && pending.add(from)) {
                changes.add(new PlannedChange("keep the waiting subscription request from " + from,
                        () -> rosters.addPendingSubscription(user, request)));
            }
        }
        return KindPlan.of(kind(), policy, !current.isEmpty() || !currentPending.isEmpty(), changes, notes);
    }

    /** The existing item with the file's groups added, and the file's name where it had none. */
    private static RosterItem merged(RosterItem existing, RosterItem file) {
        List<String> groups = new ArrayList<>(existing.groups());
        file.groups().stream().filter(g -> !groups.contains(g)).forEach(groups::add);
        String name = existing.name() != null && !existing.name().isEmpty() ? existing.name() : file.name();
        return new RosterItem(existing.jid(), name, existing.subscription(), existing.ask(), existing.approved(), groups,
                existing.extensions());
    }
}
