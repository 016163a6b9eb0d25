package org.modernxmpp.portability.peers;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;

/**
 * What the export tests put into a live peer, through a real client, and so what they expect back: three accounts of
 * one domain (anna, ben, cleo) whose rosters hold every subscription state (both, from with a pending outbound request,
 * to with a pending inbound one, none) with names and several groups, and for anna a vCard with photo, a PEP avatar,
 * XEP-0402 bookmarks, a nickname, private XML, privacy lists where the peer has them, a blocklist and offline messages
 * waiting. Every value that can be is unicode or needs escaping.
 */
final class PeerFill {
    static final String ANNA = "anna";
    static final String BEN = "ben";
    static final String CLEO = "cleo";
    /** NFC: Ä U+00C4, ä U+00E4, ö U+00F6. */
    static final String ANNA_PASSWORD = "Änna-pässwörd ☃";
    static final String BEN_PASSWORD = "ben-secret";
    static final String CLEO_PASSWORD = "cleo-secret";
    /** A fresh account that a push fills. */
    static final String DORA = "dora";
    static final String DORA_PASSWORD = "dora-secret";
    /** A fresh account that a push from another server's export fills. */
    static final String EVE = "eve";
    static final String EVE_PASSWORD = "eve-secret";
    /** A fresh account that a push of nodes with odd configurations goes into. */
    static final String FRANK = "frank";
    static final String FRANK_PASSWORD = "frank-secret";

    static final String REMI = "rémi@remote.example";
    static final String NONAME = "noname@remote.example";

    static final String NODE_AVATAR_DATA = "urn:xmpp:avatar:data";
    static final String NODE_AVATAR_METADATA = "urn:xmpp:avatar:metadata";
    static final String NODE_NICK = "http://jabber.org/protocol/nick";
    static final String NODE_BOOKMARKS = "urn:xmpp:bookmarks:1";

    /** What a peer can hold beyond the common kinds, and what its PEP service accepts. */
    record Peer(boolean privacyLists, boolean maxItemsMaxInPublishOptions) {
    }

    /** One roster item as a client sees it; groups sorted. */
    record Contact(String jid, String name, String subscription, boolean askSubscribe, List<String> groups) {
    }

    /** One message left for anna while she was offline. */
    record OfflineMessage(String from, String id, Message.Type type, String subject, String body) {
    }

    final String domain;
    final byte[] avatar;
    final String avatarId;
    final String avatarBase64;

    PeerFill(String domain) {
        this.domain = domain;
        this.avatar = Png.make(domain);
        this.avatarId = Png.sha1Hex(avatar);
        this.avatarBase64 = Base64.getEncoder().encodeToString(avatar);
    }

    String jid(String user) {
        return user + "@" + domain;
    }

    // ---------------------------------------------------------------- the facts

    /** Every account's roster after the fill, by account. */
    Map<String, List<Contact>> rosters() {
        return Map.of(
                ANNA, List.of(
                        new Contact(jid(BEN), "Ben Bäcker ✿", "both", false, List.of("Familie", "Work & Play")),
                        new Contact(jid(CLEO), "Cléo 日本", "from", true, List.of("Friends")),
                        new Contact(NONAME, null, "none", false, List.of()),
                        new Contact(REMI, "Rémi ☃", "none", false, List.of("Friends", "Ünïcödé Gruppe"))),
                BEN, List.of(new Contact(jid(ANNA), "Anna ☀", "both", false, List.of("Family"))),
                CLEO, List.of(new Contact(jid(ANNA), "Anna", "to", false, List.of("Colleagues"))));
    }

    /** Who has asked to subscribe to whom and got no answer yet: account -> requester. */
    Map<String, List<String>> pendingInbound() {
        return Map.of(ANNA, List.of(), BEN, List.of(), CLEO, List.of(jid(ANNA)));
    }

