package org.modernxmpp.portability.remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dom4j.Element;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.modernxmpp.portability.moved.MovedStatement;
import org.xmpp.packet.JID;

/**
 * XEP-0283's requests from the new account, sent as its own client: a subscription request to each contact carrying
 * {@code <moved><old-jid/></moved>}, one after another with a pause between them (servers rate-limit presence floods).
 * A run can be repeated after a failure: the new account's roster says who was asked already (a pending request, or a
 * subscription that exists), and they are not asked twice.
 */
public final class MovedNotices {
    private final RemoteSession session;
    private final Duration pause;

    /** Hears each step, on the sending thread. */
    public interface Listener {
        Listener NONE = (contact, done, total) -> { };

        void asked(JID contact, int done, int total);
    }

    /** Who was asked in this run, and who had been asked (or was subscribed) before it. */
    public record Result(List<JID> asked, List<JID> alreadyAsked) {
        public Result {
            asked = List.copyOf(asked);
            alreadyAsked = List.copyOf(alreadyAsked);
        }
    }

    public MovedNotices(RemoteSession session, Duration pause) {
        this.session = session;
        this.pause = pause;
    }

    /** Asks each of {@code contacts} (bare addresses) to accept the session's account in place of {@code oldAccount}. */
    public Result tell(List<JID> contacts, JID oldAccount, Listener listener) throws RemoteException {
        Set<String> asked = alreadyAsked();
        List<JID> now = new ArrayList<>();
        List<JID> before = new ArrayList<>();
        List<JID> toAsk = new ArrayList<>();
        for (JID contact : contacts) {
            (asked.contains(contact.toBareJID()) ? before : toAsk).add(contact.asBareJID());
        }
        for (JID contact : toAsk) {
            if (!now.isEmpty()) {
                sleep();
            }
            session.send(StanzaBuilder.buildPresence().ofType(Presence.Type.subscribe).to(jid(contact))
                    .addExtension(StandardExtensionElement.builder("moved", MovedStatement.NAMESPACE)
                            .addElement("old-jid", oldAccount.toBareJID()).build())
                    .build());
            now.add(contact);
            listener.asked(contact, now.size(), toAsk.size());
        }
        if (!now.isEmpty()) {
            roundTrip();
        }
        return new Result(now, before);
    }

    /** The contacts the account's roster shows with a request out or a subscription to them. */
    private Set<String> alreadyAsked() throws RemoteException {
        Set<String> asked = new HashSet<>();
        try {
            Element query = session.get(null, "query", "jabber:iq:roster", "");
            if (query != null) {
                for (Element item : query.elements("item")) {
                    String subscription = item.attributeValue("subscription", "none");
                    if ("subscribe".equals(item.attributeValue("ask")) || subscription.equals("to") || subscription.equals("both")) {
                        asked.add(new JID(item.attributeValue("jid")).toBareJID());
                    }
                }
            }
        } catch (RemoteRefusal refusal) {
            // no roster to go by: everyone is asked, and a request asked twice is only asked again
        }
        return asked;
    }

    /**
     * A ping to the account's server: it handles stanzas in order, so its answer says it took every request, and the
     * roster pushes those caused have arrived (and are answered) before the caller closes the connection.
     */
    private void roundTrip() throws RemoteException {
        try {
            session.get(session.account().getDomain(), "ping", "urn:xmpp:ping", "");
        } catch (RemoteRefusal refusal) {
            // an error is an answer too
        }
    }

    private void sleep() throws RemoteException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(RemoteProblem.CONNECTION_LOST, "Stopped while telling the contacts", e);
        }
    }

    private static org.jxmpp.jid.Jid jid(JID contact) {
        try {
            return JidCreate.bareFrom(contact.toBareJID());
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("'" + contact + "' is not a valid address", e);
        }
    }
}
