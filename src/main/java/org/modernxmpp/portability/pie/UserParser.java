package org.modernxmpp.portability.pie;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dom4j.Attribute;
import org.dom4j.Element;
import org.dom4j.QName;
import org.modernxmpp.portability.pie.model.AccountDetails;
import org.modernxmpp.portability.pie.model.ArchivedMessage;
import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.OfflineMessage;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.ScramCredentials;
import org.modernxmpp.portability.pie.model.SubscriptionRequest;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;

/**
 * Turns one {@code <user>} element into {@link UserData}: each child by namespace and local name (never by
 * prefix), dialects normalised, anything unknown kept as an extension and noted.
 */
final class UserParser {
    private final ScramParser scramParser = new ScramParser();
    private final PrivacyParser privacyParser = new PrivacyParser();

    UserData read(Element user, String pieNamespace, UserContext context) throws PieFormatException {
        UserData.Builder data = UserData.builder(context.user);
        Map<String, ScramCredentials> scram = new HashMap<>();
        readAttributes(user, data, scram, context);
        PepParser pep = new PepParser();
        boolean hasVCard = false;
        for (Element child : user.elements()) {
            String ns = child.getNamespaceURI();
            switch (ns + " " + child.getName()) {
                case Namespaces.PIE_SCRAM + " scram-credentials" -> {
                    ScramCredentials credentials = scramParser.read(child, context);
                    ScramCredentials previous = scram.put(credentials.mechanism(), credentials);
                    if (previous != null) {
                        context.note(credentials.mechanism() + " credentials appear twice; the later ones are kept");
                    }
                }
                case Namespaces.ROSTER + " query" -> readRoster(child, data, context);
                case Namespaces.ACCOUNT + " account" -> data.account(readAccount(child, context));
                case Namespaces.VCARD + " vCard" -> {
                    if (!hasVCard) {
                        data.vCard(XmlPayload.of(child));
                        hasVCard = true;
                    } else {
                        carry(child, data, context, "a second vCard");
                    }
                }
                case Namespaces.PRIVATE + " query" -> child.elements().forEach(f -> data.privateXml(XmlPayload.of(f)));
                case Namespaces.PRIVACY + " query" -> data.privacy(privacyParser.read(child, context));
                case Namespaces.BLOCKING + " blocklist" -> {
                    for (Element item : child.elements()) {
                        data.blocked(context.jid(item.attributeValue("jid"), "blocklist item"));
                    }
                }
                case Namespaces.PUBSUB_OWNER + " pubsub" ->
                        pep.readOwner(child, context).forEach(e -> carry(e, data, context, "in PEP configuration"));
                case Namespaces.PUBSUB + " pubsub" ->
                        pep.readItems(child, context).forEach(e -> carry(e, data, context, "in PEP items"));
                case Namespaces.PIE_MAM + " archive" -> readArchive(child, data, context);
                case Namespaces.CLIENT + " presence" -> readPresence(child, data, context);
                default -> {
                    if (ns.equals(pieNamespace) && child.getName().equals("offline-messages")) {
                        readOffline(child, pieNamespace, data, context);
                    } else if (ns.equals(pieNamespace) && child.getName().equals("presence")) {
                        context.notes.dialect("Prosody: pending subscription requests without jabber:client namespace");
                        readPresence(renamespace(child, pieNamespace, Namespaces.CLIENT), data, context);
                    } else {
                        carry(child, data, context, null);
                    }
                }
            }
        }
        scram.values().stream().sorted(java.util.Comparator.comparing(ScramCredentials::mechanism)).forEach(data::scram);
        pep.nodes().forEach(data::pepNode);
        return data.build();
    }

    private void readAttributes(Element user, UserData.Builder data, Map<String, ScramCredentials> scram,
                                UserContext context) throws PieFormatException {
        for (Attribute attribute : user.attributes()) {
            String ns = attribute.getNamespaceURI();
            if (ns.isEmpty() && attribute.getName().equals("name")) {
                continue;
            }
            if (ns.isEmpty() && attribute.getName().equals("password")) {
                String password = attribute.getValue();
                if (password.startsWith("scram:")) {
                    ScramCredentials legacy = scramParser.readLegacyAttribute(password, context);
                    scram.put(legacy.mechanism(), legacy);
                } else if (!password.isEmpty()) {
                    data.password(password);
                }
                continue;
            }
            if (Namespaces.PROSODY_EXTENDED.equals(ns)) {
                context.notes.dialect("Prosody: extended account fields as attributes");
            }
            context.notes.unknown("user@", ns, attribute.getName());
            data.extraAttribute(new UserData.ExtraAttribute(ns, attribute.getName(), attribute.getValue()));
        }
    }

    private AccountDetails readAccount(Element account, UserContext context) throws PieFormatException {
        java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
        for (Element property : account.elements(QName.get("property", Namespaces.ACCOUNT))) {
            String name = property.attributeValue("name");
            if (name == null) {
                throw context.error("account property without a name");
            }
            properties.put(name, property.getText());
        }
        return new AccountDetails(account.elementText(QName.get("name", Namespaces.ACCOUNT)),
                account.elementText(QName.get("email", Namespaces.ACCOUNT)),
                instant(account.elementText(QName.get("created", Namespaces.ACCOUNT)), "created", context),
                instant(account.elementText(QName.get("modified", Namespaces.ACCOUNT)), "modified", context), properties);
    }

    private static Instant instant(String value, String what, UserContext context) throws PieFormatException {
        if (value == null) {
            return null;
        }
        Instant instant = Timestamps.parse(value);
        if (instant == null) {
            throw context.error("account " + what + " '" + value + "' is not a date-time");
        }
        return instant;
    }

