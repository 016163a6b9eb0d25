package org.modernxmpp.portability.peers;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.pie.PieWriter;
import org.modernxmpp.portability.pie.model.AccountDetails;
import org.modernxmpp.portability.pie.model.ArchivedMessage;
import org.modernxmpp.portability.pie.model.OfflineMessage;
import org.modernxmpp.portability.pie.model.PepItem;
import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.PrivacyLists;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.SubscriptionRequest;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.modernxmpp.portability.transfer.ExportJob;
import org.modernxmpp.portability.transfer.ExportOptions;
import org.modernxmpp.portability.transfer.TransferProgress;
import org.modernxmpp.portability.transfer.TransferReport;
import org.modernxmpp.portability.transfer.UserOutcome;
import org.xmpp.packet.JID;

/**
 * The export the import tests hand to a peer, made by our {@link ExportJob} and {@link PieWriter} from users seeded into
 * an {@link InMemoryServer}: ilse with a plaintext password and
 * every kind (a unicode roster with every subscription state and a pending request, a vCard with photo, private XML,
 * PEP nodes with configuration and items, offline messages, archived messages, privacy lists and a blocklist); olaf
 * and mira with SCRAM credentials only (mira for SHA-1 and SHA-256); jürgen, a unicode localpart, with a password and
 * a subscription request waiting but no contacts.
 */
final class OurExport {
    static final String ILSE = "ilse";
    static final String OLAF = "olaf";
    static final String MIRA = "mira";
    static final String JUERGEN = "jürgen";
    static final String ILSE_PASSWORD = "Ïlse-pässwörd ☃";
    static final String OLAF_PASSWORD = "olaf-sëcret";
    static final String MIRA_PASSWORD = "mira-secret ✓";
    static final String JUERGEN_PASSWORD = "jürgen-pass";
    static final String PAUL = "paul@remote.example";
    /** Asks jürgen, who has no contacts yet. */
    static final String FAN = "fan@remote.example";

    static final String NODE_NOTES = "urn:example:notes:0";
    /** A node the file gives no configuration: the peer creates it with its defaults. */
    static final String NODE_DRAFTS = "urn:example:drafts:0";
    static final Instant FIRST_STAMP = Instant.parse("2024-03-01T10:15:30Z");
    static final Instant SECOND_STAMP = Instant.parse("2024-03-02T08:00:00.250Z");

    final String domain;
    private final byte[] avatar;
    final String avatarId;
    private final String avatarBase64;

    OurExport(String domain) {
        this.domain = domain;
        this.avatar = Png.make("ours:" + domain);
        this.avatarId = Png.sha1Hex(avatar);
        this.avatarBase64 = java.util.Base64.getEncoder().encodeToString(avatar);
    }

    String jid(String user) {
        return user + "@" + domain;
    }

    /** Every user's password, as the peer must accept it after the import. */
    Map<String, String> passwords() {
        return Map.of(ILSE, ILSE_PASSWORD, OLAF, OLAF_PASSWORD, MIRA, MIRA_PASSWORD, JUERGEN, JUERGEN_PASSWORD);
    }

    List<UserData> users() throws Exception {
        return List.of(ilse(), olaf(), mira(), jurgen());
    }

    // ---------------------------------------------------------------- the facts

    List<PeerFill.Contact> ilseRoster() {
        return List.of(
                new PeerFill.Contact(jid(OLAF), "Olaf Øster", "both", false, List.of("Familie ✿", "Work & Play")),
                new PeerFill.Contact(jid(MIRA), "Mira 日本", "from", true, List.of("Friends")),
                new PeerFill.Contact("jürgen@remote.example", "Jürgen ☃", "none", false, List.of("Ünïcödé Gruppe")),
                new PeerFill.Contact("noname@remote.example", null, "to", false, List.of()));
    }

