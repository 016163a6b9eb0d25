package org.modernxmpp.portability.pie;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.dom4j.DocumentFactory;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;

/**
 * Builds one element and its descendants as a dom4j tree from a StAX reader, within a depth and a
 * character budget. Whitespace-only text between child elements is layout, not data, and is left out.
 */
final class SubtreeReader {
    private final DocumentFactory factory = DocumentFactory.getInstance();
    private final ReadLimits limits;

    SubtreeReader(ReadLimits limits) {
        this.limits = limits;
    }

    /** A running count of characters taken by the subtree being read, shared across calls for one user. */
    static final class Budget {
        private final long max;
        private long used;

        Budget(long max) {
            this.max = max;
        }

        void take(long chars, XmlLocation where) throws PieFormatException {
            used += chars;
            if (used > max) {
                throw where.error("one user holds more than " + max + " characters of data (limit maxUserChars)");
            }
        }
    }

    /** Where errors are reported: a source name plus the reader's current position. */
    interface XmlLocation {
        PieFormatException error(String reason);
    }

    /**
     * Reads the element the reader is positioned on (START_ELEMENT) up to and including its END_ELEMENT.
     *
     * @param baseDepth nesting depth of that element in its document (the root is 1)
     */
    Element read(XMLStreamReader in, int baseDepth, Budget budget, XmlLocation where)
            throws XMLStreamException, PieFormatException {
        Element root = startElement(in, null, budget, where);
        Element current = root;
        int depth = baseDepth;
        StringBuilder pending = new StringBuilder();
        while (true) {
            int event = in.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++depth > limits.maxDepth()) {
                        throw where.error("elements nest deeper than " + limits.maxDepth() + " levels");
                    }
                    flush(current, pending, true);
                    current = startElement(in, current, budget, where);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    flush(current, pending, !current.elements().isEmpty());
                    if (current == root) {
                        return root;
                    }
                    current = current.getParent();
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    budget.take(in.getTextLength(), where);
                    pending.append(in.getTextCharacters(), in.getTextStart(), in.getTextLength());
                }
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw where.error("entity reference &" + in.getLocalName() + "; is not allowed");
                case XMLStreamConstants.DTD -> throw where.error("a DOCTYPE is not allowed");
                default -> {
                    // comments and processing instructions carry no data
                }
            }
        }
    }

    private void flush(Element element, StringBuilder pending, boolean dropIfBlank) {
        if (pending.isEmpty()) {
            return;
        }
        String text = pending.toString();
        pending.setLength(0);
        if (dropIfBlank && text.isBlank()) {
            return;
        }
        element.addText(text);
    }

    private Element startElement(XMLStreamReader in, Element parent, SubtreeReader.Budget budget, XmlLocation where)
            throws PieFormatException {
        // Names and namespaces come from the file: built without dom4j's shared caches, which never forget an entry
        // (in Openfire they are the whole server's), so a file of a million namespaces cannot fill the heap.
        QName name = new QName(in.getLocalName(), new Namespace(prefixOf(in.getPrefix()), nullToEmpty(in.getNamespaceURI())));
        Element element = factory.createElement(name);
        for (int i = 0; i < in.getNamespaceCount(); i++) {
            String prefix = prefixOf(in.getNamespacePrefix(i));
            if (!prefix.isEmpty() && !prefix.equals(name.getNamespacePrefix())) {
                element.add(new Namespace(prefix, nullToEmpty(in.getNamespaceURI(i))));
            }
        }
        for (int i = 0; i < in.getAttributeCount(); i++) {
            String value = in.getAttributeValue(i);
            budget.take(value.length(), where);
            String ns = nullToEmpty(in.getAttributeNamespace(i));
            QName attribute = ns.isEmpty() ? new QName(in.getAttributeLocalName(i))
                    : new QName(in.getAttributeLocalName(i), new Namespace(prefixOf(in.getAttributePrefix(i)), ns));
            element.addAttribute(attribute, value);
        }
        if (parent != null) {
            parent.add(element);
        }
        return element;
    }

    private static String prefixOf(String prefix) {
        return prefix == null ? "" : prefix;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