    private void readRoster(Element query, UserData.Builder data, UserContext context) throws PieFormatException {
        if (query.attribute("version") != null) {
            context.notes.dialect("Prosody: roster version attribute (not carried: it is per server)");
        }
        for (Element item : query.elements()) {
            if (!item.getName().equals("item") || !Namespaces.ROSTER.equals(item.getNamespaceURI())) {
                carry(item, data, context, "in the roster");
                continue;
            }
            data.rosterItem(rosterItem(item, context));
        }
    }

    private RosterItem rosterItem(Element item, UserContext context) throws PieFormatException {
        var jid = context.jid(item.attributeValue("jid"), "roster item");
        String subscriptionValue = item.attributeValue("subscription", "none").trim().toLowerCase(Locale.ROOT);
        RosterItem.Subscription subscription = switch (subscriptionValue) {
            case "none" -> RosterItem.Subscription.NONE;
            case "to" -> RosterItem.Subscription.TO;
            case "from" -> RosterItem.Subscription.FROM;
            case "both" -> RosterItem.Subscription.BOTH;
            default -> throw context.error("roster item " + jid + ": unknown subscription '" + subscriptionValue + "'");
        };
        String askValue = item.attributeValue("ask");
        RosterItem.Ask ask = askValue == null ? null : switch (askValue) {
            case "subscribe" -> RosterItem.Ask.SUBSCRIBE;
            case "unsubscribe" -> RosterItem.Ask.UNSUBSCRIBE;
            default -> throw context.error("roster item " + jid + ": unknown ask '" + askValue + "'");
        };
        String approved = item.attributeValue("approved");
        List<String> groups = new ArrayList<>();
        List<XmlPayload> extensions = new ArrayList<>();
        for (Element child : item.elements()) {
            if (child.getName().equals("group") && Namespaces.ROSTER.equals(child.getNamespaceURI())) {
                String group = child.getText();
                if (group.isEmpty()) {
                    context.note("roster item " + jid + ": empty group name ignored");
                } else if (!groups.contains(group)) {
                    groups.add(group);
                }
            } else {
                context.notes.unknown("roster item", child.getNamespaceURI(), child.getName());
                extensions.add(XmlPayload.of(child));
            }
        }
        return new RosterItem(jid, item.attributeValue("name"), subscription, ask,
                "true".equals(approved) || "1".equals(approved), groups, extensions);
    }

    private void readPresence(Element presence, UserData.Builder data, UserContext context) throws PieFormatException {
        if (!"subscribe".equals(presence.attributeValue("type"))) {
            carry(presence, data, context, "a presence that is not a subscription request");
            return;
        }
        data.pendingSubscription(new SubscriptionRequest(
                context.jid(presence.attributeValue("from"), "pending subscription request"), XmlPayload.of(presence)));
    }

    private void readOffline(Element offline, String pieNamespace, UserData.Builder data, UserContext context) {
        for (Element child : offline.elements()) {
            Element message = child;
            if (child.getName().equals("message") && !Namespaces.CLIENT.equals(child.getNamespaceURI())) {
                context.notes.dialect("offline messages without jabber:client namespace");
                message = renamespace(child, child.getNamespaceURI(), Namespaces.CLIENT);
            }
            if (!message.getName().equals("message")) {
                carry(child, data, context, "in offline messages");
                continue;
            }
            data.offlineMessage(new OfflineMessage(XmlPayload.of(message), delayStamp(message)));
        }
    }

    private static Instant delayStamp(Element stanza) {
        Element delay = stanza.element(QName.get("delay", Namespaces.DELAY));
        if (delay == null) {
            delay = stanza.element(QName.get("x", "jabber:x:delay"));
        }
        return delay == null ? null : Timestamps.parse(delay.attributeValue("stamp"));
    }

    private void readArchive(Element archive, UserData.Builder data, UserContext context) throws PieFormatException {
        Map<String, XmlPayload> seen = new HashMap<>();
        for (Element result : archive.elements()) {
            Element forwarded = result.element(QName.get("forwarded", Namespaces.FORWARD));
            String id = result.attributeValue("id");
            if (!result.getName().equals("result") || forwarded == null || id == null) {
                carry(result, data, context, "in the message archive");
                continue;
            }
            Element message = forwarded.element(QName.get("message", Namespaces.CLIENT));
            Instant stamp = delayStamp(forwarded);
            if (message == null || stamp == null) {
                throw context.error("archive result " + id + " needs a jabber:client message and a delay stamp");
            }
            XmlPayload payload = XmlPayload.of(message);
            XmlPayload previous = seen.put(id, payload);
            if (payload.equals(previous)) {
                context.note("archive result " + id + " appears twice; read once");
                continue;
            }
            if (previous != null) {
                context.note("archive results with the same id " + id + " differ; both kept");
            }
            data.archived(new ArchivedMessage(id, stamp, payload));
        }
    }

    private static void carry(Element element, UserData.Builder data, UserContext context, String why) {
        context.notes.unknown("user", element.getNamespaceURI(), element.getName());
        if (why != null) {
            context.note("kept as an extension: {" + element.getNamespaceURI() + "}" + element.getName() + " (" + why + ")");
        }
        data.extension(XmlPayload.of(element));
    }

    /** A copy with every element in namespace {@code from} moved to {@code to}; other namespaces untouched. */
    static Element renamespace(Element element, String from, String to) {
        Element copy = org.dom4j.DocumentFactory.getInstance().createElement(
                element.getNamespaceURI().equals(from) ? QName.get(element.getName(), to) : element.getQName());
        element.attributes().forEach(a -> copy.addAttribute(a.getQName(), a.getValue()));
        for (var node : element.content()) {
            if (node instanceof Element child) {
                copy.add(renamespace(child, from, to));
            } else {
                copy.add((org.dom4j.Node) node.clone());
            }
        }
        return copy;
    }
}
