package org.modernxmpp.portability.transfer;

/** The kinds of data an export carries, each with its own switch and policy. */
public enum DataKind {
    ACCOUNT("account and credentials"),
    ROSTER("contacts"),
    VCARD("profile (vCard)"),
    PRIVATE_XML("private XML"),
    OFFLINE_MESSAGES("offline messages"),
    PEP("PEP nodes"),
    PRIVACY("privacy lists"),
    BLOCKLIST("blocklist"),
    ARCHIVE("message archive");

    private final String label;

    DataKind(String label) {
        this.label = label;
    }

    /** Plain words for reports. */
    public String label() {
        return label;
    }
}