    List<PeerFill.Contact> olafRoster() {
        return List.of(new PeerFill.Contact(jid(ILSE), "Ilse ☀", "both", false, List.of("Family")));
    }

    String vCard() {
        return "<vCard xmlns='vcard-temp'><FN>Ilse Ødegård</FN><N><FAMILY>Ødegård</FAMILY><GIVEN>Ilse</GIVEN></N>"
                + "<NICKNAME>Ilse ☀</NICKNAME><EMAIL><INTERNET/><USERID>ilse@mail.example</USERID></EMAIL>"
                + "<DESC>Grüße &amp; &lt;markup&gt; — 日本語 😀</DESC>"
                + "<PHOTO><TYPE>image/png</TYPE><BINVAL>" + avatarBase64 + "</BINVAL></PHOTO></vCard>";
    }

    List<String> privateXml() {
        return List.of(
                "<storage xmlns='storage:bookmarks'><conference jid='café@conference." + domain + "' name='Café ☕'"
                        + " autojoin='true'><nick>ilse</nick></conference></storage>",
                "<settings xmlns='urn:example:custom' version='2'><theme>light</theme><note>Ünïcödé &amp; &lt;tags&gt;</note></settings>");
    }

    /** node -> item id -> payload. */
    Map<String, Map<String, String>> pep() {
        Map<String, Map<String, String>> pep = new TreeMap<>();
        pep.put(PeerFill.NODE_AVATAR_DATA, Map.of(avatarId, "<data xmlns='urn:xmpp:avatar:data'>" + avatarBase64 + "</data>"));
        pep.put(PeerFill.NODE_AVATAR_METADATA, Map.of(avatarId, "<metadata xmlns='urn:xmpp:avatar:metadata'><info bytes='"
                + avatar.length + "' id='" + avatarId + "' type='image/png' width='8' height='8'/></metadata>"));
        pep.put(PeerFill.NODE_NICK, Map.of("current", "<nick xmlns='http://jabber.org/protocol/nick'>Ilse ☀</nick>"));
        pep.put(PeerFill.NODE_BOOKMARKS, Map.of("café@conference." + domain,
                "<conference xmlns='urn:xmpp:bookmarks:1' name='Café ☕' autojoin='true'><nick>ilse</nick></conference>"));
        pep.put(NODE_NOTES, Map.of(
                "note-1", "<note xmlns='urn:example:notes:0' lang='de'>Erste Notiz — ünïcode &amp; &lt;tags&gt;</note>",
                "note-2", "<note xmlns='urn:example:notes:0'>second 😀</note>"));
        pep.put(NODE_DRAFTS, Map.of(
                "draft-1", "<draft xmlns='urn:example:drafts:0'>older</draft>",
                "draft-2", "<draft xmlns='urn:example:drafts:0'>newer</draft>"));
        return pep;
    }

    /**
     * The node configurations we write: the bookmarks private to the owner, as XEP-0402 asks; the notes keeping ten
     * items; the drafts none (null form).
     */
    static Map<String, Map<String, String>> pepConfigurations() {
        return Map.of(
                PeerFill.NODE_BOOKMARKS, Map.of("pubsub#access_model", "whitelist", "pubsub#persist_items", "1", "pubsub#max_items", "max"),
                NODE_NOTES, Map.of("pubsub#access_model", "presence", "pubsub#persist_items", "1", "pubsub#max_items", "10"),
                PeerFill.NODE_AVATAR_DATA, Map.of("pubsub#access_model", "presence", "pubsub#max_items", "1"),
                PeerFill.NODE_AVATAR_METADATA, Map.of("pubsub#access_model", "presence", "pubsub#max_items", "1"),
                PeerFill.NODE_NICK, Map.of("pubsub#access_model", "presence", "pubsub#max_items", "1"));
    }

