package org.modernxmpp.portability.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.jivesoftware.openfire.privacy.PrivacyList;
import org.jivesoftware.openfire.privacy.PrivacyListManager;
import org.jivesoftware.openfire.privacy.PrivacyListProvider;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.pie.model.PrivacyLists;
import org.modernxmpp.portability.pie.model.PrivacyLists.PrivacyRule;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.JID;

/**
 * Privacy lists and blocklist through PrivacyListManager and PrivacyListProvider: lists read from asElement(), created
 * or updated with the exact list element, the default changed only when it differs, and blocking done as Openfire's
 * IQBlockingHandler does it (deny rules at the top of the default list, a default list "blocklist" when there is none).
 */
class OpenfirePrivacyTest {
    private static final String WORK = """
            <list xmlns='jabber:iq:privacy' name='work'>
              <item type='jid' value='tybalt@capulet.example' action='deny' order='2'><message/></item>
              <item action='allow' order='3'/>
              <item type='group' value='Familie &amp; Freunde' action='allow' order='1'><presence-in/><iq/></item>
            </list>""";
    private static final String PUBLIC = """
            <list xmlns='jabber:iq:privacy' name='public'>
              <item type='subscription' value='none' action='deny' order='5'><presence-out/></item>
              <item action='allow' order='10'/>
            </list>""";

    private final PrivacyListManager manager = mock(PrivacyListManager.class);
    private final PrivacyListProvider provider = mock(PrivacyListProvider.class);
    private final OpenfirePrivacy privacy = new OpenfirePrivacy(manager, provider);

    private static Element xml(String text) {
        try {
            return DocumentHelper.parseText(text).getRootElement();
        } catch (DocumentException e) {
            throw new AssertionError(e);
        }
    }

    /** A list as Openfire hands it out: every asElement() call builds a fresh element, as PrivacyList does. */
    private static PrivacyList list(String name, String element) {
        PrivacyList list = mock(PrivacyList.class);
        when(list.getName()).thenReturn(name);
        when(list.asElement()).thenAnswer(invocation -> xml(element));
        return list;
    }

    private static PrivacyRule rule(String type, String value, boolean allow, long order, String... stanzas) {
        return new PrivacyRule(type, value, allow, order, List.of(stanzas));
    }

    private static void assertSameXml(String expected, Element actual) {
        assertEquals(XmlPayload.of(xml(expected)), XmlPayload.of(actual));
    }

    @Test
    void readsEachListWithItsRulesInOrderAndTheDefault() throws Exception {
        Map<String, Boolean> names = new LinkedHashMap<>();
        names.put("work", false);
        names.put("public", true);
        when(provider.getPrivacyLists("juliet")).thenReturn(names);
        PrivacyList work = list("work", WORK);
        PrivacyList publicList = list("public", PUBLIC);
        when(manager.getPrivacyList("juliet", "work")).thenReturn(work);
        when(manager.getPrivacyList("juliet", "public")).thenReturn(publicList);

        Optional<PrivacyLists> read = privacy.privacyLists("juliet");

        assertEquals(Optional.of(new PrivacyLists("public", null, List.of(
                new PrivacyLists.PrivacyList("public", List.of(
                        rule("subscription", "none", false, 5, "presence-out"),
                        rule(null, null, true, 10))),
                new PrivacyLists.PrivacyList("work", List.of(
                        rule("group", "Familie & Freunde", true, 1, "presence-in", "iq"),
                        rule("jid", "tybalt@capulet.example", false, 2, "message"),
                        rule(null, null, true, 3)))))), read);
    }

    @Test
    void anAccountWithoutListsHasNoPrivacyLists() throws Exception {
        when(provider.getPrivacyLists("juliet")).thenReturn(Map.of());

        assertEquals(Optional.empty(), privacy.privacyLists("juliet"));
        verifyNoInteractions(manager);
    }

