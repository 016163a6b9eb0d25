package org.modernxmpp.portability.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.jivesoftware.openfire.OfflineMessageStore;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.OfflineMessage;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.Message;

/** Offline messages: read without deleting, written addressed to the account with their original time. */
class OpenfireOfflineMessagesTest {
    private final OfflineMessageStore store = mock(OfflineMessageStore.class);
    private final OpenfireOfflineMessages messages = new OpenfireOfflineMessages(store, "capulet.example");

    private static Element fileMessage(String body) {
        Element message = DocumentHelper.createElement(QName.get("message", Namespaces.CLIENT));
        message.addAttribute("from", "romeo@montague.example/orchard").addAttribute("to", "juliet@old.example").addAttribute("type", "chat");
        message.addElement(QName.get("body", Namespaces.CLIENT)).setText(body);
        return message;
    }

    @Test
    void addsTheMessageToTheAccountWithADelayOfItsOriginalTime() throws Exception {
        when(store.addMessage(any())).thenReturn(mock(org.jivesoftware.openfire.OfflineMessage.class));
        Instant sent = Instant.parse("2019-07-14T21:00:00.123Z");

        messages.add("juliet", new OfflineMessage(XmlPayload.of(fileMessage("Ay me! ☾")), sent));

        ArgumentCaptor<Message> stored = ArgumentCaptor.forClass(Message.class);
        verify(store).addMessage(stored.capture());
        Message message = stored.getValue();
        assertEquals("juliet@capulet.example", message.getTo().toString(), "addressed to the account it is imported into");
        assertEquals("Ay me! ☾", message.getBody());
        assertEquals("", message.getElement().getNamespaceURI());
        Element delay = message.getElement().element(QName.get("delay", Namespaces.DELAY));
        assertEquals(sent, Instant.parse(delay.attributeValue("stamp")));
    }

    @Test
    void aMessageOpenfireWillNotStoreIsReported() {
        when(store.addMessage(any())).thenReturn(null);
        assertThrows(AccountException.class, () -> messages.add("juliet", new OfflineMessage(XmlPayload.of(fileMessage("x")), null)));
    }

    @Test
    void readsInOrderWithoutDeletingAndTakesTheStampFromTheDelay() {
        Message first = new Message();
        first.setFrom("romeo@montague.example");
        first.setBody("first");
        first.getElement().addElement(QName.get("delay", Namespaces.DELAY)).addAttribute("stamp", "2019-07-14T21:00:00Z");
        Message second = new Message();
        second.setBody("second");
        var one = mock(org.jivesoftware.openfire.OfflineMessage.class);
        when(one.getElement()).thenReturn(first.getElement());
        var two = mock(org.jivesoftware.openfire.OfflineMessage.class);
        when(two.getElement()).thenReturn(second.getElement());
        when(two.getCreationDate()).thenReturn(Date.from(Instant.parse("2020-01-01T00:00:00Z")));
        when(store.getMessages("juliet", false)).thenReturn(List.of(one, two));

        List<OfflineMessage> read = messages.read("juliet");

        verify(store).getMessages("juliet", false);
        assertEquals(Instant.parse("2019-07-14T21:00:00Z"), read.get(0).stamp());
        assertEquals(Namespaces.CLIENT, read.get(0).message().namespace());
        assertEquals("first", read.get(0).message().element().element(QName.get("body", Namespaces.CLIENT)).getText());
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), read.get(1).stamp(), "no delay: the time Openfire stored it");
    }

    @Test
    void messagesOfOneUserAreNeverStoredInTheSameMillisecond() throws Exception {
        java.util.List<Long> storedAt = new java.util.ArrayList<>();
        when(store.addMessage(any())).thenAnswer(call -> {
            long now = System.currentTimeMillis();
            storedAt.add(now);
            var stored = mock(org.jivesoftware.openfire.OfflineMessage.class);
            when(stored.getCreationDate()).thenReturn(new Date(now));
            return stored;
        });
        for (int i = 0; i < 20; i++) {
            messages.add("juliet", new OfflineMessage(XmlPayload.of(fileMessage("message " + i)), null));
        }
        assertEquals(20, new java.util.HashSet<>(storedAt).size(), "Openfire keys offline messages by that millisecond: " + storedAt);
    }
}
