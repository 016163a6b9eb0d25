package org.modernxmpp.portability.remote;

import java.util.Map;

import org.dom4j.Element;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.xmpp.packet.JID;

/**
 * A logged-in client session to an account on another server, over verified TLS. Requests go out and answers come
 * back as XML, so the data arrives as the server holds it. Not for use by two threads at once.
 */
public final class RemoteSession implements AutoCloseable {
    private final XMPPTCPConnection connection;
    private final JID account;
    private final InboundBudget budget;
    private final RemoteLimits limits;
    private final String server;

    RemoteSession(XMPPTCPConnection connection, JID account, InboundBudget budget, RemoteLimits limits, String server) {
        this.connection = connection;
        this.account = account;
        this.budget = budget;
        this.limits = limits;
        this.server = server;
    }

    /** The account, bare. */
    public JID account() {
        return account;
    }

    /** Where the session is connected, e.g. "xmpp.example.org:5222". */
    public String server() {
        return server;
    }

    public RemoteLimits limits() {
        return limits;
    }

    public boolean connected() {
        return connection.isConnected() && connection.isAuthenticated();
    }

    /** An IQ get to {@code to} (null: the account itself); the child element of the answer, or null for an empty one. */
    public Element get(String to, String element, String namespace, String inner) throws RemoteException, RemoteRefusal {
        return get(to, element, namespace, Map.of(), inner);
    }

    public Element get(String to, String element, String namespace, Map<String, String> attributes, String inner)
            throws RemoteException, RemoteRefusal {
        RawIq iq = new RawIq(IQ.Type.get, element, namespace, inner);
        attributes.forEach(iq::attribute);
        return send(iq, to);
    }

    public Element set(String to, String element, String namespace, String inner) throws RemoteException, RemoteRefusal {
        return set(to, element, namespace, Map.of(), inner);
    }

    public Element set(String to, String element, String namespace, Map<String, String> attributes, String inner)
            throws RemoteException, RemoteRefusal {
        RawIq iq = new RawIq(IQ.Type.set, element, namespace, inner);
        attributes.forEach(iq::attribute);
        return send(iq, to);
    }

    private Element send(RawIq iq, String to) throws RemoteException, RemoteRefusal {
        try {
            if (to != null) {
                iq.setTo(JidCreate.from(to));
            }
            IQ answer = connection.sendIqRequestAndWaitForResponse(iq);
            if (answer instanceof RawIq raw && raw.received() != null) {
                return raw.received();
            }
            return null;
        } catch (XMPPException.XMPPErrorException e) {
            StanzaError error = e.getStanzaError();
            throw new RemoteRefusal(error.getCondition().toString(), error.getDescriptiveText());
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("'" + to + "' is not a valid address", e);
        } catch (SmackException.NoResponseException e) {
            throw lostOr(new RemoteException(RemoteProblem.TIMEOUT, server + " did not answer within "
                    + connection.getReplyTimeout() / 1000 + " seconds (" + iq.getChildElementName() + " of "
                    + iq.getChildElementNamespace() + ")", e));
        } catch (SmackException.NotConnectedException e) {
            throw lostOr(new RemoteException(RemoteProblem.CONNECTION_LOST, "The connection to " + server + " was lost", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(RemoteProblem.CONNECTION_LOST, "Stopped while waiting for " + server, e);
        }
    }

    /** When the budget cut the connection, that is the real cause, whatever Smack saw. */
    RemoteException lostOr(RemoteException seen) {
        if (budget.exceeded()) {
            return new RemoteException(RemoteProblem.TOO_MUCH_DATA, server + " sent a single answer larger than "
                    + budget.maxStanzaBytes() / (1024 * 1024) + " MB; stopped reading", seen.getCause());
        }
        return seen;
    }

    /** Collects incoming stanzas matching {@code filter}, in arrival order, before any later answer is seen. */
    StanzaCollector collector(StanzaFilter filter, int size) {
        return connection.createStanzaCollector(StanzaCollector.newConfiguration().setStanzaFilter(filter).setSize(size));
    }

    long replyTimeoutMillis() {
        return connection.getReplyTimeout();
    }

    void send(Stanza stanza) throws RemoteException {
        try {
            connection.sendStanza(stanza);
        } catch (SmackException.NotConnectedException e) {
            throw lostOr(new RemoteException(RemoteProblem.CONNECTION_LOST, "The connection to " + server + " was lost", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(RemoteProblem.CONNECTION_LOST, "Stopped while sending to " + server, e);
        }
    }

    @Override
    public void close() {
        if (connection.isConnected()) {
            connection.disconnect();
        }
    }
}
