package org.modernxmpp.portability.peers;

import java.util.List;
import java.util.Map;

import org.modernxmpp.portability.pie.model.XmlPayload;

/** How ejabberd 23.01 keeps what {@link PeerFill} gives it, where that differs from what was given: for the tests that compare. */
final class EjabberdWays {
    private EjabberdWays() {
    }

    /** ejabberd re-encodes a vCard in its codec's own child order (PHOTO first): same content. */
    static Object vCard(XmlPayload vCard) {
        return Xml.unordered(vCard);
    }

    /**
     * ejabberd keeps one item per node unless max_items is raised, and its publish-options refuse to raise it: of the
     * two bookmarks the fill publishes, the second (lounge) replaced the first.
     */
    static Map<String, Map<String, XmlPayload>> pep(Map<String, Map<String, XmlPayload>> published, String domain) {
        published.get(PeerFill.NODE_BOOKMARKS).keySet().retainAll(List.of("lounge@conference." + domain));
        return published;
    }

    /** ejabberd mirrors the XEP-0048 bookmarks of private XML into a PEP node of that name. */
    static final List<String> OWN_NODES = List.of("storage:bookmarks");

    /** ejabberd serves XEP-0191 from the privacy lists: the default list's jid deny shows as blocked too. */
    static final List<String> BLOCKED = List.of(PeerFill.BLOCKED.get(0), PeerFill.BLOCKED.get(1), "spammer@spam.example");
}