    @Test
    void createsAMissingListWithItsExactElement() throws Exception {
        PrivacyLists lists = new PrivacyLists(null, null, List.of(new PrivacyLists.PrivacyList("work", List.of(
                rule("jid", "tybalt@capulet.example", false, 1, "message", "presence-in"),
                rule("group", "Familie & Freunde", true, 2),
                rule(null, null, true, 3)))));

        privacy.putPrivacyLists("juliet", lists);

        ArgumentCaptor<Element> created = ArgumentCaptor.forClass(Element.class);
        verify(manager).createPrivacyList(eq("juliet"), eq("work"), created.capture());
        assertSameXml("""
                <list xmlns='jabber:iq:privacy' name='work'>
                  <item type='jid' value='tybalt@capulet.example' action='deny' order='1'><message/><presence-in/></item>
                  <item type='group' value='Familie &amp; Freunde' action='allow' order='2'/>
                  <item action='allow' order='3'/>
                </list>""", created.getValue());
        verify(provider, never()).updatePrivacyList(anyString(), any());
        verify(manager, never()).changeDefaultList(anyString(), any(), any());
    }

    @Test
    void updatesAnExistingListThenStoresItThroughTheProvider() throws Exception {
        PrivacyList existing = list("work", WORK);
        when(manager.getPrivacyList("juliet", "work")).thenReturn(existing);

        privacy.putPrivacyLists("juliet", new PrivacyLists(null, null, List.of(new PrivacyLists.PrivacyList("work", List.of(
                rule("jid", "paris@verona.example", false, 1, "message"))))));

        ArgumentCaptor<Element> updated = ArgumentCaptor.forClass(Element.class);
        InOrder order = inOrder(existing, provider);
        order.verify(existing).updateList(updated.capture());
        order.verify(provider).updatePrivacyList("juliet", existing);
        assertSameXml("""
                <list xmlns='jabber:iq:privacy' name='work'>
                  <item type='jid' value='paris@verona.example' action='deny' order='1'><message/></item>
                </list>""", updated.getValue());
        verify(manager, never()).createPrivacyList(anyString(), anyString(), any());
    }

    @Test
    void changesTheDefaultListWhenItDiffers() throws Exception {
        PrivacyList work = list("work", WORK);
        PrivacyList current = list("public", PUBLIC);
        when(manager.getPrivacyList("juliet", "work")).thenReturn(work);
        when(manager.getDefaultPrivacyList("juliet")).thenReturn(current);

        privacy.putPrivacyLists("juliet", new PrivacyLists("work", "work", List.of(
                new PrivacyLists.PrivacyList("work", List.of(rule(null, null, true, 1))))));

        verify(manager).changeDefaultList("juliet", work, current);
    }

    @Test
    void makesANewlyCreatedListTheDefaultWhenThereIsNone() throws Exception {
        PrivacyList created = list("work", WORK);
        when(manager.getPrivacyList("juliet", "work")).thenReturn(null, created);
        when(manager.createPrivacyList(eq("juliet"), eq("work"), any())).thenReturn(created);

        privacy.putPrivacyLists("juliet", new PrivacyLists("work", null, List.of(
                new PrivacyLists.PrivacyList("work", List.of(rule(null, null, true, 1))))));

        verify(manager).changeDefaultList("juliet", created, null);
    }

    @Test
    void keepsTheDefaultListWhenItIsAlreadyTheDefault() throws Exception {
        PrivacyList work = list("work", WORK);
        PrivacyList sameByName = list("work", WORK);
        when(manager.getPrivacyList("juliet", "work")).thenReturn(work);
        when(manager.getDefaultPrivacyList("juliet")).thenReturn(sameByName);

        privacy.putPrivacyLists("juliet", new PrivacyLists("work", null, List.of(
                new PrivacyLists.PrivacyList("work", List.of(rule(null, null, true, 1))))));

        verify(manager, never()).changeDefaultList(anyString(), any(), any());
    }

    @Test
    void aDefaultListThatIsNotThereIsAnAccountException() {
        PrivacyList work = list("work", WORK);
        when(manager.getPrivacyList("juliet", "work")).thenReturn(work);

        AccountException e = assertThrows(AccountException.class, () -> privacy.putPrivacyLists("juliet", new PrivacyLists("Öffentlich", null,
                List.of(new PrivacyLists.PrivacyList("work", List.of(rule(null, null, true, 1)))))));

        assertTrue(e.getMessage().contains("'Öffentlich'"), e.getMessage());
        verify(manager, never()).changeDefaultList(anyString(), any(), any());
    }

