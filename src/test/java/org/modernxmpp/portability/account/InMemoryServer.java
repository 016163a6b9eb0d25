package org.modernxmpp.portability.account;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

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
 * A server held in maps, implementing every port, for transfer tests. Writes can be made to fail per kind and
 * user, and every write is counted, so a test can prove a dry run wrote nothing.
 */
public final class InMemoryServer {
    private final String domain;
    private final Map<String, Account> accounts = new TreeMap<>();
    private final Set<String> failingWrites = new HashSet<>();
    private final AtomicInteger writes = new AtomicInteger();
    private boolean archiveAvailable = true;
    private int maxSaltBytes = Integer.MAX_VALUE;

    private static final class Account {
        AccountDetails details;
        Credentials credentials;
        final Map<String, RosterItem> roster = new LinkedHashMap<>();
        final List<SubscriptionRequest> pending = new ArrayList<>();
        XmlPayload vCard;
        final Map<String, XmlPayload> privateXml = new LinkedHashMap<>();
        final List<OfflineMessage> offline = new ArrayList<>();
        final Map<String, PepNode> pep = new LinkedHashMap<>();
        PrivacyLists privacy;
        final List<JID> blocked = new ArrayList<>();
        final List<ArchivedMessage> archive = new ArrayList<>();
    }

    public InMemoryServer(String domain) {
        this.domain = domain;
    }

    /** Makes every write of {@code kind} ("roster", "vcard", "pep", …) for {@code user} fail. */
    public void failWrites(String kind, String user) {
        failingWrites.add(kind + ":" + user);
    }

    /** Refuses SCRAM credentials with a longer salt, as Openfire's schema does past 24 bytes. */
    public void maxSaltBytes(int bytes) {
        maxSaltBytes = bytes;
    }

    public void archiveAvailable(boolean available) {
        archiveAvailable = available;
    }

    /** How many writes succeeded. */
    public int writes() {
        return writes.get();
    }

    /** Puts a user's data straight in, as if it had always been there. */
    public void seed(UserData data) {
        Account account = accounts.computeIfAbsent(data.name(), n -> new Account());
        account.details = data.account();
        account.credentials = new Credentials(data.password(), data.scram());
        data.roster().forEach(i -> account.roster.put(i.jid().toBareJID(), i));
        account.pending.addAll(data.pendingSubscriptions());
        account.vCard = data.vCard();
        data.privateXml().forEach(f -> account.privateXml.put("{" + f.namespace() + "}" + f.name(), f));
        account.offline.addAll(data.offlineMessages());
        data.pepNodes().forEach(n -> account.pep.put(n.node(), n));
        account.privacy = data.privacy();
        account.blocked.addAll(data.blocklist());
        account.archive.addAll(data.archive());
    }

    /** What the server holds for a user, in the model's terms (credentials as stored). */
    public UserData snapshot(String user) {
        Account account = accounts.get(user);
        UserData.Builder data = UserData.builder(user).account(account.details).password(account.credentials.password());
        account.credentials.scram().forEach(data::scram);
        account.roster.values().forEach(data::rosterItem);
        account.pending.forEach(data::pendingSubscription);
        data.vCard(account.vCard);
        account.privateXml.values().forEach(data::privateXml);
        account.offline.forEach(data::offlineMessage);
        account.pep.values().forEach(data::pepNode);
        data.privacy(account.privacy);
        account.blocked.forEach(data::blocked);
        account.archive.forEach(data::archived);
        return data.build();
    }

    public Set<String> usernames() {
        return Set.copyOf(accounts.keySet());
    }

    private Account account(String user) throws AccountException {
        Account account = accounts.get(user);
        if (account == null) {
            throw new AccountException("no account " + user);
        }
        return account;
    }

    private Account writable(String kind, String user) throws AccountException {
        if (failingWrites.contains(kind + ":" + user)) {
            throw new AccountException("the store refused to write " + kind + " of " + user);
        }
        Account account = account(user);
        writes.incrementAndGet();
        return account;
    }

    public AccountPorts ports() {
        return new AccountPorts(new Accounts(), new Rosters(), new VCards(), new PrivateXml(), new Offline(), new Pep(),
                new Privacy(), new Archive());
    }

    private final class Accounts implements AccountPort {
        @Override public String domain() { return domain; }
        @Override public Iterator<String> usernames() { return List.copyOf(accounts.keySet()).iterator(); }
        @Override public int count() { return accounts.size(); }
        @Override public boolean exists(String username) { return accounts.containsKey(username); }
        @Override public Optional<AccountDetails> details(String username) { return Optional.ofNullable(accounts.get(username)).map(a -> a.details); }
        @Override public Credentials credentials(String username) { return accounts.get(username).credentials; }
        @Override public boolean accepts(org.modernxmpp.portability.pie.model.ScramCredentials scram) { return scram.salt().length <= maxSaltBytes; }

