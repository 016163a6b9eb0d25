package org.modernxmpp.portability.bench;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

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
import org.modernxmpp.portability.pie.SyntheticExport;
import org.modernxmpp.portability.pie.model.AccountDetails;
import org.modernxmpp.portability.pie.model.UserData;

/**
 * A server of N generated users that holds nothing: each user is made when first read (the last one is kept for
 * the other kinds' reads) and writes are only counted. So the benchmark measures the engine's memory, not a store's.
 */
final class GeneratedServer {
    private final String domain;
    private final int users;
    private final SyntheticExport.Shape shape;
    private final AtomicLong writes = new AtomicLong();
    private long generationNanos;
    private String lastName;
    private UserData last;

    GeneratedServer(String domain, int users, SyntheticExport.Shape shape) {
        this.domain = domain;
        this.users = users;
        this.shape = shape;
    }

    long writes() {
        return writes.get();
    }

    /** Time spent making users, to subtract from the export's time. */
    long generationNanos() {
        return generationNanos;
    }

    private UserData user(String name) {
        if (!name.equals(lastName)) {
            long start = System.nanoTime();
            last = new SyntheticExport(name.hashCode()).user(name, shape);
            lastName = name;
            generationNanos += System.nanoTime() - start;
        }
        return last;
    }

    private void write() {
        writes.incrementAndGet();
    }

    AccountPorts ports() {
        AccountPort accounts = new AccountPort() {
            @Override public String domain() { return domain; }
            @Override public int count() { return users; }
            // the source has every user it lists; the target (no users) has none, so imports create them
            @Override public boolean exists(String username) { return users > 0; }
            @Override public Optional<AccountDetails> details(String username) { return Optional.ofNullable(user(username).account()); }
            @Override public Credentials credentials(String username) { return new Credentials(user(username).password(), user(username).scram()); }
            @Override public void create(String username, AccountDetails details, Credentials credentials) { write(); }
            @Override public void updateDetails(String username, AccountDetails details) { write(); }

            @Override
            public Iterator<String> usernames() {
                return new Iterator<>() {
                    private int next;

                    @Override public boolean hasNext() { return next < users; }

                    @Override
                    public String next() {
                        if (next >= users) {
                            throw new NoSuchElementException();
                        }
                        return "user" + next++;
                    }
                };
            }
        };
        RosterPort rosters = new RosterPort() {
            @Override public List<org.modernxmpp.portability.pie.model.RosterItem> items(String u) { return user(u).roster(); }
            @Override public void put(String u, org.modernxmpp.portability.pie.model.RosterItem item) { write(); }
            @Override public void remove(String u, org.xmpp.packet.JID contact) { write(); }
            @Override public List<org.modernxmpp.portability.pie.model.SubscriptionRequest> pendingSubscriptions(String u) { return user(u).pendingSubscriptions(); }
            @Override public void addPendingSubscription(String u, org.modernxmpp.portability.pie.model.SubscriptionRequest r) { write(); }
        };
        VCardPort vCards = new VCardPort() {
            @Override public Optional<org.modernxmpp.portability.pie.model.XmlPayload> read(String u) { return Optional.ofNullable(user(u).vCard()); }
            @Override public void write(String u, org.modernxmpp.portability.pie.model.XmlPayload vCard) { GeneratedServer.this.write(); }
            @Override public void delete(String u) { GeneratedServer.this.write(); }
        };
        PrivateXmlPort privateXml = new PrivateXmlPort() {
            @Override public List<org.modernxmpp.portability.pie.model.XmlPayload> read(String u) { return user(u).privateXml(); }
            @Override public void write(String u, org.modernxmpp.portability.pie.model.XmlPayload f) { GeneratedServer.this.write(); }
        };
        OfflineMessagePort offline = new OfflineMessagePort() {
            @Override public List<org.modernxmpp.portability.pie.model.OfflineMessage> read(String u) { return user(u).offlineMessages(); }
            @Override public void add(String u, org.modernxmpp.portability.pie.model.OfflineMessage m) { write(); }
        };
        PepPort pep = new PepPort() {
            @Override public List<org.modernxmpp.portability.pie.model.PepNode> read(String u) { return user(u).pepNodes(); }
            @Override public void putNode(String u, org.modernxmpp.portability.pie.model.PepNode n) { write(); }
            @Override public void publish(String u, String n, org.modernxmpp.portability.pie.model.PepItem i) { write(); }
            @Override public void deleteNode(String u, String n) { write(); }
        };
        PrivacyPort privacy = new PrivacyPort() {
            @Override public Optional<org.modernxmpp.portability.pie.model.PrivacyLists> privacyLists(String u) { return Optional.ofNullable(user(u).privacy()); }
            @Override public void putPrivacyLists(String u, org.modernxmpp.portability.pie.model.PrivacyLists l) { write(); }
            @Override public List<org.xmpp.packet.JID> blocklist(String u) { return user(u).blocklist(); }
            @Override public void block(String u, org.xmpp.packet.JID j) { write(); }
        };
        ArchivePort archive = new ArchivePort() {
            @Override public boolean available() { return true; }
            @Override public List<org.modernxmpp.portability.pie.model.ArchivedMessage> read(String u) { return user(u).archive(); }
        };
        return new AccountPorts(accounts, rosters, vCards, privateXml, offline, pep, privacy, archive);
    }
}
