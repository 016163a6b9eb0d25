package org.modernxmpp.portability.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;

import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.jivesoftware.openfire.pep.PEPService;
import org.jivesoftware.openfire.pep.PEPServiceManager;
import org.jivesoftware.openfire.pubsub.LeafNode;
import org.jivesoftware.openfire.pubsub.Node;
import org.jivesoftware.openfire.pubsub.NodeAffiliate;
import org.jivesoftware.openfire.pubsub.NotAcceptableException;
import org.jivesoftware.openfire.pubsub.PubSubEngine;
import org.jivesoftware.openfire.pubsub.PublishedItem;
import org.jivesoftware.openfire.pubsub.models.AccessModel;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.MockedStatic;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.pie.model.Affiliation;
import org.modernxmpp.portability.pie.model.NodeSubscription;
import org.modernxmpp.portability.pie.model.PepItem;
import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * PEP through Openfire's pubsub model: which nodes are read and how, and the exact createNodeHelper, configure,
 * affiliation, publishItems and delete calls an import makes.
 */
class OpenfirePepTest {
    private static final JID JULIET = new JID("juliet@capulet.example");
    private static final String AVATAR_ID = "111f4b3c50d7b0df729d299bc6f8e9ef9066971f";
    private static final String AVATAR_METADATA = "<metadata xmlns='urn:xmpp:avatar:metadata'>"
            + "<info bytes='12345' width='64' height='64' id='" + AVATAR_ID + "' type='image/png'/></metadata>";
    private static final String AVATAR_DATA = "<data xmlns='urn:xmpp:avatar:data'>iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==</data>";
    private static final String BALCONY = "<conference xmlns='urn:xmpp:bookmarks:1' name='Der Balkon ☾' autojoin='true'><nick>Juliet</nick></conference>";
    private static final String CRYPT = "<conference xmlns='urn:xmpp:bookmarks:1' name='Gruft «Capulet»'><nick>Jule</nick><password>rosemary</password></conference>";
    /** A node_config form as an export carries it: submitted values, no labels. */
    private static final String SUBMITTED_CONFIG = """
            <x xmlns='jabber:x:data' type='submit'>
              <field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#node_config</value></field>
              <field var='pubsub#access_model'><value>whitelist</value></field>
              <field var='pubsub#max_items'><value>max</value></field>
              <field var='pubsub#title'><value>Lesezeichen ☾</value></field>
            </x>""";
    /** The same form as Openfire must be given it: Openfire parses max_items as an integer, unlimited being -1. */
    private static final String CONFIG_FOR_OPENFIRE = SUBMITTED_CONFIG.replace("<value>max</value>", "<value>-1</value>");

    private final PEPServiceManager pep = mock(PEPServiceManager.class);
    private final PEPService service = mock(PEPService.class);
    private final OpenfirePep adapter = new OpenfirePep(pep, "capulet.example");

    private static Element xml(String text) {
        try {
            return DocumentHelper.parseText(text).getRootElement();
        } catch (DocumentException e) {
            throw new AssertionError(e);
        }
    }

    private static XmlPayload payload(String text) {
        return XmlPayload.of(xml(text));
    }

    private static PublishedItem item(String id, String payload) {
        PublishedItem item = mock(PublishedItem.class);
        when(item.getID()).thenReturn(id);
        when(item.getPayload()).thenReturn(payload == null ? null : xml(payload));
        return item;
    }

    private static DataForm config(String accessModel) {
        DataForm form = new DataForm(DataForm.Type.form);
        form.addField("FORM_TYPE", null, FormField.Type.hidden).addValue("http://jabber.org/protocol/pubsub#node_config");
        form.addField("pubsub#access_model", "Specify the subscriber model", FormField.Type.list_single).addValue(accessModel);
        return form;
    }