        @Override
        public void create(String username, AccountDetails details, Credentials credentials) throws AccountException {
            if (failingWrites.contains("account:" + username)) {
                throw new AccountException("the store refused to create " + username);
            }
            if (accounts.containsKey(username)) {
                throw new AccountException("account " + username + " exists");
            }
            Account account = new Account();
            account.details = details;
            account.credentials = credentials.isEmpty() ? new Credentials("random-" + username.hashCode(), List.of()) : credentials;
            accounts.put(username, account);
            writes.incrementAndGet();
        }

        @Override
        public void updateDetails(String username, AccountDetails details) throws AccountException {
            writable("account", username).details = details;
        }
    }

    private final class Rosters implements RosterPort {
        @Override public List<RosterItem> items(String username) throws AccountException { return List.copyOf(account(username).roster.values()); }
        @Override public void put(String username, RosterItem item) throws AccountException { writable("roster", username).roster.put(item.jid().toBareJID(), item); }
        @Override public void remove(String username, JID contact) throws AccountException { writable("roster", username).roster.remove(contact.toBareJID()); }
        @Override public List<SubscriptionRequest> pendingSubscriptions(String username) throws AccountException { return List.copyOf(account(username).pending); }
        @Override public void addPendingSubscription(String username, SubscriptionRequest request) throws AccountException { writable("roster", username).pending.add(request); }
    }

    private final class VCards implements VCardPort {
        @Override public Optional<XmlPayload> read(String username) throws AccountException { return Optional.ofNullable(account(username).vCard); }
        @Override public void write(String username, XmlPayload vCard) throws AccountException { writable("vcard", username).vCard = vCard; }
        @Override public void delete(String username) throws AccountException { writable("vcard", username).vCard = null; }
    }

    private final class PrivateXml implements PrivateXmlPort {
        @Override public List<XmlPayload> read(String username) throws AccountException { return List.copyOf(account(username).privateXml.values()); }
        @Override public void write(String username, XmlPayload fragment) throws AccountException {
            writable("private", username).privateXml.put("{" + fragment.namespace() + "}" + fragment.name(), fragment);
        }
    }

    private final class Offline implements OfflineMessagePort {
        @Override public List<OfflineMessage> read(String username) throws AccountException { return List.copyOf(account(username).offline); }
        @Override public void add(String username, OfflineMessage message) throws AccountException { writable("offline", username).offline.add(message); }
    }

    private final class Pep implements PepPort {
        @Override public List<PepNode> read(String username) throws AccountException { return List.copyOf(account(username).pep.values()); }

        @Override
        public void putNode(String username, PepNode node) throws AccountException {
            Account account = writable("pep", username);
            PepNode existing = account.pep.get(node.node());
            account.pep.put(node.node(), new PepNode(node.node(), node.configuration(), node.affiliations(), node.subscriptions(),
                    existing == null ? List.of() : existing.items()));
        }

        @Override
        public void publish(String username, String node, PepItem item) throws AccountException {
            Account account = writable("pep", username);
            PepNode existing = account.pep.get(node);
            if (existing == null) {
                throw new AccountException("no node " + node);
            }
            List<PepItem> items = new ArrayList<>(existing.items().stream().filter(i -> !i.id().equals(item.id())).toList());
            items.add(item);
            account.pep.put(node, new PepNode(node, existing.configuration(), existing.affiliations(), existing.subscriptions(), items));
        }

        @Override public void deleteNode(String username, String node) throws AccountException { writable("pep", username).pep.remove(node); }
    }

    private final class Privacy implements PrivacyPort {
        @Override public Optional<PrivacyLists> privacyLists(String username) throws AccountException { return Optional.ofNullable(account(username).privacy); }

        @Override
        public void putPrivacyLists(String username, PrivacyLists lists) throws AccountException {
            Account account = writable("privacy", username);
            Map<String, PrivacyLists.PrivacyList> merged = new LinkedHashMap<>();
            if (account.privacy != null) {
                account.privacy.lists().forEach(l -> merged.put(l.name(), l));
            }
            lists.lists().forEach(l -> merged.put(l.name(), l));
            String defaultList = lists.defaultList() != null ? lists.defaultList() : account.privacy == null ? null : account.privacy.defaultList();
            account.privacy = new PrivacyLists(defaultList, account.privacy == null ? null : account.privacy.activeList(),
                    new ArrayList<>(merged.values()));
        }

        @Override public List<JID> blocklist(String username) throws AccountException { return List.copyOf(account(username).blocked); }
        @Override public void block(String username, JID jid) throws AccountException { writable("blocklist", username).blocked.add(jid); }
    }

    private final class Archive implements ArchivePort {
        @Override public boolean available() { return archiveAvailable; }
        @Override public List<ArchivedMessage> read(String username) throws AccountException { return List.copyOf(account(username).archive); }
    }
}
