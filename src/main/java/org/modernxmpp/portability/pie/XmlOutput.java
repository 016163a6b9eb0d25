package org.modernxmpp.portability.pie;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.dom4j.Attribute;
import org.dom4j.Element;
import org.dom4j.Node;

/**
 * Writes XML the way every XEP-0227 importer can read it: each element in a namespace different from its
 * parent's declares it as the default ({@code xmlns='…'}), never with a generated prefix, because ejabberd
 * compares literal xmlns attributes; no comments, DOCTYPE or processing instructions, which Prosody refuses.
 * Attributes in a namespace (xml:lang, Prosody's extended fields) keep a prefix, as XML requires.
 */
final class XmlOutput {
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private final XMLStreamWriter out;
    private final Deque<String> defaultNamespaces = new ArrayDeque<>();
    private final boolean indent;
    private int depth;
    private boolean lastWasStart;

    XmlOutput(OutputStream stream, boolean indent) throws IOException {
        try {
            this.out = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(stream, "UTF-8");
            this.indent = indent;
            out.writeStartDocument("UTF-8", "1.0");
            if (indent) {
                out.writeCharacters("\n");
            }
        } catch (XMLStreamException e) {
            throw new IOException("cannot start writing XML", e);
        }
    }

    /** Starts an element; {@code layout} puts it on its own indented line (structure, not data). */
    void start(String namespace, String name, boolean layout) throws IOException {
        try {
            if (layout && indent) {
                newline();
            }
            out.writeStartElement(name);
            String parentNamespace = defaultNamespaces.isEmpty() ? null : defaultNamespaces.peek();
            if (!namespace.equals(parentNamespace)) {
                out.writeDefaultNamespace(namespace);
            }
            defaultNamespaces.push(namespace);
            depth++;
            lastWasStart = true;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    void attribute(String name, String value) throws IOException {
        if (value == null) {
            return;
        }
        try {
            out.writeAttribute(name, clean(value));
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** A namespaced attribute; its prefix is declared on the element it sits on. */
    void attribute(String namespace, String prefix, String name, String value) throws IOException {
        try {
            if (XML_NS.equals(namespace)) {
                out.writeAttribute("xml", XML_NS, name, clean(value));
            } else {
                out.writeNamespace(prefix, namespace);
                out.writeAttribute(prefix, namespace, name, clean(value));
            }
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    void text(String text) throws IOException {
        try {
            out.writeCharacters(clean(text));
            lastWasStart = false;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    void end(boolean layout) throws IOException {
        try {
            depth--;
            if (layout && indent && !lastWasStart) {
                newline();
            }
            out.writeEndElement();
            defaultNamespaces.pop();
            lastWasStart = false;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Declares a prefix on the element just started (the {@code xi} prefix ejabberd matches literally). */
    void prefix(String prefix, String namespace) throws IOException {
        try {
            out.writeNamespace(prefix, namespace);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** An empty element with a declared prefix and one attribute, on its own line: {@code <xi:include href=''/>}. */
    void prefixedEmpty(String prefix, String namespace, String name, String attribute, String value) throws IOException {
        try {
            if (indent) {
                newline();
            }
            out.writeEmptyElement(prefix, name, namespace);
            out.writeAttribute(attribute, value);
            lastWasStart = false;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Writes a simple element holding only text. */
    void textElement(String namespace, String name, String text) throws IOException {
        start(namespace, name, false);
        text(text);
        end(false);
    }

    /** Writes a dom4j element and its descendants, on its own line when {@code layout}. */
    void element(Element element, boolean layout) throws IOException {
        start(element.getNamespaceURI(), element.getName(), layout);
        Map<String, String> prefixes = null;
        for (Attribute attribute : element.attributes()) {
            String ns = attribute.getNamespaceURI();
            if (ns.isEmpty()) {
                attribute(attribute.getName(), attribute.getValue());
            } else {
                if (prefixes == null) {
                    prefixes = new HashMap<>();
                }
                String prefix = prefixes.computeIfAbsent(ns, n -> preferredPrefix(attribute, n));
                attribute(ns, prefix, attribute.getName(), attribute.getValue());
            }
        }
        for (Node node : element.content()) {
            if (node instanceof Element child) {
                element(child, false);
            } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text(node.getText());
            }
        }
        end(false);
    }

    private static String preferredPrefix(Attribute attribute, String namespace) {
        String prefix = attribute.getNamespacePrefix();
        return prefix == null || prefix.isEmpty() || prefix.equals("xmlns") ? "ns" + Math.abs(namespace.hashCode() % 1000) : prefix;
    }

    void flush() throws IOException {
        try {
            out.flush();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Ends the document; the underlying stream stays open. */
    void finish() throws IOException {
        try {
            if (indent) {
                out.writeCharacters("\n");
            }
            out.writeEndDocument();
            out.flush();
            out.close();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    private void newline() throws XMLStreamException {
        out.writeCharacters("\n");
        for (int i = 0; i < depth; i++) {
            out.writeCharacters("  ");
        }
    }

    /** Characters XML 1.0 cannot carry (control characters from a database) would make the file unreadable. */
    private static String clean(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                return strip(value);
            }
        }
        return value;
    }

    private static String strip(String value) {
        StringBuilder cleaned = new StringBuilder(value.length());
        value.chars().filter(c -> !(c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF))
                .forEach(c -> cleaned.append((char) c));
        return cleaned.toString();
    }

    private static IOException failure(XMLStreamException e) {
        return e.getCause() instanceof IOException io ? io : new IOException("cannot write XML", e);
    }
}
