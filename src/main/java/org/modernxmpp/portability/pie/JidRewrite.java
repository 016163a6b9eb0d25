package org.modernxmpp.portability.pie;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.dom4j.Attribute;
import org.dom4j.Element;
import org.modernxmpp.portability.pie.model.Affiliation;
import org.modernxmpp.portability.pie.model.ArchivedMessage;
import org.modernxmpp.portability.pie.model.NodeSubscription;
import org.modernxmpp.portability.pie.model.OfflineMessage;
import org.modernxmpp.portability.pie.model.PepItem;
import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.PrivacyLists;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.SubscriptionRequest;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.JID;

/**
 * Rewrites addresses in an export, JID-aware, wherever a JID appears: hosts, roster items, requests, blocklist,
 * privacy rules, PEP affiliations, subscriptions and item ids, and the JID-valued attributes and JID text elements
 * inside payloads (stanza to/from, bookmarks, vCard JABBERID). Two rewrites exist: a host moved to another domain
 * (a JID changes only when its domain is exactly the old one, so {@code conference.old.example} and
 * {@code notold.example} stay), and one account's address replaced by another's (any resource kept).
 */
public final class JidRewrite {
    private static final List<String> JID_TEXT_ELEMENTS = List.of("JABBERID", "new-jid", "old-jid");

    /** The text every JID this rewrite changes contains: a cheap test that lets most payloads pass untouched. */
    private final String needle;
    private final UnaryOperator<JID> mapping;
    private long changes;

    private JidRewrite(String needle, UnaryOperator<JID> mapping) {
        this.needle = needle;
        this.mapping = mapping;
    }

    /** Moves every JID of {@code oldDomain} to {@code newDomain}. */
    public static JidRewrite host(String oldDomain, String newDomain) {
        String from = new JID(oldDomain).getDomain();
        String to = new JID(newDomain).getDomain();
        return new JidRewrite(from, jid -> from.equals(jid.getDomain()) ? new JID(jid.getNode(), to, jid.getResource(), true) : null);
    }

    /** Replaces one account's address (bare or with any resource) by another account's. */
    public static JidRewrite account(JID oldAccount, JID newAccount) {
        JID from = oldAccount.asBareJID();
        JID to = newAccount.asBareJID();
        return new JidRewrite(from.getDomain(), jid -> from.equals(jid.asBareJID())
                ? new JID(to.getNode(), to.getDomain(), jid.getResource(), true) : null);
    }

    /** How many JIDs have been rewritten so far. */
    public long changes() {
        return changes;
    }

    public PieEntry apply(PieEntry entry) {
        if (entry instanceof PieEntry.HostUser user) {
            return new PieEntry.HostUser(jid(user.host()), apply(user.user()));
        }
        PieEntry.Extension extension = (PieEntry.Extension) entry;
        return new PieEntry.Extension(extension.host() == null ? null : jid(extension.host()), payload(extension.element()));
    }

    public UserData apply(UserData user) {
        UserData.Builder b = UserData.builder(user.name()).account(user.account()).password(user.password());
        user.scram().forEach(b::scram);
        for (RosterItem item : user.roster()) {
            b.rosterItem(new RosterItem(jid(item.jid()), item.name(), item.subscription(), item.ask(), item.approved(),
                    item.groups(), payloads(item.extensions())));
        }
        for (SubscriptionRequest request : user.pendingSubscriptions()) {
            b.pendingSubscription(new SubscriptionRequest(jid(request.from()), payload(request.presence())));
        }
        b.vCard(user.vCard() == null ? null : payload(user.vCard()));
        payloads(user.privateXml()).forEach(b::privateXml);
        for (OfflineMessage message : user.offlineMessages()) {
            b.offlineMessage(new OfflineMessage(payload(message.message()), message.stamp()));
        }
        user.pepNodes().forEach(node -> b.pepNode(pepNode(node)));
        b.privacy(user.privacy() == null ? null : privacy(user.privacy()));
        user.blocklist().forEach(jid -> b.blocked(jid(jid)));
        for (ArchivedMessage message : user.archive()) {
            b.archived(new ArchivedMessage(message.id(), message.stamp(), payload(message.message())));
        }
        payloads(user.extensions()).forEach(b::extension);
        user.extraAttributes().forEach(b::extraAttribute);
        return b.build();
    }

    private PepNode pepNode(PepNode node) {
        List<Affiliation> affiliations = node.affiliations().stream()
                .map(a -> new Affiliation(jid(a.jid()), a.affiliation())).toList();
        List<NodeSubscription> subscriptions = node.subscriptions().stream()
                .map(s -> new NodeSubscription(jid(s.jid()), s.state(), s.subid(), s.options())).toList();
        List<PepItem> items = node.items().stream()
                .map(i -> new PepItem(text(i.id()), i.payload() == null ? null : payload(i.payload()))).toList();
        return new PepNode(node.node(), node.configuration(), affiliations, subscriptions, items);
    }

    private PrivacyLists privacy(PrivacyLists privacy) {
        List<PrivacyLists.PrivacyList> lists = new ArrayList<>();
        for (PrivacyLists.PrivacyList list : privacy.lists()) {
            lists.add(new PrivacyLists.PrivacyList(list.name(), list.rules().stream()
                    .map(r -> "jid".equals(r.type()) ? new PrivacyLists.PrivacyRule(r.type(), text(r.value()), r.allow(),
                            r.order(), r.stanzas()) : r)
                    .toList()));
        }
        return new PrivacyLists(privacy.defaultList(), privacy.activeList(), lists);
    }

    private JID jid(JID jid) {
        JID renamed = mapping.apply(jid);
        if (renamed == null) {
            return jid;
        }
        changes++;
        return renamed;
    }

    /** The value rewritten if it is a JID on the old domain, else unchanged. */
    private String text(String value) {
        if (value == null || !value.contains(needle)) {
            return value;
        }
        String trimmed = value.trim();
        String prefix = trimmed.startsWith("xmpp:") ? "xmpp:" : "";
        try {
            JID jid = new JID(trimmed.substring(prefix.length()));
            JID renamed = jid(jid);
            return renamed == jid ? value : prefix + renamed;
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private List<XmlPayload> payloads(List<XmlPayload> payloads) {
        return payloads.stream().map(this::payload).toList();
    }

    private XmlPayload payload(XmlPayload payload) {
        if (!payload.canonicalForm().contains(needle)) {
            return payload;
        }
        Element copy = payload.copy();
        rewrite(copy);
        return XmlPayload.of(copy);
    }

    private void rewrite(Element element) {
        for (Attribute attribute : element.attributes()) {
            String renamed = text(attribute.getValue());
            if (!renamed.equals(attribute.getValue())) {
                attribute.setValue(renamed);
            }
        }
        if (JID_TEXT_ELEMENTS.contains(element.getName()) && element.elements().isEmpty()) {
            String renamed = text(element.getText());
            if (!renamed.equals(element.getText())) {
                element.setText(renamed);
            }
        }
        element.elements().forEach(this::rewrite);
    }
}