    private static LeafNode leaf(String id, String accessModel, PublishedItem... items) {
        AccessModel model = mock(AccessModel.class);
        when(model.getName()).thenReturn(accessModel);
        DataForm config = config(accessModel);
        LeafNode node = mock(LeafNode.class);
        when(node.getNodeID()).thenReturn(id);
        when(node.getAccessModel()).thenReturn(model);
        when(node.getPublishedItems()).thenReturn(List.of(items));
        when(node.getAllAffiliates()).thenReturn(List.of());
        when(node.getAllSubscriptions()).thenReturn(List.of());
        when(node.getConfigurationForm(Locale.ENGLISH)).thenReturn(config);
        return node;
    }

    private static NodeAffiliate affiliate(String jid, NodeAffiliate.Affiliation affiliation) {
        NodeAffiliate affiliate = mock(NodeAffiliate.class);
        when(affiliate.getJID()).thenReturn(new JID(jid));
        when(affiliate.getAffiliation()).thenReturn(affiliation);
        return affiliate;
    }

    private static org.jivesoftware.openfire.pubsub.NodeSubscription subscription(String jid,
            org.jivesoftware.openfire.pubsub.NodeSubscription.State state, String id) {
        var subscription = mock(org.jivesoftware.openfire.pubsub.NodeSubscription.class);
        when(subscription.getJID()).thenReturn(new JID(jid));
        when(subscription.getState()).thenReturn(state);
        when(subscription.getID()).thenReturn(id);
        return subscription;
    }

    /** What createNodeHelper answers; the compile-only mirror's constructor throws, so its fields are set directly. */
    private static PubSubEngine.CreateNodeResponse response(PacketError.Condition status, Node node) {
        try {
            return new PubSubEngine.CreateNodeResponse(status, null, node);
        } catch (UnsupportedOperationException mirror) {
            PubSubEngine.CreateNodeResponse response = mock(PubSubEngine.CreateNodeResponse.class);
            set(response, "creationStatus", status);
            set(response, "newNode", node);
            return response;
        }
    }

