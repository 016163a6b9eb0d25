package org.modernxmpp.portability.pie;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;

/**
 * A compact fingerprint of one user: per data kind, each entry's key (a roster JID, a PEP node and item id,
 * an archive id…) and a 64-bit hash of its content. Two exports are compared through these, so a diff holds
 * a few bytes per entry rather than every user's data.
 */
public record UserSummary(Map<String, Map<String, Long>> kinds) {

    public static final List<String> KINDS = List.of("credentials", "account", "roster", "pending-subscriptions", "vcard",
            "private-xml", "offline-messages", "pep", "privacy", "blocklist", "archive", "extensions");

    /** One difference between two users: an entry only in A, only in B, or in both with other content. */
    public record Difference(String kind, String key, String change) {
    }

    public static UserSummary of(UserData user) {
        Map<String, Map<String, Long>> kinds = new LinkedHashMap<>();
        KINDS.forEach(kind -> kinds.put(kind, new LinkedHashMap<>()));
        if (user.password() != null) {
            kinds.get("credentials").put("password", hash(user.password()));
        }
        user.scram().forEach(s -> kinds.get("credentials").put(s.mechanism(), hash(s.mechanism() + s.iterations()
                + Base64.getEncoder().encodeToString(s.salt()) + Arrays.hashCode(s.storedKey()) + Arrays.hashCode(s.serverKey()))));
        if (user.account() != null) {
            kinds.get("account").put("details", hash(String.valueOf(user.account())));
        }
        user.roster().forEach(i -> kinds.get("roster").put(i.jid().toString(), hash(i.name() + "|" + i.subscription()
                + "|" + i.ask() + "|" + i.approved() + "|" + i.groups() + "|" + canonical(i.extensions()))));
        user.pendingSubscriptions().forEach(r -> kinds.get("pending-subscriptions").put(r.from().toString(),
                hash(r.presence().canonicalForm())));
        if (user.vCard() != null) {
            kinds.get("vcard").put("vCard", hash(user.vCard().canonicalForm()));
        }
        user.privateXml().forEach(f -> kinds.get("private-xml").put("{" + f.namespace() + "}" + f.name(),
                hash(f.canonicalForm())));
        for (int i = 0; i < user.offlineMessages().size(); i++) {
            kinds.get("offline-messages").put("#" + (i + 1), hash(user.offlineMessages().get(i).message().canonicalForm()));
        }
        for (PepNode node : user.pepNodes()) {
            Map<String, Long> pep = kinds.get("pep");
            pep.put(node.node() + " (configuration)", hash(node.configuration() == null ? "" : node.configuration().canonicalForm()));
            pep.put(node.node() + " (affiliations and subscriptions)", hash(node.affiliations() + "|" + node.subscriptions()));
            node.items().forEach(item -> pep.put(node.node() + " item " + item.id(),
                    hash(item.payload() == null ? "" : item.payload().canonicalForm())));
        }
        if (user.privacy() != null) {
            kinds.get("privacy").put("default/active", hash(user.privacy().defaultList() + "|" + user.privacy().activeList()));
            user.privacy().lists().forEach(l -> kinds.get("privacy").put(l.name(), hash(l.rules().toString())));
        }
        user.blocklist().forEach(j -> kinds.get("blocklist").put(j.toString(), 0L));
        user.archive().forEach(m -> kinds.get("archive").put(m.id(), hash(m.stamp() + m.message().canonicalForm())));
        for (int i = 0; i < user.extensions().size(); i++) {
            XmlPayload extension = user.extensions().get(i);
            kinds.get("extensions").put("{" + extension.namespace() + "}" + extension.name() + " #" + (i + 1),
                    hash(extension.canonicalForm()));
        }
        return new UserSummary(kinds);
    }

    /** What differs from {@code other}, kind by kind, in key order. */
    public List<Difference> differencesTo(UserSummary other) {
        List<Difference> differences = new java.util.ArrayList<>();
        for (String kind : KINDS) {
            Map<String, Long> mine = kinds.getOrDefault(kind, Map.of());
            Map<String, Long> theirs = other.kinds.getOrDefault(kind, Map.of());
            TreeSet<String> keys = new TreeSet<>(mine.keySet());
            keys.addAll(theirs.keySet());
            for (String key : keys) {
                Long a = mine.get(key);
                Long b = theirs.get(key);
                if (a == null) {
                    differences.add(new Difference(kind, key, "only in B"));
                } else if (b == null) {
                    differences.add(new Difference(kind, key, "only in A"));
                } else if (!a.equals(b)) {
                    differences.add(new Difference(kind, key, "differs"));
                }
            }
        }
        return differences;
    }

    /** Entries per kind, for reports. */
    public int count(String kind) {
        return kinds.getOrDefault(kind, Map.of()).size();
    }

    private static String canonical(List<XmlPayload> payloads) {
        StringBuilder out = new StringBuilder();
        payloads.forEach(p -> out.append(p.canonicalForm()));
        return out.toString();
    }

    /** FNV-1a over UTF-8: stable across runs and JVMs, unlike String.hashCode's 32 bits. */
    private static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
