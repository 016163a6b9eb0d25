package org.modernxmpp.portability.remote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;

import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * Finds the servers of an XMPP domain as clients do (RFC 6120 §3.2, XEP-0368): the SRV records
 * {@code _xmpps-client._tcp} (direct TLS) and {@code _xmpp-client._tcp} (STARTTLS), merged by priority, then the
 * domain itself on port 5222 when it publishes neither.
 */
public final class ServerLocator {

    /** One SRV answer; {@code target} without its trailing dot. */
    public record SrvRecord(int priority, int weight, int port, String target) {
    }

    /** Looks up the SRV records of a name; empty when it has none. */
    @FunctionalInterface
    public interface SrvLookup {
        List<SrvRecord> lookup(String name) throws NamingException;
    }

    private final SrvLookup dns;

    public ServerLocator(SrvLookup dns) {
        this.dns = dns;
    }

    /** The system's DNS, through the JDK's own resolver (JNDI). */
    public static ServerLocator systemDns() {
        return new ServerLocator(ServerLocator::jndiLookup);
    }

    public List<ServerAddress> locate(String domain) {
        List<Candidate> candidates = new ArrayList<>();
        boolean published = false;
        boolean refusedByRecord = false;
        for (boolean directTls : new boolean[] {true, false}) {
            List<SrvRecord> records;
            try {
                records = dns.lookup((directTls ? "_xmpps-client._tcp." : "_xmpp-client._tcp.") + domain);
            } catch (NamingException e) {
                records = List.of();
            }
            for (SrvRecord record : records) {
                published = true;
                // RFC 2782: a lone "." target says the service is decidedly not available at this domain
                if (record.target().isEmpty() || record.target().equals(".")) {
                    refusedByRecord = true;
                    continue;
                }
                candidates.add(new Candidate(record, new ServerAddress(record.target(), record.port(), directTls)));
            }
        }
        if (!published) {
            return List.of(new ServerAddress(domain, ServerAddress.CLIENT_PORT, false));
        }
        if (candidates.isEmpty() && refusedByRecord) {
            return List.of();
        }
        // lower priority first; among equals the heavier first (deterministic rather than RFC 2782's lottery),
        // and STARTTLS before direct TLS where both tie, since every server offers it
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.record.priority())
                .thenComparing(c -> -c.record.weight())
                .thenComparing(c -> c.address.directTls()));
        return candidates.stream().map(c -> c.address).distinct().toList();
    }

    private record Candidate(SrvRecord record, ServerAddress address) {
    }

    private static List<SrvRecord> jndiLookup(String name) throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(DirContext.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        env.put("com.sun.jndi.dns.timeout.initial", "2000");
        env.put("com.sun.jndi.dns.timeout.retries", "2");
        DirContext context = new InitialDirContext(env);
        try {
            Attributes attributes = context.getAttributes(name, new String[] {"SRV"});
            Attribute srv = attributes.get("SRV");
            List<SrvRecord> records = new ArrayList<>();
            if (srv == null) {
                return records;
            }
            NamingEnumeration<?> values = srv.getAll();
            while (values.hasMore()) {
                SrvRecord record = parse(values.next().toString());
                if (record != null) {
                    records.add(record);
                }
            }
            return records;
        } catch (NameNotFoundException none) {
            return List.of();
        } finally {
            context.close();
        }
    }

    /** "10 5 5222 xmpp.example.org." as JNDI gives it; null when malformed. */
    static SrvRecord parse(String value) {
        String[] parts = value.trim().split("\\s+");
        if (parts.length != 4) {
            return null;
        }
        try {
            String target = parts[3].toLowerCase(Locale.ROOT);
            if (target.length() > 1 && target.endsWith(".")) {
                target = target.substring(0, target.length() - 1);
            }
            return new SrvRecord(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), target);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
