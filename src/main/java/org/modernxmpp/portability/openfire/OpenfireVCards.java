package org.modernxmpp.portability.openfire;

import java.util.Optional;

import org.dom4j.Element;
import org.jivesoftware.openfire.vcard.VCardManager;
import org.jivesoftware.openfire.vcard.VCardProvider;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.VCardPort;
import org.modernxmpp.portability.pie.model.XmlPayload;

/**
 * vCards written through VCardManager (its cache and vCard events), read from its provider: the manager's cache is
 * write-through, so the provider holds the current vCard, and reading it there keeps an export of every user from
 * filling the cache and from starting Openfire's vCard-to-avatar conversion for each of them (it runs on every cache
 * miss). Openfire 5.1 copies a vCard photo to the PEP avatar
 * (XEP-0398) on every vCard change, and a PEP avatar back into the vCard: the vCard is written before PEP, so the
 * avatar nodes imported after it end up agreeing with it, never two different avatars.
 */
final class OpenfireVCards implements VCardPort {
    private final VCardManager vCards;
    private final VCardProvider stored;

    OpenfireVCards(VCardManager vCards, VCardProvider stored) {
        this.vCards = vCards;
        this.stored = stored;
    }

    @Override
    public Optional<XmlPayload> read(String username) {
        Element vCard = stored.loadVCard(username);
        return Optional.ofNullable(vCard).map(XmlPayload::of);
    }

    @Override
    public void write(String username, XmlPayload vCard) throws AccountException {
        try {
            vCards.setVCard(username, vCard.copy());
        } catch (Exception e) {
            throw new AccountException("Openfire refused the profile (vCard): " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String username) throws AccountException {
        try {
            vCards.deleteVCard(username);
        } catch (UnsupportedOperationException e) {
            throw new AccountException("this server's vCard store is read-only", e);
        }
    }
}
