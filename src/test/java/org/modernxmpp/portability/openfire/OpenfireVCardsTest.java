package org.modernxmpp.portability.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.util.Optional;

import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.jivesoftware.openfire.vcard.VCardManager;
import org.jivesoftware.openfire.vcard.VCardProvider;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.pie.model.XmlPayload;

/** vCards: read from VCardManager as they are, written as a copy through setVCard, deleted through deleteVCard. */
class OpenfireVCardsTest {
    private static final String VCARD = """
            <vCard xmlns='vcard-temp'>
              <FN>Juliet Capulet</FN>
              <N><FAMILY>Capulet</FAMILY><GIVEN>Juliet</GIVEN></N>
              <NICKNAME>Jule ☾ «die Schöne»</NICKNAME>
              <JABBERID>juliet@capulet.example</JABBERID>
              <PHOTO><TYPE>image/png</TYPE><BINVAL>iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==</BINVAL></PHOTO>
            </vCard>""";

    private final VCardManager manager = mock(VCardManager.class);
    private final VCardProvider provider = mock(VCardProvider.class);
    private final OpenfireVCards vCards = new OpenfireVCards(manager, provider);

    private static Element xml(String text) {
        try {
            return DocumentHelper.parseText(text).getRootElement();
        } catch (DocumentException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readsTheStoredVCardAsItIsWithoutGoingThroughTheManagersCache() throws Exception {
        when(provider.loadVCard("juliet")).thenReturn(xml(VCARD));

        Optional<XmlPayload> read = vCards.read("juliet");

        assertEquals(Optional.of(XmlPayload.of(xml(VCARD))), read);
        assertEquals("Jule ☾ «die Schöne»", read.orElseThrow().element().elementText("NICKNAME"));
        verifyNoMoreInteractions(manager); // no cache filling, no vCard-to-avatar conversion on a read
    }

    @Test
    void anAccountWithoutVCardReadsEmpty() throws Exception {
        assertEquals(Optional.empty(), vCards.read("juliet"));
        verify(provider).loadVCard("juliet");
    }

    @Test
    void writesACopyOfTheVCardThroughSetVCard() throws Exception {
        XmlPayload vCard = XmlPayload.of(xml(VCARD));

        vCards.write("juliet", vCard);

        ArgumentCaptor<Element> written = ArgumentCaptor.forClass(Element.class);
        verify(manager).setVCard(eq("juliet"), written.capture());
        verifyNoMoreInteractions(manager);
        assertNotSame(vCard.element(), written.getValue(), "Openfire may change what it is given; the model's element must stay as it is");
        assertEquals(vCard, XmlPayload.of(written.getValue()));
    }

    @Test
    void aVCardOpenfireRefusesBecomesAnAccountException() throws Exception {
        Exception refused = new Exception("vCard of 2 MB exceeds the limit");
        doThrow(refused).when(manager).setVCard(anyString(), any());

        AccountException e = assertThrows(AccountException.class, () -> vCards.write("juliet", XmlPayload.of(xml(VCARD))));

        assertTrue(e.getMessage().contains("vCard of 2 MB exceeds the limit"), e.getMessage());
        assertSame(refused, e.getCause());
    }

    @Test
    void deletesThroughDeleteVCard() throws Exception {
        vCards.delete("juliet");

        verify(manager).deleteVCard("juliet");
        verifyNoMoreInteractions(manager);
    }

    @Test
    void deletingFromAReadOnlyStoreBecomesAnAccountException() {
        // VCardManager.deleteVCard throws this when its provider is read-only (LDAP)
        doThrow(new UnsupportedOperationException("VCard provider is read-only.")).when(manager).deleteVCard("juliet");

        AccountException e = assertThrows(AccountException.class, () -> vCards.delete("juliet"));

        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    }
}
