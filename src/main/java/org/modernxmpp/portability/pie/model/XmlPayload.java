package org.modernxmpp.portability.pie.model;

import java.util.Objects;

import org.dom4j.Element;
import org.dom4j.QName;

/**
 * An XML element carried as it is: a payload the model does not interpret (a vCard, a PEP item, a stanza,
 * an unknown extension). Equality is by content, so two exports can be compared element by element.
 * The element is detached and must be treated as read-only; {@link #copy()} gives a mutable copy.
 */
public final class XmlPayload {
    private final Element element;
    private String canonicalForm;

    private XmlPayload(Element element) {
        this.element = element;
    }

    /** Wraps an element, detaching it from any parent document. */
    public static XmlPayload of(Element element) {
        Objects.requireNonNull(element, "element");
        if (element.getParent() != null || element.getDocument() != null) {
            element = element.createCopy();
        }
        return new XmlPayload(element);
    }

    /** The element itself: do not modify it. */
    public Element element() {
        return element;
    }

    public Element copy() {
        return element.createCopy();
    }

    public QName qName() {
        return element.getQName();
    }

    public String name() {
        return element.getName();
    }

    public String namespace() {
        return element.getNamespaceURI();
    }

    /** Namespace-aware form with sorted attributes, used for equality and diffs. */
    public String canonicalForm() {
        String form = canonicalForm;
        if (form == null) {
            form = CanonicalXml.of(element);
            canonicalForm = form;
        }
        return form;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof XmlPayload payload && canonicalForm().equals(payload.canonicalForm());
    }

    @Override
    public int hashCode() {
        return canonicalForm().hashCode();
    }

    @Override
    public String toString() {
        String form = canonicalForm();
        return form.length() <= 200 ? form : form.substring(0, 200) + "…";
    }
}
