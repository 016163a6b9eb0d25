package org.modernxmpp.portability.remote;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jivesoftware.smack.packet.IQ;

/**
 * An IQ whose child element goes out and comes back as XML text: the account's data is read exactly as the server
 * holds it and handed to the XEP-0227 parser, never through Smack's object models, which keep only what they know.
 */
public final class RawIq extends IQ {
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final String inner;
    private final org.dom4j.Element received;

    /** An outgoing IQ with child element {@code <element xmlns=namespace>inner</element>}; inner may be null. */
    public RawIq(IQ.Type type, String element, String namespace, String inner) {
        super(element, namespace);
        setType(type);
        this.inner = inner;
        this.received = null;
    }

    RawIq(String element, String namespace, org.dom4j.Element received) {
        super(element, namespace);
        this.inner = null;
        this.received = received;
    }

    /** An attribute on the child element. */
    public RawIq attribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    /** The child element received (detached), or null for an outgoing IQ. */
    public org.dom4j.Element received() {
        return received;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        attributes.forEach(xml::attribute);
        if (inner == null || inner.isEmpty()) {
            xml.setEmptyElement();
        } else {
            xml.rightAngleBracket();
            xml.append(inner);
        }
        return xml;
    }
}
