package org.modernxmpp.portability.peers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.provider.IqProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * An IQ whose child element goes out and comes back as XML text, so the tests compare what the server really holds
 * instead of what Smack's object models keep of it.
 */
final class RawIq extends IQ {
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final String inner;
    private final String receivedXml;

    /** An outgoing IQ with child element {@code <element xmlns=namespace>inner</element>}; inner may be null. */
    RawIq(IQ.Type type, String element, String namespace, String inner) {
        super(element, namespace);
        setType(type);
        this.inner = inner;
        this.receivedXml = null;
    }

    private RawIq(String element, String namespace, String receivedXml) {
        super(element, namespace);
        this.inner = null;
        this.receivedXml = receivedXml;
    }

    /** An attribute on the child element. */
    RawIq attribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    /** The child element received, or null for an outgoing IQ. */
    String receivedXml() {
        return receivedXml;
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

    private static final class RawProvider extends IQProvider<RawIq> {
        private final String element;
        private final String namespace;

        RawProvider(String element, String namespace) {
            this.element = element;
            this.namespace = namespace;
        }

        @Override
        public RawIq parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws IOException, XmlPullParserException {
            CharSequence xml = PacketParserUtils.parseElement(parser, true);
            return new RawIq(element, namespace, xml.toString());
        }
    }

    /** The child elements the tests read as raw XML. */
    private static final String[][] RAW = {
            {"pubsub", "http://jabber.org/protocol/pubsub"}, {"pubsub", "http://jabber.org/protocol/pubsub#owner"},
            {"vCard", "vcard-temp"}, {"query", "jabber:iq:private"}, {"query", "jabber:iq:privacy"},
            {"blocklist", "urn:xmpp:blocking"},
    };

    /**
     * Replaces Smack's providers for {@link #RAW} with raw ones until the returned handle is closed, which puts the
     * previous providers back: ProviderManager is global to the JVM, and other tests may use Smack's models.
     */
    static AutoCloseable installProviders() {
        List<Runnable> restore = new ArrayList<>();
        for (String[] raw : RAW) {
            IqProvider<IQ> previous = ProviderManager.getIQProvider(raw[0], raw[1]);
            ProviderManager.addIQProvider(raw[0], raw[1], new RawProvider(raw[0], raw[1]));
            restore.add(() -> {
                ProviderManager.removeIQProvider(raw[0], raw[1]);
                if (previous != null) {
                    ProviderManager.addIQProvider(raw[0], raw[1], previous);
                }
            });
        }
        return () -> restore.forEach(Runnable::run);
    }
}
