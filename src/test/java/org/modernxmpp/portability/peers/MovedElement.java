package org.modernxmpp.portability.peers;

import java.io.IOException;

import javax.xml.namespace.QName;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * XEP-0283's {@code <moved xmlns='urn:xmpp:moved:1'><old-jid>…</old-jid></moved>} for Smack, as a client sends it in
 * a subscription request and finds it in one it receives. Smack 4.4 has no support of its own for version 0.2.
 */
public record MovedElement(String oldJid) implements ExtensionElement {
    // public: Smack finds an extension's name by reflection on these
    public static final String NAMESPACE = "urn:xmpp:moved:1";
    public static final String ELEMENT = "moved";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    /** Teaches Smack to parse the element into this class; undone by closing the result. */
    static AutoCloseable install() {
        ProviderManager.addExtensionProvider(ELEMENT, NAMESPACE, new Provider());
        return () -> ProviderManager.removeExtensionProvider(ELEMENT, NAMESPACE);
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public CharSequence toXML(XmlEnvironment enclosing) {
        return new XmlStringBuilder(this, enclosing).rightAngleBracket().element("old-jid", oldJid).closeElement(this);
    }

    static final class Provider extends ExtensionElementProvider<MovedElement> {
        @Override
        public MovedElement parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws XmlPullParserException, IOException {
            String oldJid = null;
            while (true) {
                XmlPullParser.Event event = parser.next();
                if (event == XmlPullParser.Event.START_ELEMENT && "old-jid".equals(parser.getName())) {
                    oldJid = parser.nextText();
                } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                    return new MovedElement(oldJid);
                }
            }
        }
    }
}
