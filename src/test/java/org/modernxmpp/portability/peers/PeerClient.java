package org.modernxmpp.portability.peers;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaFactory;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.mam.MamManager;
import org.jxmpp.jid.impl.JidCreate;

/**
 * One logged-in account on a peer, as an ordinary XMPP client sees it (Smack 4.4 over plain TCP on loopback, SCRAM
 * login, no stream management, no automatic answer to subscription requests). Writes go out as raw XML and reads come
 * back as dom4j elements, so a test compares what the server really holds.
 */
final class PeerClient implements AutoCloseable {
    static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    static final String PUBSUB_OWNER = "http://jabber.org/protocol/pubsub#owner";
    static final String PRIVATE = "jabber:iq:private";
    static final String PRIVACY = "jabber:iq:privacy";
    static final String BLOCKING = "urn:xmpp:blocking";
    static final String VCARD = "vcard-temp";

    /** Where a peer's client port is. */
    record Address(String ip, int port, String domain) {
    }

    /** What arrived right after the initial presence: flooded offline messages and re-sent subscription requests. */
    record Arrivals(List<Message> messages, List<String> subscriptionRequestsFrom) {
    }

    private final XMPPTCPConnection connection;

    private PeerClient(XMPPTCPConnection connection) {
        this.connection = connection;
    }

    /** Logs in without sending an initial presence, so the account stays unavailable (offline messages stay stored). */
    static PeerClient login(Address address, String user, String password) throws Exception {
        return login(address, user, password, Duration.ofSeconds(10));
    }

    static PeerClient login(Address address, String user, String password, Duration replyTimeout) throws Exception {
        XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(address.domain())
                .setHostAddress(InetAddress.getByName(address.ip()))
                .setPort(address.port())
                .setUsernameAndPassword(user, password)
                // each login its own resource: a second login with the same one would end the first (stream conflict)
                .setResource("peers-live-" + java.util.UUID.randomUUID().toString().substring(0, 8))
                .setSendPresence(false)
                .setSecurityMode(SecurityMode.disabled)
                .setConnectTimeout(10_000)
                .build();
        XMPPTCPConnection connection = new XMPPTCPConnection(config);
        connection.setUseStreamManagement(false);
        Roster roster = Roster.getInstanceFor(connection);
        // Smack's default would answer every subscription request with a refusal on the tests' behalf.
        roster.setSubscriptionMode(Roster.SubscriptionMode.manual);
        roster.setRosterLoadedAtLogin(false);
        connection.setReplyTimeout(replyTimeout.toMillis());
        connection.connect();
        try {
            connection.login();
        } catch (Exception e) {
            connection.disconnect();
            throw e;
        }
        // Privacy-list pushes come as IQ sets of a namespace whose Smack model the tests replaced: acknowledge them.
        connection.registerIQRequestHandler(new AbstractIqRequestHandler("query", PRIVACY, IQ.Type.set, IQRequestHandler.Mode.async) {
            @Override
            public IQ handleIQRequest(IQ request) {
                return IQ.createResultIQ(request);
            }
        });
        return new PeerClient(connection);
    }

    String bareJid() {
        return connection.getUser().asBareJid().toString();
    }

    // ---------------------------------------------------------------- raw IQs

    /** An IQ get; the child element of the result, or null for an empty result. */
    Element get(String to, String element, String namespace, String inner) throws Exception {
        return send(IQ.Type.get, to, element, namespace, inner);
    }

    Element set(String to, String element, String namespace, String inner) throws Exception {
        return send(IQ.Type.set, to, element, namespace, inner);
    }

    private Element send(IQ.Type type, String to, String element, String namespace, String inner) throws Exception {
        RawIq iq = new RawIq(type, element, namespace, inner);
        if (to != null) {
            iq.setTo(JidCreate.from(to));
        }
        IQ result = connection.sendIqRequestAndWaitForResponse(iq);
        if (result instanceof RawIq raw && raw.receivedXml() != null) {
            return parse(raw.receivedXml());
        }
        return null;
    }

    static Element parse(String xml) {
        try {
            Element root = DocumentHelper.parseText(xml).getRootElement();
            root.detach();
            return root;
        } catch (DocumentException e) {
            throw new IllegalStateException("unparseable XML from the peer: " + xml, e);
        }
    }

    /** A round trip, so that everything this client sent before has been processed by the server. */
    void sync() throws Exception {
        roster();
    }

    // ---------------------------------------------------------------- roster and presence

    void rosterSet(String jid, String name, String... groups) throws Exception {
        RosterPacket set = new RosterPacket();
        set.setType(IQ.Type.set);
        RosterPacket.Item item = new RosterPacket.Item(JidCreate.bareFrom(jid), name);
        for (String group : groups) {
            item.addGroupName(group);
        }
        set.addRosterItem(item);
        connection.sendIqRequestAndWaitForResponse(set);
    }

    List<RosterPacket.Item> roster() throws Exception {
        RosterPacket get = new RosterPacket();
        get.setType(IQ.Type.get);
        RosterPacket result = connection.sendIqRequestAndWaitForResponse(get);
        return result.getRosterItems();
    }

