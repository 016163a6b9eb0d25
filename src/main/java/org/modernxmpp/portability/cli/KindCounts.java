package org.modernxmpp.portability.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.modernxmpp.portability.pie.model.UserData;

/** Entries per data kind over one or many users, and how many users have any of each. */
final class KindCounts {
    private final Map<String, long[]> counts = new LinkedHashMap<>();

    KindCounts add(UserData user) {
        count("password", user.password() == null ? 0 : 1);
        count("scram credentials", user.scram().size());
        count("account details", user.account() == null ? 0 : 1);
        count("roster items", user.roster().size());
        count("pending subscription requests", user.pendingSubscriptions().size());
        count("vCards", user.vCard() == null ? 0 : 1);
        count("private XML fragments", user.privateXml().size());
        count("offline messages", user.offlineMessages().size());
        count("PEP nodes", user.pepNodes().size());
        count("PEP items", user.pepNodes().stream().mapToLong(n -> n.items().size()).sum());
        count("privacy lists", user.privacy() == null ? 0 : user.privacy().lists().size());
        count("blocked JIDs", user.blocklist().size());
        count("archived messages", user.archive().size());
        count("unknown elements", user.extensions().size());
        return this;
    }

    private void count(String kind, long entries) {
        long[] totals = counts.computeIfAbsent(kind, k -> new long[2]);
        totals[0] += entries;
        if (entries > 0) {
            totals[1]++;
        }
    }

    /** One line for one user: only the kinds it has. */
    String summary() {
        StringJoiner line = new StringJoiner(", ");
        counts.forEach((kind, totals) -> {
            if (totals[0] > 0) {
                line.add(totals[0] + " " + kind);
            }
        });
        return line.length() == 0 ? "no data" : line.toString();
    }

    void print(PrintWriter out) {
        counts.forEach((kind, totals) -> out.printf("  %-30s %,12d  (%,d users)%n", kind, totals[0], totals[1]));
    }
}
