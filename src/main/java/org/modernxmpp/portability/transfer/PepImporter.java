package org.modernxmpp.portability.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.PepPort;
import org.modernxmpp.portability.pie.model.Affiliation;
import org.modernxmpp.portability.pie.model.NodeSubscription;
import org.modernxmpp.portability.pie.model.PepItem;
import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;

/**
 * PEP nodes and items. Merge creates missing nodes and publishes missing items; replace makes each node in the
 * file equal the file's (nodes the file does not name stay). OMEMO key nodes are not imported into another
 * account unless asked: a stale identity is worse than none.
 */
final class PepImporter implements KindImporter {

    @Override
    public DataKind kind() {
        return DataKind.PEP;
    }

    @Override
    public KindPlan plan(UserData data, ImportTarget target) throws AccountException {
        PepPort pep = target.ports().pep();
        String user = target.username();
        Map<String, PepNode> current = new HashMap<>();
        if (target.accountExists()) {
            pep.read(user).forEach(n -> current.put(n.node(), n));
        }
        KindPolicy policy = target.policy(kind());
        List<PlannedChange> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (PepNode fileNode : data.pepNodes()) {
            PepNode node = target.isOtherAccount() ? forAccount(fileNode, target) : fileNode;
            if (node.isOmemo() && target.isOtherAccount() && !target.options().omemoIntoOtherAccount()) {
                notes.add("OMEMO node " + node.node() + " not imported into another account (its keys belong to "
                        + target.source().toBareJID() + ")");
                continue;
            }
            PepNode existing = current.get(node.node());
            if (node.equals(existing)) {
                continue;
            }
            if (existing == null) {
                changes.add(new PlannedChange("create node " + node.node(), () -> pep.putNode(user, node)));
                node.items().forEach(item -> changes.add(publish(pep, user, node.node(), item)));
            } else if (policy == KindPolicy.REPLACE) {
                changes.add(new PlannedChange("delete node " + node.node() + " to replace it", () -> pep.deleteNode(user, node.node())));
                changes.add(new PlannedChange("create node " + node.node(), () -> pep.putNode(user, node)));
                node.items().forEach(item -> changes.add(publish(pep, user, node.node(), item)));
            } else {
                Set<String> ids = existing.items().stream().map(PepItem::id).collect(Collectors.toSet());
                node.items().stream().filter(item -> !ids.contains(item.id()))
                        .forEach(item -> changes.add(publish(pep, user, node.node(), item)));
            }
        }
        return KindPlan.of(kind(), policy, !current.isEmpty(), changes, notes);
    }

    /**
     * The node as the account it is imported into owns it: the file user's own address in affiliations and
     * subscriptions becomes the account's, so the old address never gains rights over the new account's nodes.
     */
    private static PepNode forAccount(PepNode node, ImportTarget target) {
        JID source = target.source().asBareJID();
        JID account = target.jid().asBareJID();
        List<Affiliation> affiliations = node.affiliations().stream()
                .map(a -> a.jid().asBareJID().equals(source) ? new Affiliation(account, a.affiliation()) : a).toList();
        List<NodeSubscription> subscriptions = node.subscriptions().stream()
                .map(s -> s.jid().asBareJID().equals(source) ? new NodeSubscription(account, s.state(), s.subid(), s.options()) : s)
                .toList();
        return new PepNode(node.node(), node.configuration(), affiliations, subscriptions, node.items());
    }

    private static PlannedChange publish(PepPort pep, String user, String node, PepItem item) {
        return new PlannedChange("publish item " + item.id() + " on " + node, () -> pep.publish(user, node, item));
    }
}
