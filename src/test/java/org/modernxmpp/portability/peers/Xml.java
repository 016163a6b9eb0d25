package org.modernxmpp.portability.peers;

import org.dom4j.Element;
import org.modernxmpp.portability.pie.model.XmlPayload;

/** Escaping for the XML the tests send, and the comparable form of what comes back. */
final class Xml {
    private Xml() {
    }

    /** Escaped for an attribute value in single or double quotes, and for text. */
    static String attr(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\'' -> out.append("&apos;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An element written as XML text, as the model compares it (namespace-aware, attribute order ignored). */
    static XmlPayload payload(String xml) {
        return XmlPayload.of(PeerClient.parse(xml));
    }

    static XmlPayload payload(Element element) {
        return XmlPayload.of(element.createCopy());
    }

    /**
     * A form of an element that ignores the order of children (and of attributes), for data whose order carries no
     * meaning but which a peer re-encodes in an order of its own (ejabberd's vCards).
     */
    static String unordered(XmlPayload payload) {
        return payload == null ? null : unordered(payload.element());
    }

    private static String unordered(Element element) {
        StringBuilder out = new StringBuilder("<{").append(element.getNamespaceURI()).append('}').append(element.getName());
        element.attributes().stream().map(a -> " {" + a.getNamespaceURI() + "}" + a.getName() + "=" + a.getValue()).sorted()
                .forEach(out::append);
        out.append('>');
        if (element.elements().isEmpty()) {
            out.append(attr(element.getText()));
        }
        element.elements().stream().map(Xml::unordered).sorted().forEach(out::append);
        return out.append("</>").toString();
    }
}
