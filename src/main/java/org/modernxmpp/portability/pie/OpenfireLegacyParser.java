package org.modernxmpp.portability.pie;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dom4j.DocumentFactory;
import org.dom4j.Element;
import org.dom4j.QName;
import org.modernxmpp.portability.pie.model.AccountDetails;
import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.SubscriptionRequest;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.JID;

/**
 * Reads one {@code <User>} of the legacy format of Openfire's userImportExport plugin, which many admins keep
 * as backups: {@code <Openfire><User><Username/><Password/><Email/><Name/><CreationDate/><ModifiedDate/><Roster>…}.
 * Dates are milliseconds since the epoch; roster states are Openfire's RosterItem numbers.
 */
final class OpenfireLegacyParser {

    UserData read(Element user, UserContext context) throws PieFormatException {
        UserData.Builder data = UserData.builder(context.user);
        String password = user.elementText("Password");
        if (password != null && !password.isEmpty()) {
            if (password.equals(context.user)) {
                context.note("password equals the username: userImportExport wrote the username when Openfire kept"
                        + " only hashes, so it is probably not the real password");
            }
            data.password(password);
        }
        data.account(new AccountDetails(emptyToNull(user.elementText("Name")), emptyToNull(user.elementText("Email")),
                millis(user.elementText("CreationDate"), "CreationDate", context),
                millis(user.elementText("ModifiedDate"), "ModifiedDate", context), Map.of()));
        Element roster = user.element("Roster");
        if (roster != null) {
            for (Element item : roster.elements("Item")) {
                readItem(item, data, context);
            }
        }
        for (Element child : user.elements()) {
            if (!List.of("Username", "Password", "Email", "Name", "CreationDate", "ModifiedDate", "Roster").contains(child.getName())) {
                context.notes.unknown("User", child.getNamespaceURI(), child.getName());
                data.extension(XmlPayload.of(child));
            }
        }
        return data.build();
    }

    private void readItem(Element item, UserData.Builder data, UserContext context) throws PieFormatException {
        JID jid = context.jid(item.attributeValue("jid"), "roster item");
        int sub = status(item, "substatus", 0, context);
        int ask = status(item, "askstatus", -1, context);
        int recv = status(item, "recvstatus", -1, context);
        if (recv == 1) {
            Element presence = DocumentFactory.getInstance().createElement(QName.get("presence", Namespaces.CLIENT));
            presence.addAttribute("type", "subscribe");
            presence.addAttribute("from", jid.toBareJID());
            data.pendingSubscription(new SubscriptionRequest(jid.asBareJID(), XmlPayload.of(presence)));
        }
        RosterItem.Subscription subscription = switch (sub) {
            case -1 -> null;
            case 0 -> RosterItem.Subscription.NONE;
            case 1 -> RosterItem.Subscription.TO;
            case 2 -> RosterItem.Subscription.FROM;
            case 3 -> RosterItem.Subscription.BOTH;
            default -> throw context.error("roster item " + jid + ": unknown substatus " + sub);
        };
        if (subscription == null) {
            context.note("roster item " + jid + " is marked for removal (substatus -1) and is not read");
            return;
        }
        RosterItem.Ask askState = switch (ask) {
            case -1 -> null;
            case 0 -> RosterItem.Ask.SUBSCRIBE;
            case 1 -> RosterItem.Ask.UNSUBSCRIBE;
            default -> throw context.error("roster item " + jid + ": unknown askstatus " + ask);
        };
        List<String> groups = new ArrayList<>();
        for (Element group : item.elements("Group")) {
            if (!group.getText().isEmpty() && !groups.contains(group.getText())) {
                groups.add(group.getText());
            }
        }
        data.rosterItem(new RosterItem(jid, emptyToNull(item.attributeValue("name")), subscription, askState, false,
                groups, List.of()));
    }

    private static int status(Element item, String attribute, int absent, UserContext context) throws PieFormatException {
        String value = item.attributeValue(attribute);
        try {
            return value == null || value.isBlank() ? absent : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw context.error("roster item " + item.attributeValue("jid") + ": " + attribute + " '" + value + "' is not a number");
        }
    }

    private static Instant millis(String value, String what, UserContext context) throws PieFormatException {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw context.error(what + " '" + value + "' is not milliseconds since the epoch");
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
