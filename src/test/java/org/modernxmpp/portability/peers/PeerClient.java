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
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.impl.JidCreate;
import org.modernxmpp.portability.pie.Timestamps;
import org.modernxmpp.portability.pie.model.ArchivedMessage;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.modernxmpp.portability.remote.RawExtension;
import org.modernxmpp.portability.remote.RawIq;
import org.modernxmpp.portability.remote.RawXmlProviders;

/**
 * One logged-in account on a peer, as an ordinary XMPP client sees it (Smack 4.4 over plain TCP on loopback, SCRAM
 * login, no stream management). Smack's roster and extension models are not on the class path, so nothing answers
 * subscription requests on the test's behalf. Writes go out as raw XML and reads come back as dom4j elements (the
 * plugin's own {@link RawXmlProviders}), so a test compares what the server really holds.
 */
final class PeerClient implements AutoCloseable {
    static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    static final String PUBSUB_OWNER = "http://jabber.org/protocol/pubsub#owner";
    static final String PRIVATE = "jabber:iq:private";
    static final String PRIVACY = "jabber:iq:privacy";
    static final String BLOCKING = "urn:xmpp:blocking";
    static final String VCARD = "vcard-temp";
    static final String ROSTER = "jabber:iq:roster";
    static final String MAM = "urn:xmpp:mam:2";

    /** Where a peer's client port is; with {@code tls}, STARTTLS is required and checked against that context. */
    record Address(String ip, int port, String domain, javax.net.ssl.X509TrustManager tls) {
        Address(String ip, int port, String domain) {
            this(ip, port, domain, null);
        }
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
        XMPPTCPConnectionConfiguration.Builder config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(address.domain())
                .setHostAddress(InetAddress.getByName(address.ip()))
                .setPort(address.port())
                .setUsernameAndPassword(user, password)
                // each login its own resource: a second login with the same one would end the first (stream conflict)
                .setResource("peers-live-" + java.util.UUID.randomUUID().toString().substring(0, 8))
                .setSendPresence(false)
                .setSecurityMode(SecurityMode.disabled)
                .setConnectTimeout(10_000);
        if (address.tls() != null) {
            config.setSecurityMode(SecurityMode.required).setCustomX509TrustManager(address.tls())
                    .setHostnameVerifier(new org.jivesoftware.smack.java7.XmppHostnameVerifier());
        }
        RawXmlProviders.install();
        XMPPTCPConnection connection = new XMPPTCPConnection(config.build());
        connection.setUseStreamManagement(false);
        connection.setReplyTimeout(replyTimeout.toMillis());
        connection.connect();
        try {
            connection.login();
        } catch (Exception e) {
            connection.disconnect();
            throw e;
        }
        org.modernxmpp.portability.remote.ServerPushes.acknowledge(connection);
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

    /** An IQ set whose child element carries the attribute {@code name=value}. */
    private Element set(String to, String element, String namespace, String inner, String name, String value) throws Exception {
        return send(IQ.Type.set, to, element, namespace, inner, name, value);
    }

    private Element send(IQ.Type type, String to, String element, String namespace, String inner, String... attribute)
            throws Exception {
        RawIq iq = new RawIq(type, element, namespace, inner);
        for (int i = 0; i + 1 < attribute.length; i += 2) {
            iq.attribute(attribute[i], attribute[i + 1]);
        }
        if (to != null) {
            iq.setTo(JidCreate.from(to));
        }
        IQ result = connection.sendIqRequestAndWaitForResponse(iq);
        if (result instanceof RawIq raw && raw.received() != null) {
            return raw.received();
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
        StringBuilder item = new StringBuilder("<item jid='").append(Xml.attr(jid)).append("'");
        if (name != null) {
            item.append(" name='").append(Xml.attr(name)).append("'");
        }
        item.append(">");
        for (String group : groups) {
            item.append("<group>").append(Xml.attr(group)).append("</group>");
        }
        set(null, "query", ROSTER, item.append("</item>").toString());
    }

    /** The roster's items as the server sends them. */
    List<Element> roster() throws Exception {
        Element query = get(null, "query", ROSTER, null);
        return query == null ? List.of() : new ArrayList<>(query.elements("item"));
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

    /** The first 500 messages of the account's archive (XEP-0313), oldest first: enough for any test's fill. */
    List<ArchivedMessage> archive() throws Exception {
        String queryId = java.util.UUID.randomUUID().toString();
        List<ArchivedMessage> messages = new ArrayList<>();
        try (org.jivesoftware.smack.StanzaCollector collector = connection.createStanzaCollector(
                org.jivesoftware.smack.StanzaCollector.newConfiguration().setSize(1000).setStanzaFilter(
                        stanza -> stanza.getExtension("result", MAM) instanceof RawExtension))) {
            set(null, "query", MAM, "<set xmlns='http://jabber.org/protocol/rsm'><max>500</max></set>", "queryid", queryId);
            for (var stanza = collector.pollResult(); stanza != null; stanza = collector.pollResult()) {
                Element result = ((RawExtension) stanza.getExtension("result", MAM)).element();
                if (!queryId.equals(result.attributeValue("queryid"))) {
                    continue;
                }
                Element forwarded = result.element("forwarded");
                messages.add(new ArchivedMessage(result.attributeValue("id"),
                        Timestamps.parse(forwarded.element("delay").attributeValue("stamp")),
                        XmlPayload.of(forwarded.element("message"))));
            }
        }
        return messages;
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
