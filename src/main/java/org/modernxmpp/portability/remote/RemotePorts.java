package org.modernxmpp.portability.remote;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.AccountPort;
import org.modernxmpp.portability.account.AccountPorts;
import org.modernxmpp.portability.account.ArchivePort;
import org.modernxmpp.portability.account.Credentials;
import org.modernxmpp.portability.account.OfflineMessagePort;
import org.modernxmpp.portability.account.PepPort;
import org.modernxmpp.portability.account.PrivacyPort;
import org.modernxmpp.portability.account.PrivateXmlPort;
import org.modernxmpp.portability.account.RosterPort;
import org.modernxmpp.portability.account.VCardPort;
import org.modernxmpp.portability.pie.model.AccountDetails;
import org.modernxmpp.portability.pie.model.ArchivedMessage;
import org.modernxmpp.portability.pie.model.OfflineMessage;
import org.modernxmpp.portability.pie.model.PepItem;
import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.PrivacyLists;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.SubscriptionRequest;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.JID;

/**
 * The transfer engine's ports for the one account of a remote session, so an import into another server runs the
 * same plans, policies and dry run as one into Openfire. Reads answer from what was read of the account before the
 * import (the engine plans everything before it writes); writes go out as the account's client. What no client can
 * write (account details, offline messages, waiting requests, the archive) is refused with the reason.
 */
final class RemotePorts {
    static final String CLIENT_CANNOT = "no client can store it on its own server";

    private RemotePorts() {
    }

    static AccountPorts of(RemoteSession session, UserData current, RemoteWrites writes) {
        String username = session.account().getNode();
        String domain = session.account().getDomain();
        Own own = new Own(username, session.account().toBareJID());
        AccountPort accounts = new AccountPort() {
            @Override
            public String domain() {
                return domain;
            }

            @Override
            public Iterator<String> usernames() {
                return List.of(username).iterator();
            }

            @Override
            public int count() {
                return 1;
            }

            @Override
            public boolean exists(String name) {
                return username.equals(name);
            }

            @Override
            public Optional<AccountDetails> details(String name) {
                return Optional.empty();
            }

            @Override
            public Credentials credentials(String name) {
                return Credentials.NONE;
            }

            @Override
            public void create(String name, AccountDetails details, Credentials credentials) throws AccountException {
                throw new AccountException("accounts on " + domain + " are made by signing up there; " + CLIENT_CANNOT);
            }

            @Override
            public void updateDetails(String name, AccountDetails details) throws AccountException {
                throw new AccountException("the account's name, email and properties on " + domain + " are its server's; " + CLIENT_CANNOT);
            }
        };
        RosterPort rosters = new RosterPort() {
            @Override
            public List<RosterItem> items(String name) {
                own.check(name);
                return current.roster();
            }

            @Override
            public void put(String name, RosterItem item) throws AccountException {
                own.check(name);
                writes.putRosterItem(item);
            }

            @Override
            public void remove(String name, JID contact) throws AccountException {
                own.check(name);
                writes.removeRosterItem(contact);
            }

            @Override
            public List<SubscriptionRequest> pendingSubscriptions(String name) {
                return List.of();
            }

            @Override
            public void addPendingSubscription(String name, SubscriptionRequest request) throws AccountException {
                throw new AccountException("a waiting subscription request: " + CLIENT_CANNOT);
            }

            @Override
            public String whyNoPendingSubscriptions() {
                return CLIENT_CANNOT + "; the contact asks again";
            }
        };
        VCardPort vCards = new VCardPort() {
            @Override
            public Optional<XmlPayload> read(String name) {
                own.check(name);
                return Optional.ofNullable(current.vCard());
            }

            @Override
            public void write(String name, XmlPayload vCard) throws AccountException {
                own.check(name);
                writes.putVCard(vCard);
            }

            @Override
            public void delete(String name) throws AccountException {
                own.check(name);
                writes.clearVCard();
            }
        };
        PrivateXmlPort privateXml = new PrivateXmlPort() {
            @Override
            public List<XmlPayload> read(String name) {
                own.check(name);
                return current.privateXml();
            }

            @Override
            public void write(String name, XmlPayload fragment) throws AccountException {
                own.check(name);
                writes.putPrivateXml(fragment);
            }
        };
        OfflineMessagePort offline = new OfflineMessagePort() {
            @Override
            public List<OfflineMessage> read(String name) {
                return List.of();
            }

            @Override
            public void add(String name, OfflineMessage message) throws AccountException {
                throw new AccountException("an offline message: " + CLIENT_CANNOT);
            }
        };
        PepPort pep = new PepPort() {
            @Override
            public List<PepNode> read(String name) {
                own.check(name);
                return current.pepNodes();
            }

            @Override
            public void putNode(String name, PepNode node) throws AccountException {
                own.check(name);
                writes.putNode(node);
            }

            @Override
            public void publish(String name, String node, PepItem item) throws AccountException {
                own.check(name);
                writes.publish(node, item);
            }

            @Override
            public void deleteNode(String name, String node) throws AccountException {
                own.check(name);
                writes.deleteNode(node);
            }
        };
        PrivacyPort privacy = new PrivacyPort() {
            @Override
            public Optional<PrivacyLists> privacyLists(String name) {
                own.check(name);
                return Optional.ofNullable(current.privacy());
            }

            @Override
            public void putPrivacyLists(String name, PrivacyLists lists) throws AccountException {
                own.check(name);
                writes.putPrivacyLists(lists);
            }

            @Override
            public List<JID> blocklist(String name) {
                own.check(name);
                return current.blocklist();
            }

            @Override
            public void block(String name, JID jid) throws AccountException {
                own.check(name);
                writes.block(jid);
            }
        };
        ArchivePort archive = new ArchivePort() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public List<ArchivedMessage> read(String name) {
                return List.of();
            }
        };
        return new AccountPorts(accounts, rosters, vCards, privateXml, offline, pep, privacy, archive);
    }

    /** The session's account is the only one these ports reach. */
    private record Own(String username, String jid) {
        void check(String name) {
            if (!username.equals(name)) {
                throw new IllegalArgumentException("this session reaches " + jid + " only, not " + name);
            }
        }
    }
}
