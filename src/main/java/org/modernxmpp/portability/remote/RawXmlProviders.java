package org.modernxmpp.portability.remote;

import java.io.IOException;
import java.util.List;

import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.modernxmpp.portability.pie.model.Namespaces;

/**
 * Registers, in Smack's provider registry (Smack's own singleton, like Openfire's managers), parsers that keep the
 * XML of every element this package reads. Registering again is harmless.
 */
public final class RawXmlProviders {
    static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
    static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";

    /** The IQ children read as XML: element name, namespace. */
    static final List<String[]> IQ_CHILDREN = List.of(
            new String[] {"query", Namespaces.ROSTER}, new String[] {"vCard", Namespaces.VCARD},
            new String[] {"query", Namespaces.PRIVATE}, new String[] {"query", Namespaces.PRIVACY},
            new String[] {"blocklist", Namespaces.BLOCKING}, new String[] {"block", Namespaces.BLOCKING},
            new String[] {"unblock", Namespaces.BLOCKING}, new String[] {"pubsub", Namespaces.PUBSUB},
            new String[] {"pubsub", Namespaces.PUBSUB_OWNER}, new String[] {"query", DISCO_ITEMS},
            new String[] {"query", DISCO_INFO}, new String[] {"fin", Namespaces.MAM});

    private RawXmlProviders() {
    }

    public static void install() {
        for (String[] child : IQ_CHILDREN) {
            Object current = ProviderManager.getIQProvider(child[0], child[1]);
            if (!(current instanceof RawIqProvider)) {
                ProviderManager.addIQProvider(child[0], child[1], new RawIqProvider(child[0], child[1]));
            }
        }
        Object current = ProviderManager.getExtensionProvider("result", Namespaces.MAM);
        if (!(current instanceof RawExtensionProvider)) {
            ProviderManager.addExtensionProvider("result", Namespaces.MAM, new RawExtensionProvider("result", Namespaces.MAM));
        }
    }

    private static final class RawIqProvider extends IQProvider<RawIq> {
        private final String element;
        private final String namespace;

        RawIqProvider(String element, String namespace) {
            this.element = element;
            this.namespace = namespace;
        }

        @Override
        public RawIq parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws IOException, XmlPullParserException {
            return new RawIq(element, namespace, ElementReader.read(parser));
        }
    }

    private static final class RawExtensionProvider extends ExtensionElementProvider<RawExtension> {
        private final String element;
        private final String namespace;

        RawExtensionProvider(String element, String namespace) {
            this.element = element;
            this.namespace = namespace;
        }

        @Override
        public RawExtension parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws IOException, XmlPullParserException {
            return new RawExtension(element, namespace, ElementReader.read(parser));
        }
    }
}
