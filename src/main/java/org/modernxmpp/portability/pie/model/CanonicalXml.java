package org.modernxmpp.portability.pie.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.dom4j.Attribute;
import org.dom4j.Element;
import org.dom4j.Node;

/**
 * A prefix-free text form of an element for comparing content: every element is written as
 * {namespace}name, attributes sorted, whitespace-only text between child elements left out.
 */
final class CanonicalXml {
    private CanonicalXml() {
    }

    static String of(Element element) {
        StringBuilder out = new StringBuilder(256);
        append(element, out);
        return out.toString();
    }

    private static void append(Element element, StringBuilder out) {
        out.append('<').append('{').append(element.getNamespaceURI()).append('}').append(element.getName());
        List<Attribute> attributes = new ArrayList<>(element.attributes());
        attributes.sort(Comparator.comparing(Attribute::getNamespaceURI).thenComparing(Attribute::getName));
        for (Attribute attribute : attributes) {
            out.append(' ');
            if (!attribute.getNamespaceURI().isEmpty()) {
                out.append('{').append(attribute.getNamespaceURI()).append('}');
            }
            out.append(attribute.getName()).append("=\"");
            escape(attribute.getValue(), out);
            out.append('"');
        }
        out.append('>');
        boolean hasChildElements = element.elements().size() > 0;
        for (Node node : element.content()) {
            if (node instanceof Element child) {
                append(child, out);
            } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = node.getText();
                if (!(hasChildElements && text.isBlank())) {
                    escape(text, out);
                }
            }
        }
        out.append("</>");
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }
}
