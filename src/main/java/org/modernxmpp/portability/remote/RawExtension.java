package org.modernxmpp.portability.remote;

import org.jivesoftware.smack.packet.ExtensionElement;

/** A child of a message kept as the XML that arrived (an archived message's {@code <result/>}). */
public final class RawExtension implements ExtensionElement {
    private final String name;
    private final String namespace;
    private final org.dom4j.Element element;

    RawExtension(String name, String namespace, org.dom4j.Element element) {
        this.name = name;
        this.namespace = namespace;
        this.element = element;
    }

    /** The element as it arrived. */
    public org.dom4j.Element element() {
        return element;
    }

    @Override
    public String getElementName() {
        return name;
    }

    @Override
    public String getNamespace() {
        return namespace;
    }

    @Override
    public CharSequence toXML(org.jivesoftware.smack.packet.XmlEnvironment environment) {
        return element.asXML();
    }
}