    @Test
    void theBlocklistIsTheDefaultListsBlockedJidsSorted() throws Exception {
        PrivacyList current = list("public", PUBLIC);
        Set<JID> blocked = new LinkedHashSet<>(List.of(new JID("tybalt@capulet.example"), new JID("paris@verona.example"),
                new JID("montague.example"), new JID("benvolio@montague.example/street")));
        when(current.getBlockedJIDs()).thenReturn(blocked);
        when(manager.getDefaultPrivacyList("juliet")).thenReturn(current);

        assertEquals(List.of(new JID("benvolio@montague.example/street"), new JID("montague.example"),
                new JID("paris@verona.example"), new JID("tybalt@capulet.example")), privacy.blocklist("juliet"));
    }

    @Test
    void withoutADefaultListNothingIsBlocked() throws Exception {
        assertEquals(List.of(), privacy.blocklist("juliet"));
        verify(manager).getDefaultPrivacyList("juliet");
    }

    @Test
    void blockingWithoutADefaultListCreatesListBlocklistAndMakesItTheDefault() throws Exception {
        PrivacyList created = list("blocklist", "<list xmlns='jabber:iq:privacy' name='blocklist'/>");
        when(manager.createPrivacyList(eq("juliet"), eq("blocklist"), any())).thenReturn(created);

        privacy.block("juliet", new JID("tybalt@capulet.example"));

        ArgumentCaptor<Element> empty = ArgumentCaptor.forClass(Element.class);
        ArgumentCaptor<Element> updated = ArgumentCaptor.forClass(Element.class);
        InOrder order = inOrder(manager, created, provider);
        order.verify(manager).createPrivacyList(eq("juliet"), eq("blocklist"), empty.capture());
        order.verify(manager).changeDefaultList("juliet", created, null);
        order.verify(created).updateList(updated.capture());
        order.verify(provider).updatePrivacyList("juliet", created);
        assertSameXml("<list xmlns='jabber:iq:privacy' name='blocklist'/>", empty.getValue());
        assertSameXml("""
                <list xmlns='jabber:iq:privacy' name='blocklist'>
                  <item type='jid' value='tybalt@capulet.example' action='deny' order='0'/>
                </list>""", updated.getValue());
    }

    @Test
    void blockingAJidTheDefaultListAlreadyBlocksChangesNothing() throws Exception {
        PrivacyList current = list("public", """
                <list xmlns='jabber:iq:privacy' name='public'>
                  <item type='jid' value='tybalt@capulet.example' action='deny' order='0'/>
                </list>""");
        when(current.getBlockedJIDs()).thenReturn(Set.of(new JID("tybalt@capulet.example")));
        when(manager.getDefaultPrivacyList("juliet")).thenReturn(current);

        privacy.block("juliet", new JID("tybalt@capulet.example"));

        verify(current, never()).updateList(any());
        verifyNoInteractions(provider);
        verify(manager, never()).createPrivacyList(anyString(), anyString(), any());
    }

    @Test
    void blockingPutsADenyRuleAtTheTopOfTheDefaultListAndRenumbers() throws Exception {
        PrivacyList current = list("public", """
                <list xmlns='jabber:iq:privacy' name='public'>
                  <item type='group' value='Familie' action='allow' order='5'/>
                  <item type='jid' value='paris@verona.example' action='deny' order='10'><message/></item>
                  <item action='allow' order='20'/>
                </list>""");
        when(manager.getDefaultPrivacyList("juliet")).thenReturn(current);

        privacy.block("juliet", new JID("tybalt@capulet.example"));

        ArgumentCaptor<Element> updated = ArgumentCaptor.forClass(Element.class);
        InOrder order = inOrder(current, provider);
        order.verify(current).updateList(updated.capture());
        order.verify(provider).updatePrivacyList("juliet", current);
        assertSameXml("""
                <list xmlns='jabber:iq:privacy' name='public'>
                  <item type='jid' value='tybalt@capulet.example' action='deny' order='0'/>
                  <item type='group' value='Familie' action='allow' order='1'/>
                  <item type='jid' value='paris@verona.example' action='deny' order='2'><message/></item>
                  <item action='allow' order='3'/>
                </list>""", updated.getValue());
        verify(manager, never()).createPrivacyList(anyString(), anyString(), any());
        verify(manager, never()).changeDefaultList(anyString(), any(), any());
    }
}
