package org.modernxmpp.portability.pie.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.xmpp.packet.JID;

/**
 * Everything an export holds for one account.
 *
 * @param name           the localpart, nodeprepped
 * @param account        display name, email, dates and properties, or null when the file has none
 * @param password       plaintext password, or null (XEP-0227 r1.1: allowed, not recommended)
 * @param scram          SCRAM credentials, one per mechanism
 * @param vCard          the vcard-temp vCard, or null
 * @param privateXml     XEP-0049 fragments, one per stored namespace
 * @param privacy        privacy lists, or null when the file has none
 * @param blocklist      XEP-0191 blocked JIDs
 * @param extensions     children of {@code <user>} the model does not know, carried untouched
 * @param extraAttributes attributes of {@code <user>} other than name and password (Prosody's extended fields)
 */
public record UserData(String name, AccountDetails account, String password, List<ScramCredentials> scram, List<RosterItem> roster,
                       List<SubscriptionRequest> pendingSubscriptions, XmlPayload vCard, List<XmlPayload> privateXml,
                       List<OfflineMessage> offlineMessages, List<PepNode> pepNodes, PrivacyLists privacy,
                       List<JID> blocklist, List<ArchivedMessage> archive, List<XmlPayload> extensions,
                       List<ExtraAttribute> extraAttributes) {

    public UserData {
        Objects.requireNonNull(name, "name");
        scram = List.copyOf(scram);
        roster = List.copyOf(roster);
        pendingSubscriptions = List.copyOf(pendingSubscriptions);
        privateXml = List.copyOf(privateXml);
        offlineMessages = List.copyOf(offlineMessages);
        pepNodes = List.copyOf(pepNodes);
        blocklist = List.copyOf(blocklist);
        archive = List.copyOf(archive);
        extensions = List.copyOf(extensions);
        extraAttributes = List.copyOf(extraAttributes);
    }

    /** An attribute in a foreign namespace on {@code <user>}, e.g. Prosody's {@code created}. */
    public record ExtraAttribute(String namespace, String name, String value) {
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.account = account;
        b.password = password;
        b.scram.addAll(scram);
        b.roster.addAll(roster);
        b.pendingSubscriptions.addAll(pendingSubscriptions);
        b.vCard = vCard;
        b.privateXml.addAll(privateXml);
        b.offlineMessages.addAll(offlineMessages);
        b.pepNodes.addAll(pepNodes);
        b.privacy = privacy;
        b.blocklist.addAll(blocklist);
        b.archive.addAll(archive);
        b.extensions.addAll(extensions);
        b.extraAttributes.addAll(extraAttributes);
        return b;
    }

    /** Collects one user's data while it is read or generated. */
    public static final class Builder {
        private String name;
        private AccountDetails account;
        private String password;
        private final List<ScramCredentials> scram = new ArrayList<>();
        private final List<RosterItem> roster = new ArrayList<>();
        private final List<SubscriptionRequest> pendingSubscriptions = new ArrayList<>();
        private XmlPayload vCard;
        private final List<XmlPayload> privateXml = new ArrayList<>();
        private final List<OfflineMessage> offlineMessages = new ArrayList<>();
        private final List<PepNode> pepNodes = new ArrayList<>();
        private PrivacyLists privacy;
        private final List<JID> blocklist = new ArrayList<>();
        private final List<ArchivedMessage> archive = new ArrayList<>();
        private final List<XmlPayload> extensions = new ArrayList<>();
        private final List<ExtraAttribute> extraAttributes = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder name(String value) { name = value; return this; }
        public Builder account(AccountDetails value) { account = value; return this; }
        public Builder password(String value) { password = value; return this; }
        public Builder scram(ScramCredentials value) { scram.add(value); return this; }
        public Builder rosterItem(RosterItem value) { roster.add(value); return this; }
        public Builder pendingSubscription(SubscriptionRequest value) { pendingSubscriptions.add(value); return this; }
        public Builder vCard(XmlPayload value) { vCard = value; return this; }
        public Builder privateXml(XmlPayload value) { privateXml.add(value); return this; }
        public Builder offlineMessage(OfflineMessage value) { offlineMessages.add(value); return this; }
        public Builder pepNode(PepNode value) { pepNodes.add(value); return this; }
        public Builder privacy(PrivacyLists value) { privacy = value; return this; }
        public Builder blocked(JID value) { blocklist.add(value); return this; }
        public Builder archived(ArchivedMessage value) { archive.add(value); return this; }
        public Builder extension(XmlPayload value) { extensions.add(value); return this; }
        public Builder extraAttribute(ExtraAttribute value) { extraAttributes.add(value); return this; }

        public UserData build() {
            return new UserData(name, account, password, scram, roster, pendingSubscriptions, vCard, privateXml,
                    offlineMessages, pepNodes, privacy, blocklist, archive, extensions, extraAttributes);
        }
    }
}
