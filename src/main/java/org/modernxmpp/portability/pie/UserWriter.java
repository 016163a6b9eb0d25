package org.modernxmpp.portability.pie;

import java.io.IOException;
import java.util.Locale;

import org.modernxmpp.portability.pie.model.AccountDetails;
import org.modernxmpp.portability.pie.model.Affiliation;
import org.modernxmpp.portability.pie.model.ArchivedMessage;
import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.NodeSubscription;
import org.modernxmpp.portability.pie.model.OfflineMessage;
import org.modernxmpp.portability.pie.model.PepItem;
import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.PrivacyLists;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.ScramCredentials;
import org.modernxmpp.portability.pie.model.SubscriptionRequest;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.JID;

/**
 * Writes one {@code <user>} in canonical XEP-0227 r1.1 form, children in a fixed order: credentials, account details,
 * offline messages (the schema wants them first), roster, pending requests, vCard, private XML, privacy
 * lists, blocklist, PEP (node side, then items), archive, then unknown extensions as they came.
 */
final class UserWriter {
    private final ScramEncoding scramEncoding;

    UserWriter(ScramEncoding scramEncoding) {
        this.scramEncoding = scramEncoding;
    }

    void write(XmlOutput out, UserData user) throws IOException {
        write(out, user, null);
    }

    /** As {@link #write(XmlOutput, UserData)}, with the archive's messages after the model's own as {@code more} hands them over. */
    void write(XmlOutput out, UserData user, ArchiveFeed more) throws IOException {
        out.start(Namespaces.PIE, "user", true);
        out.attribute("name", user.name());
        // Never both: ejabberd's import crashes on a password next to SCRAM credentials, and hashes win.
        if (user.scram().isEmpty()) {
            out.attribute("password", user.password());
        }
        for (UserData.ExtraAttribute extra : user.extraAttributes()) {
            if (extra.namespace().isEmpty()) {
                out.attribute(extra.name(), extra.value());
            } else {
                out.attribute(extra.namespace(), prefixFor(extra.namespace()), extra.name(), extra.value());
            }
        }
        for (ScramCredentials scram : user.scram()) {
            scram(out, scram);
        }
        if (user.account() != null) {
            account(out, user.account());
        }
        if (!user.offlineMessages().isEmpty()) {
            out.start(Namespaces.PIE, "offline-messages", true);
            for (OfflineMessage message : user.offlineMessages()) {
                out.element(message.message().element(), true);
            }
            out.end(true);
        }
        if (!user.roster().isEmpty()) {
            out.start(Namespaces.ROSTER, "query", true);
            for (RosterItem item : user.roster()) {
                rosterItem(out, item);
            }
            out.end(true);
        }
        for (SubscriptionRequest request : user.pendingSubscriptions()) {
            out.element(request.presence().element(), true);
        }
        if (user.vCard() != null) {
            out.element(user.vCard().element(), true);
        }
        if (!user.privateXml().isEmpty()) {
            out.start(Namespaces.PRIVATE, "query", true);
            for (XmlPayload fragment : user.privateXml()) {
                out.element(fragment.element(), true);
            }
            out.end(true);
        }
        if (user.privacy() != null) {
            privacy(out, user.privacy());
        }
        if (!user.blocklist().isEmpty()) {
            out.start(Namespaces.BLOCKING, "blocklist", true);
            for (JID jid : user.blocklist()) {
                out.start(Namespaces.BLOCKING, "item", true);
                out.attribute("jid", jid.toString());
                out.end(false);
            }
            out.end(true);
        }
        if (!user.pepNodes().isEmpty()) {
            pepNodes(out, user);
            pepItems(out, user);
        }
        ArchiveOutput archive = new ArchiveOutput(out);
        for (ArchivedMessage message : user.archive()) {
            archive.add(message);
        }
        if (more != null) {
            more.writeTo(archive);
        }
        archive.close();
        for (XmlPayload extension : user.extensions()) {
            out.element(extension.element(), true);
        }
        out.end(true);
    }

    private static String prefixFor(String namespace) {
        return Namespaces.PROSODY_EXTENDED.equals(namespace) ? "prosody" : "ext";
    }

    private void scram(XmlOutput out, ScramCredentials scram) throws IOException {
        out.start(Namespaces.PIE_SCRAM, "scram-credentials", true);
        out.attribute("mechanism", scram.mechanism());
        out.textElement(Namespaces.PIE_SCRAM, "iter-count", Integer.toString(scram.iterations()));
        out.textElement(Namespaces.PIE_SCRAM, "salt", scramEncoding.encode(scram.salt()));
        out.textElement(Namespaces.PIE_SCRAM, "server-key", scramEncoding.encode(scram.serverKey()));
        out.textElement(Namespaces.PIE_SCRAM, "stored-key", scramEncoding.encode(scram.storedKey()));
        out.end(false);
    }

    private void account(XmlOutput out, AccountDetails account) throws IOException {
        out.start(Namespaces.ACCOUNT, "account", true);
        if (account.name() != null) {
            out.textElement(Namespaces.ACCOUNT, "name", account.name());
        }
        if (account.email() != null) {
            out.textElement(Namespaces.ACCOUNT, "email", account.email());
        }
        if (account.created() != null) {
            out.textElement(Namespaces.ACCOUNT, "created", Timestamps.format(account.created()));
        }
        if (account.modified() != null) {
            out.textElement(Namespaces.ACCOUNT, "modified", Timestamps.format(account.modified()));
        }
        for (var property : account.properties().entrySet()) {
            out.start(Namespaces.ACCOUNT, "property", false);
            out.attribute("name", property.getKey());
            out.text(property.getValue());
            out.end(false);
        }
        out.end(false);
    }

