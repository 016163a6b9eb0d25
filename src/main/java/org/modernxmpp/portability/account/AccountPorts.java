package org.modernxmpp.portability.account;

import java.util.Objects;

/** All ports of one server (or of the in-memory store in tests), as the transfer engine needs them. */
public record AccountPorts(AccountPort accounts, RosterPort rosters, VCardPort vCards, PrivateXmlPort privateXml,
                           OfflineMessagePort offlineMessages, PepPort pep, PrivacyPort privacy, ArchivePort archive) {
    public AccountPorts {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(rosters, "rosters");
        Objects.requireNonNull(vCards, "vCards");
        Objects.requireNonNull(privateXml, "privateXml");
        Objects.requireNonNull(offlineMessages, "offlineMessages");
        Objects.requireNonNull(pep, "pep");
        Objects.requireNonNull(privacy, "privacy");
        Objects.requireNonNull(archive, "archive");
    }
}
