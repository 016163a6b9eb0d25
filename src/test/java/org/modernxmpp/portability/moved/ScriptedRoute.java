package org.modernxmpp.portability.moved;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/** A network whose answers each test writes: records every query, sent presence and released request. */
public final class ScriptedRoute implements StanzaRoute {
    public final List<IQ> queries = new CopyOnWriteArrayList<>();
    public final List<Presence> sent = new CopyOnWriteArrayList<>();
    public final List<Presence> released = new CopyOnWriteArrayList<>();
    private volatile Function<IQ, CompletableFuture<IQ>> answers = query -> new CompletableFuture<>();

    void answer(Function<IQ, IQ> reply) {
        answers = query -> CompletableFuture.completedFuture(reply.apply(query));
    }

    void answerLater(Function<IQ, CompletableFuture<IQ>> reply) {
        answers = reply;
    }

    @Override
    public CompletableFuture<IQ> query(IQ request, Duration timeout) {
        queries.add(request);
        return answers.apply(request);
    }

    @Override
    public void send(Presence presence) {
        sent.add(presence);
    }

    @Override
    public void release(Presence held) {
        released.add(held);
    }

    /** The answer the XEP shows: item "current" naming {@code newJid}, from {@code from}. */
    static IQ statement(IQ query, String from, String newJid) {
        IQ reply = IQ.createResultIQ(query);
        reply.setFrom(new JID(from));
        Element items = reply.setChildElement("pubsub", "http://jabber.org/protocol/pubsub").addElement("items")
                .addAttribute("node", "urn:xmpp:moved:1");
        items.addElement("item").addAttribute("id", "current")
                .addElement("moved", "urn:xmpp:moved:1").addElement("new-jid").setText(newJid);
        return reply;
    }

    static IQ error(IQ query, PacketError.Condition condition, String text) {
        IQ reply = IQ.createResultIQ(query);
        reply.setType(IQ.Type.error);
        reply.setError(condition);
        if (text != null) {
            reply.getElement().element("error").element(condition.toXMPP()).setText(text);
        }
        return reply;
    }
}