    List<PeerFill.OfflineMessage> offlineMessages() {
        return List.of(
                new PeerFill.OfflineMessage(jid(OLAF), "ours-offline-1", org.jivesoftware.smack.packet.Message.Type.chat, null,
                        "Offline von Olaf — ünïcode & <markup> ☃"),
                new PeerFill.OfflineMessage(PAUL, "ours-offline-2", org.jivesoftware.smack.packet.Message.Type.normal, "Betreff 日本",
                        "Second message, from a remote contact"));
    }

    List<PeerFill.OfflineMessage> archived() {
        return List.of(
                new PeerFill.OfflineMessage(jid(OLAF), "ours-archived-1", org.jivesoftware.smack.packet.Message.Type.chat, null,
                        "Archived hello ☀"),
                new PeerFill.OfflineMessage(jid(ILSE), "ours-archived-2", org.jivesoftware.smack.packet.Message.Type.chat, null,
                        "Archived answer — 日本語"));
    }

    static final String PRIVACY_DEFAULT = "work";

    static final List<String> BLOCKED = List.of("blocked@spam.example");

    // ---------------------------------------------------------------- the model

    private UserData ilse() {
        // Our own account element (name, email, dates) travels too; other servers must ignore it as unknown.
        UserData.Builder user = UserData.builder(ILSE).password(ILSE_PASSWORD).account(new AccountDetails("Ilse Ødegård",
                "ilse@mail.example", Instant.parse("2020-01-02T03:04:05Z"), null, Map.of("console.rows", "25")));
        for (PeerFill.Contact contact : ilseRoster()) {
            user.rosterItem(rosterItem(contact));
        }
        user.pendingSubscription(new SubscriptionRequest(new JID(PAUL), Xml.payload(
                "<presence xmlns='jabber:client' type='subscribe' from='" + PAUL + "'/>")));
        user.vCard(Xml.payload(vCard()));
        privateXml().forEach(fragment -> user.privateXml(Xml.payload(fragment)));
        pep().forEach((node, items) -> user.pepNode(pepNode(node, items)));
        List<Instant> stamps = List.of(FIRST_STAMP, SECOND_STAMP);
        List<PeerFill.OfflineMessage> offline = offlineMessages();
        for (int i = 0; i < offline.size(); i++) {
            user.offlineMessage(new OfflineMessage(message(offline.get(i), jid(ILSE), stamps.get(i), true), stamps.get(i)));
        }
        List<PeerFill.OfflineMessage> archived = archived();
        for (int i = 0; i < archived.size(); i++) {
            PeerFill.OfflineMessage message = archived.get(i);
            String to = message.from().equals(jid(ILSE)) ? jid(OLAF) : jid(ILSE);
            user.archived(new ArchivedMessage("archive-id-" + (i + 1), stamps.get(i), message(message, to, stamps.get(i), false)));
        }
        user.privacy(new PrivacyLists(PRIVACY_DEFAULT, null, List.of(new PrivacyLists.PrivacyList(PRIVACY_DEFAULT, List.of(
                new PrivacyLists.PrivacyRule("jid", "spammer@spam.example", false, 1, List.of()),
                new PrivacyLists.PrivacyRule("group", "Familie ✿", true, 2, List.of("message", "presence-in")),
                new PrivacyLists.PrivacyRule(null, null, true, 3, List.of()))))));
        BLOCKED.forEach(jid -> user.blocked(new JID(jid)));
        return user.build();
    }

    private UserData olaf() throws Exception {
        UserData.Builder user = UserData.builder(OLAF).scram(Scram.derive("SCRAM-SHA-1", OLAF_PASSWORD, 4096));
        olafRoster().forEach(contact -> user.rosterItem(rosterItem(contact)));
        return user.build();
    }

    private UserData mira() throws Exception {
        return UserData.builder(MIRA).scram(Scram.derive("SCRAM-SHA-1", MIRA_PASSWORD, 5000))
                .scram(Scram.derive("SCRAM-SHA-256", MIRA_PASSWORD, 5000))
                .rosterItem(new RosterItem(new JID(jid(ILSE)), "Ilse", RosterItem.Subscription.TO, List.of()))
                .build();
    }