    private void rosterItem(XmlOutput out, RosterItem item) throws IOException {
        out.start(Namespaces.ROSTER, "item", true);
        out.attribute("jid", item.jid().toString());
        out.attribute("name", item.name());
        out.attribute("subscription", item.subscription().name().toLowerCase(Locale.ROOT));
        if (item.ask() != null) {
            out.attribute("ask", item.ask().name().toLowerCase(Locale.ROOT));
        }
        if (item.approved()) {
            out.attribute("approved", "true");
        }
        for (String group : item.groups()) {
            out.textElement(Namespaces.ROSTER, "group", group);
        }
        for (XmlPayload extension : item.extensions()) {
            out.element(extension.element(), false);
        }
        out.end(false);
    }

    private void privacy(XmlOutput out, PrivacyLists privacy) throws IOException {
        out.start(Namespaces.PRIVACY, "query", true);
        if (privacy.activeList() != null) {
            out.start(Namespaces.PRIVACY, "active", true);
            out.attribute("name", privacy.activeList());
            out.end(false);
        }
        if (privacy.defaultList() != null) {
            out.start(Namespaces.PRIVACY, "default", true);
            out.attribute("name", privacy.defaultList());
            out.end(false);
        }
        for (PrivacyLists.PrivacyList list : privacy.lists()) {
            out.start(Namespaces.PRIVACY, "list", true);
            out.attribute("name", list.name());
            for (PrivacyLists.PrivacyRule rule : list.rules()) {
                out.start(Namespaces.PRIVACY, "item", true);
                out.attribute("type", rule.type());
                out.attribute("value", rule.value());
                out.attribute("action", rule.allow() ? "allow" : "deny");
                out.attribute("order", Long.toString(rule.order()));
                for (String stanza : rule.stanzas()) {
                    out.start(Namespaces.PRIVACY, stanza, false);
                    out.end(false);
                }
                out.end(false);
            }
            out.end(true);
        }
        out.end(true);
    }

    private void pepNodes(XmlOutput out, UserData user) throws IOException {
        out.start(Namespaces.PUBSUB_OWNER, "pubsub", true);
        for (PepNode node : user.pepNodes()) {
            // XEP-0227 r1.1: every node in <items> MUST have a <configure>, even an empty one
            out.start(Namespaces.PUBSUB_OWNER, "configure", true);
            out.attribute("node", node.node());
            if (node.configuration() != null) {
                out.element(node.configuration().element(), false);
            }
            out.end(false);
            if (!node.affiliations().isEmpty()) {
                out.start(Namespaces.PUBSUB_OWNER, "affiliations", true);
                out.attribute("node", node.node());
                for (Affiliation affiliation : node.affiliations()) {
                    out.start(Namespaces.PUBSUB_OWNER, "affiliation", false);
                    out.attribute("jid", affiliation.jid().toString());
                    out.attribute("affiliation", affiliation.affiliation());
                    out.end(false);
                }
                out.end(false);
            }
            if (!node.subscriptions().isEmpty()) {
                out.start(Namespaces.PUBSUB_OWNER, "subscriptions", true);
                out.attribute("node", node.node());
                for (NodeSubscription subscription : node.subscriptions()) {
                    out.start(Namespaces.PUBSUB_OWNER, "subscription", false);
                    out.attribute("jid", subscription.jid().toString());
                    out.attribute("subscription", subscription.state());
                    out.attribute("subid", subscription.subid());
                    if (subscription.options() != null) {
                        out.start(Namespaces.PUBSUB_OWNER, "options", false);
                        out.element(subscription.options().element(), false);
                        out.end(false);
                    }
                    out.end(false);
                }
                out.end(false);
            }
        }
        out.end(true);
    }

    private void pepItems(XmlOutput out, UserData user) throws IOException {
        out.start(Namespaces.PUBSUB, "pubsub", true);
        for (PepNode node : user.pepNodes()) {
            out.start(Namespaces.PUBSUB, "items", true);
            out.attribute("node", node.node());
            for (PepItem item : node.items()) {
                out.start(Namespaces.PUBSUB, "item", true);
                out.attribute("id", item.id());
                if (item.payload() != null) {
                    out.element(item.payload().element(), false);
                }
                out.end(false);
            }
            out.end(true);
        }
        out.end(true);
    }

    /** Opens {@code <archive>} with the first message only, so an account without history gets no empty element. */
    private static final class ArchiveOutput implements ArchiveFeed.Messages {
        private final XmlOutput out;
        private boolean open;

        ArchiveOutput(XmlOutput out) {
            this.out = out;
        }

        @Override
        public void add(ArchivedMessage message) throws IOException {
            if (!open) {
                out.start(Namespaces.PIE_MAM, "archive", true);
                open = true;
            }
            archived(out, message);
        }

        void close() throws IOException {
            if (open) {
                out.end(true);
                open = false;
            }
        }
    }

    private static void archived(XmlOutput out, ArchivedMessage message) throws IOException {
        out.start(Namespaces.MAM, "result", true);
        out.attribute("id", message.id());
        out.start(Namespaces.FORWARD, "forwarded", false);
        out.start(Namespaces.DELAY, "delay", false);
        out.attribute("stamp", Timestamps.format(message.stamp()));
        out.end(false);
        out.element(message.message().element(), false);
        out.end(false);
        out.end(false);
    }
}
