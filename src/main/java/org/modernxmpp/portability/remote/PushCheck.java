package org.modernxmpp.portability.remote;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.modernxmpp.portability.pie.model.PepItem;
import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.PrivacyLists;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.modernxmpp.portability.transfer.DataKind;
import org.modernxmpp.portability.transfer.ImportOptions;
import org.modernxmpp.portability.transfer.KindPolicy;
import org.xmpp.packet.JID;

/**
 * What a push should leave in the account, by key only (contacts, node items, fragment names), checked against the
 * account read again afterwards: a server may take a write and keep less (a node that holds one item, a list it
 * trims), and the person must hear of it.
 */
final class PushCheck {
    private final Set<String> contacts = new LinkedHashSet<>();
    private final Map<String, Set<String>> items = new LinkedHashMap<>();
    private final Set<String> fragments = new LinkedHashSet<>();
    private final Set<String> blocked = new LinkedHashSet<>();
    private final Set<String> privacyLists = new LinkedHashSet<>();
    private final Set<String> omemo = new HashSet<>();
    private boolean vCard;

    /** What {@code user} holds, by key; {@code self} is the user's own address in the file. */
    static PushCheck of(UserData user, JID self) {
        PushCheck check = new PushCheck();
        user.roster().stream().map(item -> item.jid().toBareJID()).filter(jid -> !jid.equals(self.toBareJID()))
                .forEach(check.contacts::add);
        check.vCard = user.vCard() != null;
        user.privateXml().forEach(f -> check.fragments.add(key(f)));
        for (PepNode node : user.pepNodes()) {
            check.items.put(node.node(), node.items().stream().map(PepItem::id).collect(Collectors.toCollection(LinkedHashSet::new)));
            if (node.isOmemo()) {
                check.omemo.add(node.node());
            }
        }
        user.blocklist().forEach(jid -> check.blocked.add(jid.toString()));
        if (user.privacy() != null) {
            user.privacy().lists().forEach(list -> check.privacyLists.add(list.name()));
        }
        return check;
    }

    private static String key(XmlPayload fragment) {
        return "{" + fragment.namespace() + "}" + fragment.name();
    }

    /** One line per kind the options write with something missing, naming what. */
    List<String> missing(UserData now, ImportOptions options) {
        List<String> missing = new ArrayList<>();
        if (writes(options, DataKind.ROSTER)) {
            add(missing, "contacts", contacts, now.roster().stream().map(RosterItem::jid).map(JID::toBareJID).collect(Collectors.toSet()));
        }
        if (writes(options, DataKind.VCARD) && vCard && now.vCard() == null) {
            missing.add("profile (vCard): not there");
        }
        if (writes(options, DataKind.PRIVATE_XML)) {
            add(missing, "private XML", fragments, now.privateXml().stream().map(PushCheck::key).collect(Collectors.toSet()));
        }
        if (writes(options, DataKind.PEP)) {
            Map<String, PepNode> nodes = now.pepNodes().stream().collect(Collectors.toMap(PepNode::node, Function.identity(), (a, b) -> a));
            items.forEach((node, ids) -> {
                PepNode there = nodes.get(node);
                if (omemo.contains(node) && !options.omemoIntoOtherAccount()) {
                    return;
                }
                if (there == null) {
                    missing.add("PEP node " + node + ": not there");
                } else {
                    add(missing, "PEP node " + node + " items", ids, there.items().stream().map(PepItem::id).collect(Collectors.toSet()));
                }
            });
        }
        if (writes(options, DataKind.BLOCKLIST)) {
            add(missing, "blocklist", blocked, now.blocklist().stream().map(JID::toString).collect(Collectors.toSet()));
        }
        if (writes(options, DataKind.PRIVACY)) {
            add(missing, "privacy lists", privacyLists, now.privacy() == null ? Set.of()
                    : now.privacy().lists().stream().map(PrivacyLists.PrivacyList::name).collect(Collectors.toSet()));
        }
        return missing;
    }

    private static boolean writes(ImportOptions options, DataKind kind) {
        return options.policy(kind) != KindPolicy.SKIP;
    }

    private static void add(List<String> missing, String what, Set<String> wanted, Set<String> there) {
        Set<String> absent = new LinkedHashSet<>(wanted);
        absent.removeAll(new HashSet<>(there));
        if (!absent.isEmpty()) {
            missing.add(what + ": " + absent.size() + " of " + wanted.size() + " not there: " + String.join(", ", absent));
        }
    }
}