    private UserData jurgen() {
        return UserData.builder(JUERGEN).password(JUERGEN_PASSWORD)
                .pendingSubscription(new SubscriptionRequest(new JID(FAN), Xml.payload(
                        "<presence xmlns='jabber:client' type='subscribe' from='" + FAN + "'/>")))
                .build();
    }

    private static RosterItem rosterItem(PeerFill.Contact contact) {
        return new RosterItem(new JID(contact.jid()), contact.name(), RosterItem.Subscription.valueOf(contact.subscription().toUpperCase()),
                contact.askSubscribe() ? RosterItem.Ask.SUBSCRIBE : null, false, contact.groups(), List.of());
    }

    private PepNode pepNode(String node, Map<String, String> items) {
        XmlPayload configuration = null;
        Map<String, String> fields = pepConfigurations().get(node);
        if (fields != null) {
            StringBuilder form = new StringBuilder("<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'>"
                    + "<value>http://jabber.org/protocol/pubsub#node_config</value></field>");
            new TreeMap<>(fields).forEach((var, value) ->
                    form.append("<field var='").append(var).append("'><value>").append(value).append("</value></field>"));
            configuration = Xml.payload(form.append("</x>").toString());
        }
        List<PepItem> pepItems = new ArrayList<>();
        new TreeMap<>(items).forEach((id, payload) -> pepItems.add(new PepItem(id, Xml.payload(payload))));
        return new PepNode(node, configuration, List.of(), List.of(), pepItems);
    }

    private static XmlPayload message(PeerFill.OfflineMessage message, String to, Instant stamp, boolean withDelay) {
        StringBuilder xml = new StringBuilder("<message xmlns='jabber:client' from='").append(Xml.attr(message.from()))
                .append("' to='").append(Xml.attr(to)).append("' id='").append(message.id()).append("'");
        if (message.type() != org.jivesoftware.smack.packet.Message.Type.normal) {
            xml.append(" type='").append(message.type()).append("'");
        }
        xml.append('>');
        if (message.subject() != null) {
            xml.append("<subject>").append(Xml.attr(message.subject())).append("</subject>");
        }
        xml.append("<body>").append(Xml.attr(message.body())).append("</body>");
        if (withDelay) {
            xml.append("<delay xmlns='urn:xmpp:delay' stamp='").append(stamp).append("'/>");
        }
        return Xml.payload(xml.append("</message>").toString());
    }

    // ---------------------------------------------------------------- the files

    /**
     * Every user in one file, as ejabberd's import_piefxis reads it: the users seeded into an in-memory server and
     * exported from it by our {@link ExportJob} (credentials included) into a {@link PieWriter}.
     */
    Path writeOneFile(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        export(file, null);
        return file;
    }

    /** One {@code <user>@<host>.xml} per user, each a whole export of that user, as Prosody's xep0227 storage reads them. */
    Path writeFilePerUser(Path folder) throws Exception {
        Files.createDirectories(folder);
        for (UserData user : users()) {
            export(folder.resolve(user.name() + "@" + domain + ".xml"), List.of(user.name()));
        }
        return folder;
    }

    private void export(Path file, List<String> only) throws Exception {
        InMemoryServer server = new InMemoryServer(domain);
        for (UserData user : users()) {
            server.seed(user);
        }
        ExportOptions options = ExportOptions.everything().withCredentials(true).withUsers(only);
        TransferReport report;
        try (OutputStream out = Files.newOutputStream(file); PieWriter writer = new PieWriter(out)) {
            report = new ExportJob(server.ports(), options, new TransferProgress()).run(writer);
        }
        if (report.count(UserOutcome.Status.DONE) != (only == null ? users().size() : only.size())) {
            throw new IllegalStateException("our export left users out: " + report.users());
        }
    }
}