    void presence(Presence.Type type, String to) throws Exception {
        connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza().ofType(type).to(JidCreate.from(to)).build());
    }

    // ---------------------------------------------------------------- PEP

    /** Publishes to the account's own PEP service; {@code options} is a publish-options form of var, value pairs. */
    void publish(String node, String itemId, String payload, String... options) throws Exception {
        StringBuilder inner = new StringBuilder("<publish node='").append(Xml.attr(node)).append("'><item id='")
                .append(Xml.attr(itemId)).append("'>").append(payload).append("</item></publish>");
        if (options.length > 0) {
            inner.append("<publish-options><x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'>"
                    + "<value>http://jabber.org/protocol/pubsub#publish-options</value></field>");
            for (int i = 0; i < options.length; i += 2) {
                inner.append("<field var='").append(Xml.attr(options[i])).append("'><value>").append(Xml.attr(options[i + 1]))
                        .append("</value></field>");
            }
            inner.append("</x></publish-options>");
        }
        set(bareJid(), "pubsub", PUBSUB, inner.toString());
    }

    /** The items of one of the account's own PEP nodes, as the server returns them (empty when there is no node). */
    List<Element> pepItems(String node) throws Exception {
        Element pubsub;
        try {
            pubsub = get(bareJid(), "pubsub", PUBSUB, "<items node='" + Xml.attr(node) + "'/>");
        } catch (XMPPException.XMPPErrorException e) {
            return List.of();
        }
        Element items = pubsub == null ? null : pubsub.element("items");
        return items == null ? List.of() : new ArrayList<>(items.elements("item"));
    }

    // ---------------------------------------------------------------- messages

    void sendMessage(String to, Message.Type type, String id, String subject, String body) throws Exception {
        MessageBuilder message = new StanzaFactory(() -> id).buildMessageStanza().to(JidCreate.from(to)).ofType(type)
                .setBody(body);
        if (subject != null) {
            message.setSubject(subject);
        }
        connection.sendStanza(message.build());
    }

    /**
     * Sends the initial presence and collects, for {@code wait}, the messages the server floods (offline storage) and
     * the subscription requests it re-sends (pending inbound requests); returns early once {@code messages} arrived and
     * no request came for a while.
     */
    Arrivals goOnline(int messages, Duration wait) throws Exception {
        List<Message> received = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        connection.addSyncStanzaListener(stanza -> {
            synchronized (received) {
                received.add((Message) stanza);
            }
        }, StanzaTypeFilter.MESSAGE);
        connection.addSyncStanzaListener(stanza -> {
            Presence presence = (Presence) stanza;
            if (presence.getType() == Presence.Type.subscribe) {
                synchronized (received) {
                    requests.add(presence.getFrom().asBareJid().toString());
                }
            }
        }, StanzaTypeFilter.PRESENCE);
        connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available).build());
        long deadline = System.nanoTime() + wait.toNanos();
        long settle = Duration.ofMillis(1500).toNanos();
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            synchronized (received) {
                if (received.size() >= messages && System.nanoTime() - started > settle) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        sync();
        synchronized (received) {
            return new Arrivals(List.copyOf(received), List.copyOf(requests));
        }
    }

    /** A subscription request carrying XEP-0283's moved element, as a moving client (or a spoofer) sends it. */
    void subscribeAsMoved(String to, String oldJid) throws Exception {
        connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.subscribe)
                .to(JidCreate.from(to)).addExtension(new MovedElement(oldJid)).build());
    }

    /** A subscription request this client received while online: from whom, and the old address it named, if any. */
    record Request(String from, String movedFrom) {
    }

    /** Sends the initial presence and from then on keeps every subscription request that arrives, in order. */
    List<Request> watchRequests() throws Exception {
        List<Request> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        connection.addSyncStanzaListener(stanza -> {
            Presence presence = (Presence) stanza;
            if (presence.getType() == Presence.Type.subscribe) {
                MovedElement moved = presence.getExtension(MovedElement.class);
                requests.add(new Request(presence.getFrom().asBareJid().toString(), moved == null ? null : moved.oldJid()));
            }
        }, StanzaTypeFilter.PRESENCE);
        connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available).build());
        sync();
        return requests;
    }

    /** The account's whole message archive (XEP-0313), oldest first. */
    MamManager.MamQuery archive() throws Exception {
        return MamManager.getInstanceFor(connection).queryArchive(MamManager.MamQueryArgs.builder().setResultPageSizeTo(100).build());
    }

    @Override
    public void close() {
        if (connection.isConnected()) {
            connection.disconnect();
        }
    }

    /** Whether a login with this password is accepted; false on a SASL refusal. */
    static boolean canLogin(Address address, String user, String password) throws Exception {
        try (PeerClient client = login(address, user, password)) {
            return client.connection.isAuthenticated();
        } catch (org.jivesoftware.smack.sasl.SASLErrorException | SmackException.SmackSaslException refused) {
            return false;
        }
    }

    /** How a login ended: accepted, refused (SASL failure), or no SASL answer at all (the server dropped the stream). */
    enum LoginOutcome { ACCEPTED, REFUSED, NO_ANSWER }

    /**
     * A login whose failure is expected: Smack's warnings about the dropped stream are held back meanwhile (the
     * logger's level is restored afterwards), so the test log shows only what is not expected.
     */
    static LoginOutcome tryLogin(Address address, String user, String password, Duration replyTimeout) throws Exception {
        java.util.logging.Logger smack = java.util.logging.Logger.getLogger("org.jivesoftware.smack");
        java.util.logging.Level level = smack.getLevel();
        smack.setLevel(java.util.logging.Level.SEVERE);
        try (PeerClient client = login(address, user, password, replyTimeout)) {
            return client.connection.isAuthenticated() ? LoginOutcome.ACCEPTED : LoginOutcome.REFUSED;
        } catch (org.jivesoftware.smack.sasl.SASLErrorException | SmackException.SmackSaslException refused) {
            return LoginOutcome.REFUSED;
        } catch (SmackException dropped) {
            return LoginOutcome.NO_ANSWER;
        } finally {
            smack.setLevel(level);
        }
    }
}
