package org.modernxmpp.portability.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.util.List;

import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.jivesoftware.openfire.PrivateStorage;
import org.jivesoftware.openfire.pep.PEPService;
import org.jivesoftware.openfire.pep.PEPServiceManager;
import org.jivesoftware.openfire.pubsub.LeafNode;
import org.jivesoftware.openfire.pubsub.Node;
import org.jivesoftware.openfire.pubsub.PublishedItem;
import org.jivesoftware.openfire.pubsub.models.AccessModel;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.JID;

/** Private XML: listed from the PEP nodes PrivateStorage keeps it in, written through PrivateStorage.add when enabled. */
class OpenfirePrivateXmlTest {
    private static final JID JULIET = new JID("juliet@capulet.example");
    private static final String BOOKMARKS = """
            <storage xmlns='storage:bookmarks'>
              <conference jid='balcony@chat.capulet.example' name='Der Balkon ☾' autojoin='true'><nick>Juliet</nick></conference>
              <url name='Verona' url='https://verona.example/'/>
            </storage>""";
    private static final String ROSTERNOTES = """
            <storage xmlns='storage:rosternotes'>
              <note jid='romeo@montague.example' cdate='2019-07-14T21:00:00Z' mdate='2019-07-14T21:00:00Z'>Wherefore art thou…</note>
            </storage>""";
    private static final String EXODUS = "<exodus xmlns='exodus:prefs'><defaultnick>Jule</defaultnick></exodus>";

    private final PrivateStorage storage = mock(PrivateStorage.class);
    private final PEPServiceManager pep = mock(PEPServiceManager.class);
    private final PEPService service = mock(PEPService.class);
    private final OpenfirePrivateXml privateXml = new OpenfirePrivateXml(storage, pep, "capulet.example");

    private static Element xml(String text) {
        try {
            return DocumentHelper.parseText(text).getRootElement();
        } catch (DocumentException e) {
            throw new AssertionError(e);
        }
    }

    private static PublishedItem item(String id, String payload) {
        PublishedItem item = mock(PublishedItem.class);
        when(item.getID()).thenReturn(id);
        when(item.getPayload()).thenReturn(payload == null ? null : xml(payload));
        return item;
    }

    private static LeafNode node(String id, String accessModel, PublishedItem... items) {
        AccessModel model = mock(AccessModel.class);
        when(model.getName()).thenReturn(accessModel);
        LeafNode node = mock(LeafNode.class);
        when(node.getNodeID()).thenReturn(id);
        when(node.getAccessModel()).thenReturn(model);
        when(node.getPublishedItems()).thenReturn(List.of(items));
        return node;
    }

    /** A node as PrivateStorage.add leaves it: named after the namespace, whitelist, one item "current". */
    private static LeafNode privateDataNode(String payload) {
        return node(xml(payload).getNamespaceURI(), "whitelist", item("current", payload));
    }

    @Test
    void readsTheFragmentsOfPrivateDataNodesSortedByNamespace() throws Exception {
        List<Node> nodes = List.of(privateDataNode(ROSTERNOTES), privateDataNode(BOOKMARKS), privateDataNode(EXODUS));
        when(pep.getPEPService(JULIET, false)).thenReturn(service);
        when(service.getNodes()).thenReturn(nodes);

        List<XmlPayload> read = privateXml.read("juliet");

        assertEquals(List.of(XmlPayload.of(xml(EXODUS)), XmlPayload.of(xml(BOOKMARKS)), XmlPayload.of(xml(ROSTERNOTES))), read);
    }

    @Test
    void leavesOrdinaryPepNodesOut() throws Exception {
        Node collection = mock(Node.class);
        when(collection.isCollectionNode()).thenReturn(true);
        when(collection.getNodeID()).thenReturn("storage:bookmarks");
        List<Node> nodes = List.of(
                privateDataNode(BOOKMARKS),
                collection,
                // XEP-0084 metadata: open to presence subscribers, item id a SHA-1
                node("urn:xmpp:avatar:metadata", "presence", item("111f4b3c50d7b0df729d299bc6f8e9ef9066971f",
                        "<metadata xmlns='urn:xmpp:avatar:metadata'><info bytes='12345' id='111f4b3c50d7b0df729d299bc6f8e9ef9066971f' type='image/png'/></metadata>")),
                // whitelist and "current", but the payload is of another namespace than the node
                node("eu.siacs.conversations.axolotl.devicelist", "whitelist",
                        item("current", "<list xmlns='eu.siacs.conversations.axolotl'><device id='1234'/></list>")),
                // whitelist, named after the namespace, but not one item "current"
                node("storage:rosternotes", "whitelist", item("current", ROSTERNOTES), item("older", ROSTERNOTES)),
                node("exodus:prefs", "whitelist", item("prefs", EXODUS)),
                node("urn:xmpp:bookmarks:1", "whitelist", item("current", null)));
        when(pep.getPEPService(JULIET, false)).thenReturn(service);
        when(service.getNodes()).thenReturn(nodes);

        assertEquals(List.of(XmlPayload.of(xml(BOOKMARKS))), privateXml.read("juliet"));
    }

    @Test
    void anAccountWithoutPepServiceHasNoPrivateXmlAndGetsNoService() throws Exception {
        assertEquals(List.of(), privateXml.read("juliet"));

        verify(pep).getPEPService(JULIET, false);
        verify(pep, never()).getPEPService(any(JID.class), eq(true));
    }

    @Test
    void writesACopyOfTheFragmentThroughPrivateStorage() throws Exception {
        when(storage.isEnabled()).thenReturn(true);
        XmlPayload bookmarks = XmlPayload.of(xml(BOOKMARKS));

        privateXml.write("juliet", bookmarks);

        ArgumentCaptor<Element> added = ArgumentCaptor.forClass(Element.class);
        verify(storage).add(eq("juliet"), added.capture());
        assertNotSame(bookmarks.element(), added.getValue(), "PrivateStorage.add detaches and re-parents what it is given");
        assertEquals(bookmarks, XmlPayload.of(added.getValue()));
    }

    @Test
    void refusesToWriteWhenPrivateStorageIsSwitchedOff() {
        when(storage.isEnabled()).thenReturn(false);

        AccountException e = assertThrows(AccountException.class, () -> privateXml.write("juliet", XmlPayload.of(xml(BOOKMARKS))));

        assertTrue(e.getMessage().contains("xmpp.privateStorageEnabled"), e.getMessage());
        verify(storage).isEnabled();
        verify(storage, never()).add(anyString(), any());
        verifyNoMoreInteractions(storage);
    }
}