    private static void set(Object target, String name, Object value) {
        try {
            Field field = target.getClass().getField(name);
            field.setAccessible(true);
            field.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static NotAcceptableException notAcceptable(String message) {
        try {
            return new NotAcceptableException(message);
        } catch (UnsupportedOperationException mirror) {
            NotAcceptableException e = mock(NotAcceptableException.class);
            when(e.getMessage()).thenReturn(message);
            return e;
        }
    }

    private static PepNode bookmarksNode(XmlPayload configuration, Affiliation... affiliations) {
        return new PepNode("urn:xmpp:bookmarks:1", configuration, List.of(affiliations), List.of(), List.of());
    }

    // --- read

    @Test
    void readsNodesSortedByIdWithTheirItemsInOrder() throws Exception {
        LeafNode bookmarks = leaf("urn:xmpp:bookmarks:1", "whitelist",
                item("crypt@chat.verona.example", CRYPT), item("balcony@chat.capulet.example", BALCONY));
        LeafNode metadata = leaf("urn:xmpp:avatar:metadata", "presence", item(AVATAR_ID, AVATAR_METADATA));
        LeafNode data = leaf("urn:xmpp:avatar:data", "presence", item(AVATAR_ID, AVATAR_DATA));
        when(pep.getPEPService(JULIET, false)).thenReturn(service);
        when(service.getNodes()).thenReturn(List.of(bookmarks, metadata, data));

        List<PepNode> read = adapter.read("juliet");

        assertEquals(List.of("urn:xmpp:avatar:data", "urn:xmpp:avatar:metadata", "urn:xmpp:bookmarks:1"),
                read.stream().map(PepNode::node).toList());
        assertEquals(List.of(new PepItem(AVATAR_ID, payload(AVATAR_DATA))), read.get(0).items());
        assertEquals(List.of(new PepItem(AVATAR_ID, payload(AVATAR_METADATA))), read.get(1).items());
        assertEquals(List.of(new PepItem("crypt@chat.verona.example", payload(CRYPT)),
                new PepItem("balcony@chat.capulet.example", payload(BALCONY))), read.get(2).items(), "items keep Openfire's order");
    }

    @Test
    void itemsAreExportedOldestFirstEvenWhenOpenfireListsThemNewestFirst() throws Exception {
        PublishedItem newer = item("balcony@chat.capulet.example", BALCONY);
        when(newer.getCreationDate()).thenReturn(new java.util.Date(2_000_000));
        PublishedItem older = item("crypt@chat.verona.example", CRYPT);
        when(older.getCreationDate()).thenReturn(new java.util.Date(1_000_000));
        LeafNode bookmarks = leaf("urn:xmpp:bookmarks:1", "whitelist", newer, older); // xmpp.pubsub.order.descending
        when(pep.getPEPService(JULIET, false)).thenReturn(service);
        when(service.getNodes()).thenReturn(List.of(bookmarks));

        assertEquals(List.of("crypt@chat.verona.example", "balcony@chat.capulet.example"),
                adapter.read("juliet").get(0).items().stream().map(PepItem::id).toList());
    }

    @Test
    void readsAnItemWithoutPayloadAsOneWithoutPayload() throws Exception {
        LeafNode displayed = leaf("urn:xmpp:mds:displayed:0", "whitelist", item("balcony@chat.capulet.example", null));
        when(pep.getPEPService(JULIET, false)).thenReturn(service);
        when(service.getNodes()).thenReturn(List.of(displayed));

        assertEquals(List.of(new PepItem("balcony@chat.capulet.example", null)), adapter.read("juliet").get(0).items());
    }

    @Test
    void leavesCollectionNodesAndPrivateXmlNodesOut() throws Exception {
        Node collection = mock(Node.class);
        when(collection.isCollectionNode()).thenReturn(true);
        when(collection.getNodeID()).thenReturn("urn:xmpp:collection");
        LeafNode privateXml = leaf("storage:bookmarks", "whitelist", item("current",
                "<storage xmlns='storage:bookmarks'><conference jid='balcony@chat.capulet.example' autojoin='true'/></storage>"));
        // whitelist and "current", but the payload's namespace is not the node's name: an ordinary PEP node
        LeafNode devices = leaf("eu.siacs.conversations.axolotl.devicelist", "whitelist",
                item("current", "<list xmlns='eu.siacs.conversations.axolotl'><device id='1234567'/></list>"));
        LeafNode metadata = leaf("urn:xmpp:avatar:metadata", "presence", item(AVATAR_ID, AVATAR_METADATA));
        when(pep.getPEPService(JULIET, false)).thenReturn(service);
        when(service.getNodes()).thenReturn(List.of(collection, privateXml, metadata, devices));

        List<PepNode> read = adapter.read("juliet");

        assertEquals(List.of("eu.siacs.conversations.axolotl.devicelist", "urn:xmpp:avatar:metadata"),
                read.stream().map(PepNode::node).toList());
    }

    @Test
    void carriesAffiliationsAndSubscriptionsWithStateAndId() throws Exception {
        LeafNode metadata = leaf("urn:xmpp:avatar:metadata", "presence", item(AVATAR_ID, AVATAR_METADATA));
        List<NodeAffiliate> affiliates = List.of(
                affiliate("tybalt@capulet.example", NodeAffiliate.Affiliation.outcast),
                affiliate("juliet@capulet.example", NodeAffiliate.Affiliation.owner),
                affiliate("romeo@montague.example", NodeAffiliate.Affiliation.none),
                affiliate("nurse@capulet.example", NodeAffiliate.Affiliation.publisher));
        List<org.jivesoftware.openfire.pubsub.NodeSubscription> subscriptions = List.of(
                subscription("romeo@montague.example/orchard", org.jivesoftware.openfire.pubsub.NodeSubscription.State.subscribed, "5f1c2a9e0b7d"),
                subscription("benvolio@montague.example", org.jivesoftware.openfire.pubsub.NodeSubscription.State.pending, "9d8e7f6a5b4c"));
        when(metadata.getAllAffiliates()).thenReturn(affiliates);
        when(metadata.getAllSubscriptions()).thenReturn(subscriptions);
        when(pep.getPEPService(JULIET, false)).thenReturn(service);
        when(service.getNodes()).thenReturn(List.of(metadata));

        PepNode read = adapter.read("juliet").get(0);

        assertEquals(List.of(
                new Affiliation(new JID("juliet@capulet.example"), "owner"),
                new Affiliation(new JID("nurse@capulet.example"), "publisher"),
                new Affiliation(new JID("romeo@montague.example"), "none"),
                new Affiliation(new JID("tybalt@capulet.example"), "outcast")), read.affiliations());
        assertEquals(List.of(
                new NodeSubscription(new JID("benvolio@montague.example"), "pending", "9d8e7f6a5b4c", null),
                new NodeSubscription(new JID("romeo@montague.example/orchard"), "subscribed", "5f1c2a9e0b7d", null)), read.subscriptions());
    }

    @Test
    void carriesTheConfigurationAsASubmittedFormOfItsValuesOnly() throws Exception {
        DataForm form = new DataForm(DataForm.Type.form);
        form.setTitle("Configuration for urn:xmpp:bookmarks:1");
        form.addInstruction("Fill out this form to configure the node");
        form.addField("FORM_TYPE", null, FormField.Type.hidden).addValue("http://jabber.org/protocol/pubsub#node_config");
        FormField section = form.addField();
        section.setType(FormField.Type.fixed);
        section.addValue("Access");
        form.addField("pubsub#fixed_note", "A note with a var", FormField.Type.fixed).addValue("not a setting");
        FormField access = form.addField("pubsub#access_model", "Specify the subscriber model", FormField.Type.list_single);
        access.addOption("Open", "open");
        access.addOption("Presence", "presence");
        access.addOption("Whitelist", "whitelist");
        access.addValue("whitelist");
        form.addField("pubsub#persist_items", "Persist items to storage", FormField.Type.boolean_type).addValue("1");
        form.addField("pubsub#title", "A friendly name for the node", FormField.Type.text_single).addValue("Lesezeichen ☾");
        FormField groups = form.addField("pubsub#roster_groups_allowed", "Roster groups allowed", FormField.Type.list_multi);
        groups.addOption("Familie", "Familie");
        groups.addValue("Familie");
        groups.addValue("Nurse & Friends");
        form.addField("pubsub#contact", "People to contact with questions", FormField.Type.jid_multi);
        form.addField("pubsub#max_items", "Max number of items to persist", FormField.Type.text_single).addValue("50");
        form.addField("pubsub#owner", "Node owners", FormField.Type.jid_multi).addValue("juliet@capulet.example");
        form.addField("pubsub#publisher", "Node publishers", FormField.Type.jid_multi).addValue("nurse@capulet.example");
        form.addField("pubsub#collection", "The collection with which a node is affiliated", FormField.Type.text_single).addValue("");
        LeafNode bookmarks = leaf("urn:xmpp:bookmarks:1", "whitelist", item("balcony@chat.capulet.example", BALCONY));
        when(bookmarks.getConfigurationForm(Locale.ENGLISH)).thenReturn(form);
        when(pep.getPEPService(JULIET, false)).thenReturn(service);
        when(service.getNodes()).thenReturn(List.of(bookmarks));

        PepNode read = adapter.read("juliet").get(0);

        assertEquals(payload("""
                <x xmlns='jabber:x:data' type='submit'>
                  <field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#node_config</value></field>
                  <field var='pubsub#access_model'><value>whitelist</value></field>
                  <field var='pubsub#persist_items'><value>1</value></field>
                  <field var='pubsub#title'><value>Lesezeichen ☾</value></field>
                  <field var='pubsub#roster_groups_allowed'><value>Familie</value><value>Nurse &amp; Friends</value></field>
                  <field var='pubsub#contact'/>
                  <field var='pubsub#max_items'><value>50</value></field>
                </x>"""), read.configuration(), "owners, publishers and the parent collection are left to the affiliations and the server");
    }

    @Test
    void exportsOpenfiresUnlimitedMaxItemsAsTheXepsMax() throws Exception {
        DataForm form = config("whitelist");
        form.addField("pubsub#max_items", "Max number of items to persist", FormField.Type.text_single).addValue("-1");
        LeafNode bookmarks = leaf("urn:xmpp:bookmarks:1", "whitelist");
        when(bookmarks.getConfigurationForm(Locale.ENGLISH)).thenReturn(form);
        when(pep.getPEPService(JULIET, false)).thenReturn(service);
        when(service.getNodes()).thenReturn(List.of(bookmarks));

        XmlPayload read = adapter.read("juliet").get(0).configuration();

        assertEquals(payload("""
                <x xmlns='jabber:x:data' type='submit'>
                  <field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#node_config</value></field>
                  <field var='pubsub#access_model'><value>whitelist</value></field>
                  <field var='pubsub#max_items'><value>max</value></field>
                </x>"""), read);
    }

    @Test
    void anAccountWithoutPepServiceHasNoNodesAndGetsNoService() throws Exception {
        assertEquals(List.of(), adapter.read("juliet"));

        verify(pep).getPEPService(JULIET, false);
        verifyNoMoreInteractions(pep);
    }

    // --- putNode

    @Test
    void createsAMissingNodeThroughCreateNodeHelperWithItsConfiguration() throws Exception {
        LeafNode created = mock(LeafNode.class);
        when(pep.getPEPService(JULIET, true)).thenReturn(service);
        XmlPayload asTheFileHasIt = payload(SUBMITTED_CONFIG.replace("type='submit'", "type='form'"));
        PubSubEngine.CreateNodeResponse response = response(null, created);
        try (MockedStatic<PubSubEngine> engine = mockStatic(PubSubEngine.class)) {
            engine.when(() -> PubSubEngine.createNodeHelper(any(), any(), any(), any(), any())).thenReturn(response);

            adapter.putNode("juliet", bookmarksNode(asTheFileHasIt, new Affiliation(new JID("nurse@capulet.example"), "publisher")));

            ArgumentCaptor<Element> configure = ArgumentCaptor.forClass(Element.class);
            engine.verify(() -> PubSubEngine.createNodeHelper(same(service), eq(JULIET), configure.capture(), eq("urn:xmpp:bookmarks:1"), isNull()));
            assertEquals(payload("<configure xmlns='http://jabber.org/protocol/pubsub'>" + CONFIG_FOR_OPENFIRE + "</configure>"),
                    XmlPayload.of(configure.getValue()));
        }
        assertEquals("form", asTheFileHasIt.element().attributeValue("type"), "the model's form is left as it is");
        verify(created).addPublisher(new JID("nurse@capulet.example"));
        verify(created, never()).configure(any());
    }

    @Test
    void createsAMissingNodeWithoutConfigurationWithTheServersDefaults() throws Exception {
        when(pep.getPEPService(JULIET, true)).thenReturn(service);
        PubSubEngine.CreateNodeResponse response = response(null, mock(LeafNode.class));
        try (MockedStatic<PubSubEngine> engine = mockStatic(PubSubEngine.class)) {
            engine.when(() -> PubSubEngine.createNodeHelper(any(), any(), any(), any(), any())).thenReturn(response);

            adapter.putNode("juliet", bookmarksNode(null));

            engine.verify(() -> PubSubEngine.createNodeHelper(same(service), eq(JULIET), isNull(), eq("urn:xmpp:bookmarks:1"), isNull()));
        }
    }

    @Test
    void aRefusedCreationNamesTheNodeAndTheCondition() {
        when(pep.getPEPService(JULIET, true)).thenReturn(service);
        PubSubEngine.CreateNodeResponse conflict = response(PacketError.Condition.conflict, null);
        try (MockedStatic<PubSubEngine> engine = mockStatic(PubSubEngine.class)) {
            engine.when(() -> PubSubEngine.createNodeHelper(any(), any(), any(), any(), any())).thenReturn(conflict);

            AccountException e = assertThrows(AccountException.class, () -> adapter.putNode("juliet", bookmarksNode(payload(SUBMITTED_CONFIG))));

            assertTrue(e.getMessage().contains("urn:xmpp:bookmarks:1"), e.getMessage());
            assertTrue(e.getMessage().contains("conflict"), e.getMessage());
        }
    }

    @Test
    void configuresAnExistingNodeWithASubmitForm() throws Exception {
        LeafNode existing = leaf("urn:xmpp:bookmarks:1", "presence");
        when(pep.getPEPService(JULIET, true)).thenReturn(service);
        when(service.getNode("urn:xmpp:bookmarks:1")).thenReturn(existing);
        try (MockedStatic<PubSubEngine> engine = mockStatic(PubSubEngine.class)) {

            adapter.putNode("juliet", bookmarksNode(payload(SUBMITTED_CONFIG.replace("type='submit'", "type='result'"))));

            engine.verifyNoInteractions();
        }
        ArgumentCaptor<DataForm> form = ArgumentCaptor.forClass(DataForm.class);
        verify(existing).configure(form.capture());
        assertEquals(DataForm.Type.submit, form.getValue().getType());
        assertEquals(payload(CONFIG_FOR_OPENFIRE), XmlPayload.of(form.getValue().getElement()));
    }

    @Test
    void anExistingNodeIsNotReconfiguredWithoutConfiguration() throws Exception {
        LeafNode existing = leaf("urn:xmpp:bookmarks:1", "whitelist");
        when(pep.getPEPService(JULIET, true)).thenReturn(service);
        when(service.getNode("urn:xmpp:bookmarks:1")).thenReturn(existing);

        adapter.putNode("juliet", bookmarksNode(null));

        verify(existing, never()).configure(any());
    }

    @Test
    void aConfigurationOpenfireRefusesBecomesAnAccountException() throws Exception {
        LeafNode existing = leaf("urn:xmpp:bookmarks:1", "whitelist");
        when(pep.getPEPService(JULIET, true)).thenReturn(service);
        when(service.getNode("urn:xmpp:bookmarks:1")).thenReturn(existing);
        doThrow(notAcceptable("This would remove all current owners.")).when(existing).configure(any());

        AccountException e = assertThrows(AccountException.class, () -> adapter.putNode("juliet", bookmarksNode(payload(SUBMITTED_CONFIG))));

        assertTrue(e.getMessage().contains("urn:xmpp:bookmarks:1"), e.getMessage());
        assertTrue(e.getMessage().contains("This would remove all current owners."), e.getMessage());
    }

    @Test
    void mapsAffiliationsToOpenfiresCallsAndSkipsTheAccountItself() throws Exception {
        LeafNode existing = leaf("urn:xmpp:bookmarks:1", "whitelist");
        when(pep.getPEPService(JULIET, true)).thenReturn(service);
        when(service.getNode("urn:xmpp:bookmarks:1")).thenReturn(existing);
        JID nurse = new JID("nurse@capulet.example");
        JID romeo = new JID("romeo@montague.example");
        JID tybalt = new JID("tybalt@capulet.example");
        JID benvolio = new JID("benvolio@montague.example");
        JID mercutio = new JID("mercutio@verona.example");

        adapter.putNode("juliet", bookmarksNode(null,
                new Affiliation(JULIET, "owner"),
                new Affiliation(new JID("juliet@capulet.example/balcony"), "publisher"),
                new Affiliation(nurse, "owner"),
                new Affiliation(romeo, "publisher"),
                new Affiliation(tybalt, "outcast"),
                new Affiliation(benvolio, "none"),
                new Affiliation(mercutio, "member"),
                new Affiliation(new JID("paris@verona.example"), "publish-only")));

        verify(existing).addOwner(nurse);
        verify(existing).addPublisher(romeo);
        verify(existing).addOutcast(tybalt);
        verify(existing).addNoneAffiliation(benvolio);
        verify(existing).addNoneAffiliation(mercutio); // Openfire's whitelist admits any affiliate that is no outcast
        verify(existing).addOwner(any());
        verify(existing).addPublisher(any()); // publish-only is not widened to publisher
        verify(existing).addOutcast(any());
        verify(existing, org.mockito.Mockito.times(2)).addNoneAffiliation(any());
    }

    @Test
    void withoutAPepServiceANodeCannotBePut() {
        AccountException e = assertThrows(AccountException.class, () -> adapter.putNode("juliet", bookmarksNode(null)));

        assertTrue(e.getMessage().contains("juliet@capulet.example"), e.getMessage());
        verify(pep).getPEPService(JULIET, true);
    }

    /**
     * Openfire's node_config form carries pubsub#owner and pubsub#publisher, and Node.configure makes exactly those JIDs
     * the owners and publishers, removing the others. A file's form may name another address (an export from before a
     * host rename), so they are left to the affiliations; pubsub#collection names the old server's parent node.
     */
    @Test
    void leavesOwnersPublishersAndTheParentCollectionOutOfTheConfigurationGivenToOpenfire() throws Exception {
        LeafNode existing = leaf("urn:xmpp:bookmarks:1", "whitelist");
        when(pep.getPEPService(JULIET, true)).thenReturn(service);
        when(service.getNode("urn:xmpp:bookmarks:1")).thenReturn(existing);
        XmlPayload fromBeforeTheRename = payload("""
                <x xmlns='jabber:x:data' type='submit'>
                  <field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#node_config</value></field>
                  <field var='pubsub#collection'><value/></field>
                  <field var='pubsub#access_model'><value>whitelist</value></field>
                  <field var='pubsub#owner'><value>juliet@old.example</value></field>
                  <field var='pubsub#publisher'><value>nurse@old.example</value></field>
                </x>""");

        adapter.putNode("juliet", bookmarksNode(fromBeforeTheRename, new Affiliation(JULIET, "owner")));

        ArgumentCaptor<DataForm> form = ArgumentCaptor.forClass(DataForm.class);
        verify(existing).configure(form.capture());
        assertEquals(payload("""
                <x xmlns='jabber:x:data' type='submit'>
                  <field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#node_config</value></field>
                  <field var='pubsub#access_model'><value>whitelist</value></field>
                </x>"""), XmlPayload.of(form.getValue().getElement()));
        verify(existing, never()).addOwner(any());
    }

    // --- publish

    @Test
    void publishesTheItemWithItsIdAndPayload() throws Exception {
        LeafNode metadata = leaf("urn:xmpp:avatar:metadata", "presence");
        when(pep.getPEPService(JULIET, false)).thenReturn(service);
        when(service.getNode("urn:xmpp:avatar:metadata")).thenReturn(metadata);
        XmlPayload avatar = payload(AVATAR_METADATA);

        adapter.publish("juliet", "urn:xmpp:avatar:metadata", new PepItem(AVATAR_ID, avatar));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Element>> items = ArgumentCaptor.forClass(List.class);
        verify(metadata).publishItems(eq(JULIET), items.capture());
        assertEquals(List.of(payload("<item xmlns='http://jabber.org/protocol/pubsub' id='" + AVATAR_ID + "'>" + AVATAR_METADATA + "</item>")),
                items.getValue().stream().map(XmlPayload::of).toList());
        assertNull(avatar.element().getParent(), "the model's payload is copied into the item, not moved");
        verify(pep, never()).getPEPService(any(JID.class), eq(true));
    }

    @Test
    void publishesABookmarkUnderTheRoomJid() throws Exception {
        LeafNode bookmarks = leaf("urn:xmpp:bookmarks:1", "whitelist");
        when(pep.getPEPService(JULIET, false)).thenReturn(service);
        when(service.getNode("urn:xmpp:bookmarks:1")).thenReturn(bookmarks);

        adapter.publish("juliet", "urn:xmpp:bookmarks:1", new PepItem("balcony@chat.capulet.example", payload(BALCONY)));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Element>> items = ArgumentCaptor.forClass(List.class);
        verify(bookmarks).publishItems(eq(JULIET), items.capture());
        assertEquals(List.of(payload("<item xmlns='http://jabber.org/protocol/pubsub' id='balcony@chat.capulet.example'>" + BALCONY + "</item>")),
                items.getValue().stream().map(XmlPayload::of).toList());
    }

    @Test
    void publishesAnItemWithoutPayloadAsAnEmptyItem() throws Exception {
        LeafNode displayed = leaf("urn:xmpp:mds:displayed:0", "whitelist");
        when(pep.getPEPService(JULIET, false)).thenReturn(service);
        when(service.getNode("urn:xmpp:mds:displayed:0")).thenReturn(displayed);

        adapter.publish("juliet", "urn:xmpp:mds:displayed:0", new PepItem("balcony@chat.capulet.example", null));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Element>> items = ArgumentCaptor.forClass(List.class);
        verify(displayed).publishItems(eq(JULIET), items.capture());
        assertEquals(List.of(payload("<item xmlns='http://jabber.org/protocol/pubsub' id='balcony@chat.capulet.example'/>")),
                items.getValue().stream().map(XmlPayload::of).toList());
    }

    @Test
    void publishingOnAMissingNodeIsAnAccountException() {
        when(pep.getPEPService(JULIET, false)).thenReturn(service);

        AccountException e = assertThrows(AccountException.class,
                () -> adapter.publish("juliet", "urn:xmpp:avatar:metadata", new PepItem(AVATAR_ID, payload(AVATAR_METADATA))));

        assertTrue(e.getMessage().contains("urn:xmpp:avatar:metadata"), e.getMessage());
        assertTrue(e.getMessage().contains(AVATAR_ID), e.getMessage());
    }

    @Test
    void publishingWithoutAPepServiceIsAnAccountExceptionAndCreatesNone() {
        assertThrows(AccountException.class,
                () -> adapter.publish("juliet", "urn:xmpp:avatar:metadata", new PepItem(AVATAR_ID, payload(AVATAR_METADATA))));

        verify(pep).getPEPService(JULIET, false);
        verifyNoMoreInteractions(pep);
    }

    @Test
    void publishingOnACollectionNodeIsAnAccountException() {
        Node collection = mock(Node.class);
        when(collection.isCollectionNode()).thenReturn(true);
        when(collection.getNodeID()).thenReturn("urn:xmpp:avatar:metadata");
        when(pep.getPEPService(JULIET, false)).thenReturn(service);
        when(service.getNode("urn:xmpp:avatar:metadata")).thenReturn(collection);

        assertThrows(AccountException.class,
                () -> adapter.publish("juliet", "urn:xmpp:avatar:metadata", new PepItem(AVATAR_ID, payload(AVATAR_METADATA))));
    }

    // --- deleteNode

    @Test
    void deletesTheNode() throws Exception {
        LeafNode bookmarks = leaf("urn:xmpp:bookmarks:1", "whitelist");
        when(pep.getPEPService(JULIET, false)).thenReturn(service);
        when(service.getNode("urn:xmpp:bookmarks:1")).thenReturn(bookmarks);

        adapter.deleteNode("juliet", "urn:xmpp:bookmarks:1");

        verify(bookmarks).delete();
    }

    @Test
    void deletingAMissingNodeDoesNothing() throws Exception {
        LeafNode other = leaf("urn:xmpp:avatar:metadata", "presence");
        when(pep.getPEPService(JULIET, false)).thenReturn(service);
        when(service.getNode("urn:xmpp:avatar:metadata")).thenReturn(other);

        adapter.deleteNode("juliet", "urn:xmpp:bookmarks:1");

        verify(service).getNode("urn:xmpp:bookmarks:1");
        verify(other, never()).delete();
    }

    @Test
    void deletingWithoutAPepServiceDoesNothingAndCreatesNone() throws Exception {
        adapter.deleteNode("juliet", "urn:xmpp:bookmarks:1");

        verify(pep).getPEPService(JULIET, false);
        verifyNoMoreInteractions(pep);
    }
}
