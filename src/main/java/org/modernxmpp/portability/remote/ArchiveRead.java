package org.modernxmpp.portability.remote;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.modernxmpp.portability.pie.ArchiveFeed;
import org.modernxmpp.portability.pie.Timestamps;
import org.modernxmpp.portability.pie.model.ArchivedMessage;
import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.modernxmpp.portability.remote.PullReport.KindRead;
import org.modernxmpp.portability.remote.PullReport.Status;
import org.modernxmpp.portability.transfer.DataKind;

/**
 * Reads the account's whole message archive (XEP-0313) page by page (XEP-0059) and hands each message on as it
 * arrives, so memory holds one page whatever the archive's length. A failure part-way ends the archive where it is
 * and is reported; what arrived stays.
 */
final class ArchiveRead implements ArchiveFeed {
    private final RemoteSession session;
    private final PullOptions options;
    private final PullProgress progress;
    private long written;
    private KindRead result;

    ArchiveRead(RemoteSession session, PullOptions options, PullProgress progress) {
        this.session = session;
        this.options = options;
        this.progress = progress;
    }

    KindRead result() {
        return result;
    }

    @Override
    public void writeTo(Messages out) throws IOException {
        String bare = session.account().toBareJID();
        String after = null;
        try {
            while (true) {
                String queryId = UUID.randomUUID().toString();
                Element fin;
                java.util.List<Stanza> arrived = new java.util.ArrayList<>();
                try (StanzaCollector collector = session.collector(
                        stanza -> stanza instanceof Message && stanza.getExtension("result", Namespaces.MAM) != null,
                        options.archivePage() * 2 + 16)) {
                    try {
                        fin = session.set(null, "query", Namespaces.MAM, java.util.Map.of("queryid", queryId), query(after));
                    } catch (RemoteRefusal refusal) {
                        result = written == 0 && refusal.meansAbsent()
                                ? new KindRead(DataKind.ARCHIVE, Status.NOT_OFFERED, 0, "no message archive (XEP-0313): " + refusal.getMessage())
                                : new KindRead(DataKind.ARCHIVE, written == 0 ? Status.REFUSED : Status.INCOMPLETE, written,
                                "the server refused the archive query: " + refusal.getMessage());
                        return;
                    }
                    // the collector saw every result message before the answer that ends the page
                    for (Stanza stanza = collector.pollResult(); stanza != null; stanza = collector.pollResult()) {
                        arrived.add(stanza);
                    }
                }
                Element set = fin == null ? null : fin.element(QName.get("set", PepRead.RSM));
                String pageLast = set == null ? null : set.elementText(QName.get("last", PepRead.RSM));
                if (after != null && after.equals(pageLast)) {
                    // the page ends where the one before did: it is that page again, and asking on would get it forever
                    result = new KindRead(DataKind.ARCHIVE, Status.INCOMPLETE, written, "the server sent the same page again after "
                            + written + (written == 1 ? " message" : " messages") + "; stopped there");
                    return;
                }
                int fresh = 0;
                String last = null;
                for (Stanza stanza : arrived) {
                    ArchivedMessage message = message(stanza, queryId, bare);
                    if (message == null) {
                        continue;
                    }
                    if (written >= session.limits().maxArchiveMessages()) {
                        result = new KindRead(DataKind.ARCHIVE, Status.INCOMPLETE, written, "stopped at "
                                + session.limits().maxArchiveMessages() + " messages, the most this reads from one account");
                        return;
                    }
                    out.add(message);
                    written++;
                    fresh++;
                    last = message.id();
                }
                progress.archived(written);
                boolean complete = fin != null && "true".equals(fin.attributeValue("complete"));
                if (complete || fresh == 0 || (pageLast == null && last == null)) {
                    result = new KindRead(DataKind.ARCHIVE, Status.READ, written, since());
                    return;
                }
                after = pageLast != null ? pageLast : last;
            }
        } catch (RemoteException e) {
            result = new KindRead(DataKind.ARCHIVE, Status.INCOMPLETE, written, e.getMessage());
        }
    }

    private String since() {
        return options.archiveSince() == null ? null : "since " + Timestamps.format(options.archiveSince());
    }

    private String query(String after) {
        StringBuilder inner = new StringBuilder();
        Instant since = options.archiveSince();
        if (since != null) {
            Element form = DocumentHelper.createElement(QName.get("x", Namespaces.DATA_FORMS)).addAttribute("type", "submit");
            form.addElement(QName.get("field", Namespaces.DATA_FORMS)).addAttribute("var", "FORM_TYPE").addAttribute("type", "hidden")
                    .addElement(QName.get("value", Namespaces.DATA_FORMS)).setText(Namespaces.MAM);
            form.addElement(QName.get("field", Namespaces.DATA_FORMS)).addAttribute("var", "start")
                    .addElement(QName.get("value", Namespaces.DATA_FORMS)).setText(Timestamps.format(since));
            inner.append(form.asXML());
        }
        Element set = DocumentHelper.createElement(QName.get("set", PepRead.RSM));
        set.addElement(QName.get("max", PepRead.RSM)).setText(Integer.toString(options.archivePage()));
        if (after != null) {
            set.addElement(QName.get("after", PepRead.RSM)).setText(after);
        }
        inner.append(set.asXML());
        return inner.toString();
    }

    /** The archived message in a result of our query, or null for anything else (another query, a spoofed sender). */
    private static ArchivedMessage message(Stanza stanza, String queryId, String bare) throws RemoteException {
        // results come from the account's own archive, which the server addresses as the bare JID or not at all
        if (stanza.getFrom() != null && !stanza.getFrom().toString().equalsIgnoreCase(bare)) {
            return null;
        }
        if (!(stanza.getExtension("result", Namespaces.MAM) instanceof RawExtension raw)) {
            return null;
        }
        Element result = raw.element();
        String id = result.attributeValue("id");
        if (!queryId.equals(result.attributeValue("queryid")) || id == null) {
            return null;
        }
        Element forwarded = result.element(QName.get("forwarded", Namespaces.FORWARD));
        Element delay = forwarded == null ? null : forwarded.element(QName.get("delay", Namespaces.DELAY));
        Element message = forwarded == null ? null : forwarded.element("message");
        Instant stamp = delay == null ? null : Timestamps.parse(delay.attributeValue("stamp"));
        if (message == null || stamp == null) {
            throw new RemoteException(RemoteProblem.PROTOCOL, "archived message " + id + " has no message or no time stamp");
        }
        return new ArchivedMessage(id, stamp, XmlPayload.of(inClientNamespace(message)));
    }

    /** A forwarded message written without its own xmlns would otherwise inherit the forward namespace. */
    private static Element inClientNamespace(Element message) {
        String inherited = message.getNamespaceURI();
        return Namespaces.CLIENT.equals(inherited) ? message : rename(message, Namespace.get(Namespaces.CLIENT), inherited);
    }

    private static Element rename(Element element, Namespace to, String from) {
        Element copy = DocumentHelper.createElement(QName.get(element.getName(), to));
        copy.setAttributes(element.attributes().stream().map(a -> (org.dom4j.Attribute) a.clone()).toList());
        for (org.dom4j.Node node : element.content()) {
            if (node instanceof Element child && from.equals(child.getNamespaceURI())) {
                copy.add(rename(child, to, from));
            } else if (!(node instanceof Namespace)) {
                copy.add((org.dom4j.Node) node.clone());
            }
        }
        return copy;
    }
}
