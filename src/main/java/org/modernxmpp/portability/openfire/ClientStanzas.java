package org.modernxmpp.portability.openfire;

import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.dom4j.tree.DefaultElement;
import org.modernxmpp.portability.pie.model.Namespaces;

/**
 * Openfire keeps stanzas in no namespace (Tinder builds them so, and its stores hold them so); the file holds them in
 * {@code jabber:client}. These two conversions touch only elements in those two namespaces, so payloads of other
 * namespaces pass as they are.
 */
final class ClientStanzas {
    private ClientStanzas() {
    }

    /** A copy of an Openfire stanza in {@code jabber:client}, as the model holds it. */
    static Element toFile(Element stanza) {
        return renamespace(stanza, "", Namespaces.CLIENT);
    }

    /** A copy of a model stanza in no namespace, as Openfire holds it. */
    static Element toOpenfire(Element stanza) {
        return renamespace(stanza, Namespaces.CLIENT, "");
    }

    private static Element renamespace(Element element, String from, String to) {
        if (!element.getNamespaceURI().equals(from)) {
            return element.createCopy();
        }
        Element copy = new DefaultElement(QName.get(element.getName(), Namespace.get(to)));
        copy.setAttributes(element.attributes().stream().map(a -> (org.dom4j.Attribute) a.clone()).toList());
        for (Object node : element.content()) {
            if (node instanceof Element child) {
                copy.add(renamespace(child, from, to));
            } else if (node instanceof org.dom4j.Node other) {
                copy.add((org.dom4j.Node) other.clone());
            }
        }
        return copy;
    }
}
