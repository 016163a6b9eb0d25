package org.modernxmpp.portability.remote;

import java.io.IOException;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Turns the element the parser stands on into a dom4j tree, namespaces and prefixed attributes ({@code xml:lang})
 * included: Smack's own {@code PacketParserUtils.parseElement} drops attribute prefixes, which would change the data.
 */
final class ElementReader {

    private ElementReader() {
    }

    /** From the current START_ELEMENT up to and including its END_ELEMENT. */
    static Element read(XmlPullParser parser) throws IOException, XmlPullParserException {
        int depth = parser.getDepth();
        Element root = start(parser, null);
        Element current = root;
        while (true) {
            switch (parser.next()) {
                case START_ELEMENT -> current = start(parser, current);
                case END_ELEMENT -> {
                    if (parser.getDepth() == depth) {
                        return root;
                    }
                    current = current.getParent();
                }
                case TEXT_CHARACTERS, IGNORABLE_WHITESPACE, ENTITY_REFERENCE -> current.addText(parser.getText());
                case END_DOCUMENT -> throw new XmlPullParserException("the stream ended inside <" + root.getName() + ">");
                default -> {
                    // comments and processing instructions carry no data
                }
            }
        }
    }

    private static Element start(XmlPullParser parser, Element parent) {
        String namespace = parser.getNamespace();
        QName name = QName.get(parser.getName(), namespace == null ? "" : namespace);
        Element element = parent == null ? DocumentHelper.createElement(name) : parent.addElement(name);
        for (int i = 0; i < parser.getAttributeCount(); i++) {
            String attributeNamespace = parser.getAttributeNamespace(i);
            String prefix = parser.getAttributePrefix(i);
            QName attribute = attributeNamespace == null || attributeNamespace.isEmpty()
                    ? QName.get(parser.getAttributeName(i))
                    : QName.get(parser.getAttributeName(i), Namespace.get(prefix == null ? "" : prefix, attributeNamespace));
            element.addAttribute(attribute, parser.getAttributeValue(i));
        }
        return element;
    }
}
