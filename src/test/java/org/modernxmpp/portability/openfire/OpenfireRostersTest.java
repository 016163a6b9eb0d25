package org.modernxmpp.portability.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.dom4j.QName;
import org.jivesoftware.openfire.SharedGroupException;
import org.jivesoftware.openfire.roster.Roster;
import org.jivesoftware.openfire.roster.RosterItem.AskType;
import org.jivesoftware.openfire.roster.RosterItem.RecvType;
import org.jivesoftware.openfire.roster.RosterItem.SubType;
import org.jivesoftware.openfire.roster.RosterManager;
import org.jivesoftware.openfire.user.UserNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.SubscriptionRequest;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/** The roster adapter's calls on Roster and RosterItem: what counts as an item, a request, and how each is written. */
class OpenfireRostersTest {
    private final RosterManager manager = mock(RosterManager.class);
    private final Roster roster = mock(Roster.class);
    private final OpenfireRosters rosters = new OpenfireRosters(manager);

    private static final JID ROMEO = new JID("romeo@montague.example");
    private static final JID NURSE = new JID("nurse@capulet.example");

    @BeforeEach
    void juliet() throws Exception {
        when(manager.getRoster("juliet")).thenReturn(roster);
    }

    private static org.jivesoftware.openfire.roster.RosterItem item(JID jid, String nick, SubType sub, AskType ask, RecvType recv,
                                                                    List<String> groups) {
        var item = mock(org.jivesoftware.openfire.roster.RosterItem.class);
        when(item.getJid()).thenReturn(jid);
        when(item.getNickname()).thenReturn(nick);
        when(item.getSubStatus()).thenReturn(sub);
        when(item.getAskStatus()).thenReturn(ask);
        when(item.getRecvStatus()).thenReturn(recv);
        when(item.getGroups()).thenReturn(groups);
        when(item.getID()).thenReturn(7L);
        return item;
    }

    @Test
    void itemsAreTheUsersOwnWithEveryGroupAndState() throws Exception {
        var romeo = item(ROMEO, "Roméo", SubType.BOTH, AskType.NONE, RecvType.NONE, List.of("Lovers", "Montagues"));
        var nurse = item(NURSE, "", SubType.NONE, AskType.SUBSCRIBE, RecvType.NONE, List.of());
        var shared = item(new JID("tybalt@capulet.example"), "Tybalt", SubType.BOTH, AskType.NONE, RecvType.NONE, List.of("Staff"));
        when(shared.isOnlyShared()).thenReturn(true);
        var request = item(new JID("paris@verona.example"), null, SubType.NONE, AskType.NONE, RecvType.SUBSCRIBE, List.of());
        when(roster.getRosterItems()).thenReturn(List.of(romeo, nurse, shared, request));

        List<RosterItem> items = rosters.items("juliet");

        assertEquals(List.of(
                new RosterItem(ROMEO, "Roméo", RosterItem.Subscription.BOTH, null, false, List.of("Lovers", "Montagues"), List.of()),
                new RosterItem(NURSE, null, RosterItem.Subscription.NONE, RosterItem.Ask.SUBSCRIBE, false, List.of(), List.of())), items,
                "shared-group items belong to the group; a bare pending request is no item");
    }

    @Test
    void pendingRequestsKeepTheStoredStanza() throws Exception {
        Presence stored = new Presence(Presence.Type.subscribe);
        stored.setFrom(new JID("paris@verona.example/phone"));
        stored.getElement().addElement(QName.get("nick", "http://jabber.org/protocol/nick")).setText("Count Paris");
        var paris = item(new JID("paris@verona.example"), null, SubType.NONE, AskType.NONE, RecvType.SUBSCRIBE, List.of());
        when(paris.getStoredSubscribeStanza()).thenReturn(stored);
        var romeo = item(ROMEO, null, SubType.TO, AskType.NONE, RecvType.SUBSCRIBE, List.of());
        when(roster.getRosterItems()).thenReturn(List.of(paris, romeo));

        List<SubscriptionRequest> pending = rosters.pendingSubscriptions("juliet");

        assertEquals(2, pending.size());
        assertEquals(new JID("paris@verona.example"), pending.get(0).from());
        var presence = pending.get(0).presence().element();
        assertEquals(Namespaces.CLIENT, presence.getNamespaceURI());
        assertEquals("paris@verona.example", presence.attributeValue("from"));
        assertEquals("Count Paris", presence.element(QName.get("nick", "http://jabber.org/protocol/nick")).getText());
        assertEquals("subscribe", pending.get(1).presence().element().attributeValue("type"), "no stored stanza: a plain request");
        assertEquals(1, rosters.items("juliet").size(), "romeo (to + pending in) is both an item and a request");
    }