    String vCard() {
        return "<vCard xmlns='vcard-temp'><FN>Anna Ångström</FN><N><FAMILY>Ångström</FAMILY><GIVEN>Anna</GIVEN></N>"
                + "<NICKNAME>Anna ☀</NICKNAME><EMAIL><INTERNET/><PREF/><USERID>anna@mail.example</USERID></EMAIL>"
                + "<BDAY>1990-02-28</BDAY><DESC>Grüße ☃ &amp; &lt;markup&gt; — 日本語</DESC>"
                + "<PHOTO><TYPE>image/png</TYPE><BINVAL>" + avatarBase64 + "</BINVAL></PHOTO></vCard>";
    }

    /** XEP-0049 fragments: the XEP-0048 bookmarks and a namespace of our own. */
    List<String> privateXml() {
        return List.of(
                "<storage xmlns='storage:bookmarks'><conference jid='lounge@conference." + domain + "' name='The Lounge ☕'"
                        + " autojoin='true'><nick>anna</nick></conference><url name='Example' url='https://www.example.org/'/></storage>",
                "<settings xmlns='urn:example:custom' version='1'><theme>dark</theme>"
                        + "<note lang='de'>Grüße ☃ &amp; &lt;tags&gt;</note><empty/></settings>");
    }

    /** anna's PEP: node -> item id -> payload. */
    Map<String, Map<String, String>> pep() {
        return Map.of(
                NODE_AVATAR_DATA, Map.of(avatarId, "<data xmlns='urn:xmpp:avatar:data'>" + avatarBase64 + "</data>"),
                NODE_AVATAR_METADATA, Map.of(avatarId, "<metadata xmlns='urn:xmpp:avatar:metadata'><info bytes='" + avatar.length
                        + "' id='" + avatarId + "' type='image/png' width='" + Png.SIZE + "' height='" + Png.SIZE + "'/></metadata>"),
                NODE_NICK, Map.of("current", "<nick xmlns='http://jabber.org/protocol/nick'>Anna ☀</nick>"),
                NODE_BOOKMARKS, Map.of(
                        "lounge@conference." + domain, "<conference xmlns='urn:xmpp:bookmarks:1' name='The Lounge ☕' autojoin='true'>"
                                + "<nick>anna</nick></conference>",
                        "dev@conference." + domain, "<conference xmlns='urn:xmpp:bookmarks:1' name='Dev &amp; Ops ☃' autojoin='false'>"
                                + "<nick>anna-dev</nick><password>r00m-pass</password>"
                                + "<extensions><state xmlns='urn:example:custom' collapsed='true'/></extensions></conference>"));
    }

    /** XEP-0016: the list {@code work}, made the default, and {@code strict}. */
    static final String PRIVACY_WORK = "<list name='work'>"
            + "<item type='jid' value='spammer@spam.example' action='deny' order='1'/>"
            + "<item type='group' value='Familie' action='allow' order='2'><message/><presence-in/></item>"
            + "<item type='subscription' value='none' action='deny' order='3'><presence-out/></item>"
            + "<item action='allow' order='10'/></list>";
    static final String PRIVACY_STRICT = "<list name='strict'><item type='subscription' value='both' action='allow' order='1'/>"
            + "<item action='deny' order='2'/></list>";

    static final List<String> BLOCKED = List.of("blocked1@spam.example", "blocked2@spam.example");

    List<OfflineMessage> offlineMessages() {
        return List.of(
                new OfflineMessage(jid(BEN), "offline-1", Message.Type.chat, null, "Offline ☃ from Ben — ünïcode & <markup>"),
                new OfflineMessage(jid(CLEO), "offline-2", Message.Type.normal, "Sub: Tidings 日本", "Second offline message"));
    }

    // ---------------------------------------------------------------- the fill

