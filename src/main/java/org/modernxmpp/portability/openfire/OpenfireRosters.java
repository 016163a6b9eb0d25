package org.modernxmpp.portability.openfire;

import java.util.ArrayList;
import java.util.List;

import org.jivesoftware.openfire.SharedGroupException;
import org.jivesoftware.openfire.roster.Roster;
import org.jivesoftware.openfire.roster.RosterManager;
import org.jivesoftware.openfire.user.UserAlreadyExistsException;
import org.jivesoftware.openfire.user.UserNotFoundException;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.RosterPort;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.SubscriptionRequest;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * Rosters through Openfire's Roster objects (from RosterManager's cache), so the user's online resources get roster
 * pushes and listeners hear of each change. Items that exist only through shared groups belong to the groups, not to
 * the user, and are left out. Openfire keeps a waiting subscription request as an item with "pending in": one in
 * state none is only a request (Openfire never shows it in the roster), any other is both an item and a request.
 */
final class OpenfireRosters implements RosterPort {
    private final RosterManager rosters;

    OpenfireRosters(RosterManager rosters) {
        this.rosters = rosters;
    }

    private Roster roster(String username) throws AccountException {
        try {
            return rosters.getRoster(username);
        } catch (UserNotFoundException e) {
            throw new AccountException("there is no account " + username);
        }
    }

    private static boolean onlyARequest(org.jivesoftware.openfire.roster.RosterItem item) {
        return item.getSubStatus() == org.jivesoftware.openfire.roster.RosterItem.SubType.NONE
                && item.getAskStatus() == org.jivesoftware.openfire.roster.RosterItem.AskType.NONE
                && item.getRecvStatus() == org.jivesoftware.openfire.roster.RosterItem.RecvType.SUBSCRIBE;
    }

    @Override
    public List<RosterItem> items(String username) throws AccountException {
        List<RosterItem> items = new ArrayList<>();
        for (org.jivesoftware.openfire.roster.RosterItem item : roster(username).getRosterItems()) {
            if (item.isOnlyShared() || onlyARequest(item)) {
                continue;
            }
            items.add(new RosterItem(item.getJid().asBareJID(), emptyToNull(item.getNickname()), subscription(item.getSubStatus()),
                    ask(item.getAskStatus()), false, item.getGroups(), List.of()));
        }
        return items;
    }

    @Override
    public void put(String username, RosterItem item) throws AccountException {
        Roster roster = roster(username);
        JID contact = item.jid().asBareJID();
        try {
            org.jivesoftware.openfire.roster.RosterItem existing = find(roster, contact);
            if (existing == null) {
                existing = roster.createRosterItem(contact, item.name(), new ArrayList<>(item.groups()), false, true);
            } else {
                existing.setNickname(item.name());
                existing.setGroups(new ArrayList<>(item.groups()));
            }
            existing.setSubStatus(subType(item.subscription()));
            existing.setAskStatus(askType(item.ask()));
            roster.updateRosterItem(existing);
        } catch (UserAlreadyExistsException | UserNotFoundException e) {
            throw new AccountException("the roster of " + username + " changed while " + contact + " was written; try again", e);
        } catch (SharedGroupException e) {
            throw new AccountException(contact + " is in a shared group of this server, which sets its groups: " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(String username, JID contact) throws AccountException {
        try {
            roster(username).deleteRosterItem(contact.asBareJID(), true);
        } catch (SharedGroupException e) {
            throw new AccountException(contact + " comes from a shared group of this server and cannot be removed", e);
        }
    }

    @Override
    public List<SubscriptionRequest> pendingSubscriptions(String username) throws AccountException {
        List<SubscriptionRequest> requests = new ArrayList<>();
        for (org.jivesoftware.openfire.roster.RosterItem item : roster(username).getRosterItems()) {
            if (item.getRecvStatus() != org.jivesoftware.openfire.roster.RosterItem.RecvType.SUBSCRIBE) {
                continue;
            }
            Presence stored = item.getStoredSubscribeStanza();
            Presence request = stored != null ? stored.createCopy() : new Presence(Presence.Type.subscribe);
            request.setFrom(item.getJid().asBareJID());
            requests.add(new SubscriptionRequest(item.getJid().asBareJID(), XmlPayload.of(ClientStanzas.toFile(request.getElement()))));
        }
        return requests;
    }

    @Override
    public void addPendingSubscription(String username, SubscriptionRequest request) throws AccountException {
        Roster roster = roster(username);
        JID contact = request.from().asBareJID();
        try {
            org.jivesoftware.openfire.roster.RosterItem item = find(roster, contact);
            if (item == null) {
                item = roster.createRosterItem(contact, null, null, false, true);
            }
            item.setRecvStatus(org.jivesoftware.openfire.roster.RosterItem.RecvType.SUBSCRIBE);
            item.setStoredSubscribeStanza(new Presence(ClientStanzas.toOpenfire(request.presence().element()), true));
            roster.updateRosterItem(item);
        } catch (UserAlreadyExistsException | UserNotFoundException e) {
            throw new AccountException("the roster of " + username + " changed while the request from " + contact + " was written", e);
        } catch (SharedGroupException e) {
            throw new AccountException(contact + " is in a shared group of this server: " + e.getMessage(), e);
        }
    }

    private static org.jivesoftware.openfire.roster.RosterItem find(Roster roster, JID contact) {
        try {
            org.jivesoftware.openfire.roster.RosterItem item = roster.getRosterItem(contact);
            return item.getID() > 0 || !item.isShared() ? item : null;
        } catch (UserNotFoundException e) {
            return null;
        }
    }

    private static RosterItem.Subscription subscription(org.jivesoftware.openfire.roster.RosterItem.SubType type) {
        return switch (type) {
            case TO -> RosterItem.Subscription.TO;
            case FROM -> RosterItem.Subscription.FROM;
            case BOTH -> RosterItem.Subscription.BOTH;
            default -> RosterItem.Subscription.NONE;
        };
    }

    private static org.jivesoftware.openfire.roster.RosterItem.SubType subType(RosterItem.Subscription subscription) {
        return switch (subscription) {
            case TO -> org.jivesoftware.openfire.roster.RosterItem.SubType.TO;
            case FROM -> org.jivesoftware.openfire.roster.RosterItem.SubType.FROM;
            case BOTH -> org.jivesoftware.openfire.roster.RosterItem.SubType.BOTH;
            case NONE -> org.jivesoftware.openfire.roster.RosterItem.SubType.NONE;
        };
    }

    private static RosterItem.Ask ask(org.jivesoftware.openfire.roster.RosterItem.AskType type) {
        return switch (type) {
            case SUBSCRIBE -> RosterItem.Ask.SUBSCRIBE;
            case UNSUBSCRIBE -> RosterItem.Ask.UNSUBSCRIBE;
            default -> null;
        };
    }

    private static org.jivesoftware.openfire.roster.RosterItem.AskType askType(RosterItem.Ask ask) {
        if (ask == null) {
            return org.jivesoftware.openfire.roster.RosterItem.AskType.NONE;
        }
        return switch (ask) {
            case SUBSCRIBE -> org.jivesoftware.openfire.roster.RosterItem.AskType.SUBSCRIBE;
            case UNSUBSCRIBE -> org.jivesoftware.openfire.roster.RosterItem.AskType.UNSUBSCRIBE;
        };
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
