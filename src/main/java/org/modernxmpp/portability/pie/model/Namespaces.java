package org.modernxmpp.portability.pie.model;

/** The namespaces an XEP-0227 export uses, by the protocol that defines them. */
public final class Namespaces {
    /** XEP-0227 1.0 and later: the root, host, user and offline-messages. */
    public static final String PIE = "urn:xmpp:pie:0";
    /** XEP-0227 before 1.0, still found in old files: read, never written. */
    public static final String PIE_OLD = "http://www.xmpp.org/extensions/xep-0227.html#ns";
    public static final String PIE_SCRAM = "urn:xmpp:pie:0#scram";
    public static final String PIE_MAM = "urn:xmpp:pie:0#mam";
    public static final String XINCLUDE = "http://www.w3.org/2001/XInclude";
    public static final String CLIENT = "jabber:client";
    public static final String ROSTER = "jabber:iq:roster";
    public static final String PRIVATE = "jabber:iq:private";
    public static final String PRIVACY = "jabber:iq:privacy";
    public static final String VCARD = "vcard-temp";
    public static final String BLOCKING = "urn:xmpp:blocking";
    public static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    public static final String PUBSUB_OWNER = "http://jabber.org/protocol/pubsub#owner";
    public static final String DATA_FORMS = "jabber:x:data";
    public static final String MAM = "urn:xmpp:mam:2";
    public static final String FORWARD = "urn:xmpp:forward:0";
    public static final String DELAY = "urn:xmpp:delay";
    /** This project's element for account details XEP-0227 has no place for (name, email, dates, properties). */
    public static final String ACCOUNT = "urn:modernxmpp:portability:account:0";
    /** Prosody writes extra account fields as attributes in this namespace. */
    public static final String PROSODY_EXTENDED = "http://prosody.im/protocol/extended-xep0227";

    private Namespaces() {
    }
}
