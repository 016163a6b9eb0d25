package org.modernxmpp.portability.pie;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.dom4j.Attribute;
import org.dom4j.Element;
import org.dom4j.Node;

/**
 * Writes XML the way every XEP-0227 importer can read it: each element in a namespace different from its
 * parent's declares it as the default ({@code xmlns='…'}), never with a generated prefix, because ejabberd
 * compares literal xmlns attributes; no comments, DOCTYPE or processing instructions, which Prosody refuses.
 * Attributes in a namespace (xml:lang, Prosody's extended fields) keep a prefix, as XML requires.
 * Escapes exactly what a parser would otherwise change (line breaks and tabs in attributes, carriage returns),
 * so what is read back equals what was written; characters XML 1.0 cannot hold at all are left out.
 */
final class XmlOutput {
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private final Writer out;
    private final Deque<String> defaultNamespaces = new ArrayDeque<>();
    private final Deque<String> names = new ArrayDeque<>();
    private final boolean indent;
    private int depth;
    private boolean startTagOpen;
    private boolean lastWasStart;

    XmlOutput(OutputStream stream, boolean indent) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        this.indent = indent;
        out.write("<?xml version='1.0' encoding='UTF-8'?>");
        if (indent) {
            out.write('\n');
        }
    }

    /** Starts an element; {@code layout} puts it on its own indented line (structure, not data). */
    void start(String namespace, String name, boolean layout) throws IOException {
        closeStartTag();
        if (layout && indent && depth > 0) {
            newline();
        }
        out.write('<');
        out.write(name);
        String parentNamespace = defaultNamespaces.peek();
        if (!namespace.equals(parentNamespace)) {
            writeAttribute("xmlns", namespace);
        }
        defaultNamespaces.push(namespace);
        names.push(name);
        depth++;
        startTagOpen = true;
        lastWasStart = true;
    }

    void attribute(String name, String value) throws IOException {
        if (value != null) {
            writeAttribute(name, value);
        }
    }

    /** A namespaced attribute; its prefix is declared on the element it sits on. */
    void attribute(String namespace, String prefix, String name, String value) throws IOException {
        if (XML_NS.equals(namespace)) {
            writeAttribute("xml:" + name, value);
        } else {
            writeAttribute("xmlns:" + prefix, namespace);
            writeAttribute(prefix + ":" + name, value);
        }
    }

    /** Declares a prefix on the element just started (the {@code xi} prefix ejabberd matches literally). */
    void prefix(String prefix, String namespace) throws IOException {
        writeAttribute("xmlns:" + prefix, namespace);
    }

    /** An empty element with a declared prefix and one attribute, on its own line: {@code <xi:include href=''/>}. */
    void prefixedEmpty(String prefix, String namespace, String name, String attribute, String value) throws IOException {
        closeStartTag();
        if (indent) {
            newline();
        }
        out.write('<');
        out.write(prefix);
        out.write(':');
        out.write(name);
        writeAttribute(attribute, value);
        out.write("/>");
        lastWasStart = false;
    }

    void text(String text) throws IOException {
        closeStartTag();
        escape(text, false);
        lastWasStart = false;
    }

    void end(boolean layout) throws IOException {
        depth--;
        defaultNamespaces.pop();
        String name = names.pop();
        if (startTagOpen) {
            out.write("/>");
            startTagOpen = false;
        } else {
            if (layout && indent && !lastWasStart) {
                newline();
            }
            out.write("</");
            out.write(name);
            out.write('>');
        }
        lastWasStart = false;
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
                writeAttribute(attribute.getName(), attribute.getValue());
            } else if (XML_NS.equals(ns)) {
                writeAttribute("xml:" + attribute.getName(), attribute.getValue());
            } else {
                if (prefixes == null) {
                    prefixes = new HashMap<>();
                }
                String declared = prefixes.get(ns);
                String prefix = declared != null ? declared : preferredPrefix(attribute, ns, prefixes.size());
                if (declared == null) {
                    prefixes.put(ns, prefix);
                    writeAttribute("xmlns:" + prefix, ns);
                }
                writeAttribute(prefix + ":" + attribute.getName(), attribute.getValue());
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

    private static String preferredPrefix(Attribute attribute, String namespace, int index) {
        String prefix = attribute.getNamespacePrefix();
        return prefix == null || prefix.isEmpty() || prefix.startsWith("xml") ? "ns" + index : prefix;
    }

    void flush() throws IOException {
        out.flush();
    }

    /** Ends the document and flushes; the underlying stream stays open. */
    void finish() throws IOException {
        if (indent) {
            out.write('\n');
        }
        out.flush();
    }

    private void writeAttribute(String name, String value) throws IOException {
        out.write(' ');
        out.write(name);
        out.write("=\"");
        escape(value, true);
        out.write('"');
    }

    private void closeStartTag() throws IOException {
        if (startTagOpen) {
            out.write('>');
            startTagOpen = false;
        }
    }

    private void newline() throws IOException {
        closeStartTag();
        out.write('\n');
        for (int i = 0; i < depth; i++) {
            out.write("  ");
        }
    }

    private void escape(String value, boolean attribute) throws IOException {
        int length = value.length();
        int start = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> attribute ? "&quot;" : null;
                case '\r' -> "&#13;";
                case '\n' -> attribute ? "&#10;" : null;
                case '\t' -> attribute ? "&#9;" : null;
                default -> c < 0x20 || c == 0xFFFE || c == 0xFFFF ? "" : null;
            };
            if (replacement != null) {
                out.write(value, start, i - start);
                out.write(replacement);
                start = i + 1;
            }
        }
        out.write(value, start, length - start);
    }
}