    /** Puts every fact above into the peer; the accounts must exist. Ends with every account offline. */
    void fill(PeerClient.Address address, Peer peer) throws Exception {
        try (PeerClient anna = PeerClient.login(address, ANNA, ANNA_PASSWORD);
             PeerClient ben = PeerClient.login(address, BEN, BEN_PASSWORD);
             PeerClient cleo = PeerClient.login(address, CLEO, CLEO_PASSWORD)) {
            fillRosters(anna, ben, cleo);
            anna.publish(NODE_AVATAR_DATA, avatarId, pep().get(NODE_AVATAR_DATA).get(avatarId));
            anna.publish(NODE_AVATAR_METADATA, avatarId, pep().get(NODE_AVATAR_METADATA).get(avatarId));
            anna.set(null, "vCard", PeerClient.VCARD, inner(vCard()));
            anna.publish(NODE_NICK, "current", pep().get(NODE_NICK).get("current"));
            for (Map.Entry<String, String> bookmark : new java.util.TreeMap<>(pep().get(NODE_BOOKMARKS)).entrySet()) {
                if (peer.maxItemsMaxInPublishOptions()) {
                    anna.publish(NODE_BOOKMARKS, bookmark.getKey(), bookmark.getValue(), "pubsub#persist_items", "true",
                            "pubsub#access_model", "whitelist", "pubsub#max_items", "max");
                } else {
                    anna.publish(NODE_BOOKMARKS, bookmark.getKey(), bookmark.getValue(), "pubsub#persist_items", "true",
                            "pubsub#access_model", "whitelist");
                }
            }
            for (String fragment : privateXml()) {
                anna.set(null, "query", PeerClient.PRIVATE, fragment);
            }
            if (peer.privacyLists()) {
                anna.set(null, "query", PeerClient.PRIVACY, PRIVACY_WORK);
                anna.set(null, "query", PeerClient.PRIVACY, PRIVACY_STRICT);
                anna.set(null, "query", PeerClient.PRIVACY, "<default name='work'/>");
            }
            anna.set(null, "block", PeerClient.BLOCKING,
                    "<item jid='" + BLOCKED.get(0) + "'/><item jid='" + BLOCKED.get(1) + "'/>");
            anna.sync();
            anna.close();
            Thread.sleep(300);
            OfflineMessage first = offlineMessages().get(0);
            ben.sendMessage(jid(ANNA), first.type(), first.id(), first.subject(), first.body());
            ben.sync();
            OfflineMessage second = offlineMessages().get(1);
            cleo.sendMessage(jid(ANNA), second.type(), second.id(), second.subject(), second.body());
            cleo.sync();
            Thread.sleep(300);
        }
    }

    private void fillRosters(PeerClient anna, PeerClient ben, PeerClient cleo) throws Exception {
        for (Contact contact : rosters().get(ANNA)) {
            anna.rosterSet(contact.jid(), contact.name(), contact.groups().toArray(String[]::new));
        }
        Contact benSide = rosters().get(BEN).get(0);
        ben.rosterSet(benSide.jid(), benSide.name(), benSide.groups().toArray(String[]::new));
        Contact cleoSide = rosters().get(CLEO).get(0);
        cleo.rosterSet(cleoSide.jid(), cleoSide.name(), cleoSide.groups().toArray(String[]::new));
        // anna <-> ben: both
        handshake(anna, Presence.Type.subscribe, ben);
        handshake(ben, Presence.Type.subscribed, anna);
        handshake(ben, Presence.Type.subscribe, anna);
        handshake(anna, Presence.Type.subscribed, ben);
        // cleo -> anna approved (anna: from, cleo: to), then anna -> cleo left unanswered
        handshake(cleo, Presence.Type.subscribe, anna);
        handshake(anna, Presence.Type.subscribed, cleo);
        handshake(anna, Presence.Type.subscribe, cleo);
        Thread.sleep(300);
    }

    private static void handshake(PeerClient from, Presence.Type type, PeerClient to) throws Exception {
        from.presence(type, to.bareJid());
        from.sync();
        to.sync();
        Thread.sleep(100);
    }

    /** The content of an element written as text: what goes inside the IQ's child element of that name. */
    static String inner(String element) {
        int start = element.indexOf('>') + 1;
        int end = element.lastIndexOf("</");
        return element.substring(start, end);
    }
}