    @Test
    void aNewContactIsCreatedWithoutPushThenGivenItsState() throws Exception {
        when(roster.getRosterItem(ROMEO)).thenThrow(UserNotFoundException.class);
        var created = item(ROMEO, "Roméo", SubType.NONE, AskType.NONE, RecvType.NONE, List.of("Lovers"));
        when(roster.createRosterItem(ROMEO, "Roméo", List.of("Lovers"), false, true)).thenReturn(created);

        rosters.put("juliet", new RosterItem(ROMEO, "Roméo", RosterItem.Subscription.BOTH, RosterItem.Ask.SUBSCRIBE, false,
                List.of("Lovers"), List.of()));

        verify(roster).createRosterItem(ROMEO, "Roméo", List.of("Lovers"), false, true);
        verify(created).setSubStatus(SubType.BOTH);
        verify(created).setAskStatus(AskType.SUBSCRIBE);
        verify(roster).updateRosterItem(created);
    }

    @Test
    void anExistingContactIsUpdatedInPlaceNeverRemovedAndAddedBack() throws Exception {
        var existing = item(ROMEO, "R", SubType.TO, AskType.NONE, RecvType.NONE, List.of("Old"));
        when(roster.getRosterItem(ROMEO)).thenReturn(existing);

        rosters.put("juliet", new RosterItem(ROMEO, "Roméo", RosterItem.Subscription.BOTH, List.of("Lovers", "Old")));

        verify(existing).setNickname("Roméo");
        verify(existing).setGroups(List.of("Lovers", "Old"));
        verify(existing).setSubStatus(SubType.BOTH);
        verify(existing).setAskStatus(AskType.NONE);
        verify(roster).updateRosterItem(existing);
        verify(roster, never()).deleteRosterItem(any(), org.mockito.ArgumentMatchers.anyBoolean());
        verify(roster, never()).createRosterItem(any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean(),
                org.mockito.ArgumentMatchers.anyBoolean());
    }

    @Test
    void aSharedGroupConflictSaysWhichContact() throws Exception {
        var existing = item(ROMEO, "R", SubType.BOTH, AskType.NONE, RecvType.NONE, List.of("Staff"));
        when(roster.getRosterItem(ROMEO)).thenReturn(existing);
        org.mockito.Mockito.doThrow(SharedGroupException.class).when(existing).setGroups(any());

        AccountException e = assertThrows(AccountException.class,
                () -> rosters.put("juliet", new RosterItem(ROMEO, null, RosterItem.Subscription.BOTH, List.of())));
        assertTrue(e.getMessage().contains("romeo@montague.example"), e.getMessage());
    }

    @Test
    void aWaitingRequestIsStoredAsPendingInWithItsStanza() throws Exception {
        when(roster.getRosterItem(new JID("paris@verona.example"))).thenThrow(UserNotFoundException.class);
        var created = item(new JID("paris@verona.example"), null, SubType.NONE, AskType.NONE, RecvType.NONE, List.of());
        when(roster.createRosterItem(new JID("paris@verona.example"), null, null, false, true)).thenReturn(created);
        var presence = org.dom4j.DocumentHelper.createElement(QName.get("presence", Namespaces.CLIENT));
        presence.addAttribute("from", "paris@verona.example").addAttribute("type", "subscribe");
        presence.addElement(QName.get("status", Namespaces.CLIENT)).setText("Remember me?");

        rosters.addPendingSubscription("juliet", new SubscriptionRequest(new JID("paris@verona.example"), XmlPayload.of(presence)));

        verify(created).setRecvStatus(RecvType.SUBSCRIBE);
        ArgumentCaptor<Presence> stanza = ArgumentCaptor.forClass(Presence.class);
        verify(created).setStoredSubscribeStanza(stanza.capture());
        assertEquals("", stanza.getValue().getElement().getNamespaceURI(), "Openfire keeps stanzas without jabber:client");
        assertEquals("Remember me?", stanza.getValue().getStatus());
        verify(roster).updateRosterItem(created);
    }

    @Test
    void removalChecksSharedGroups() throws Exception {
        rosters.remove("juliet", new JID("romeo@montague.example/balcony"));
        verify(roster).deleteRosterItem(ROMEO, true);
    }

    @Test
    void anUnknownUserIsAnAccountError() throws Exception {
        when(manager.getRoster("ghost")).thenThrow(UserNotFoundException.class);
        assertThrows(AccountException.class, () -> rosters.items("ghost"));
    }
}
