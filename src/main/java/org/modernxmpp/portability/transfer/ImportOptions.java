package org.modernxmpp.portability.transfer;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How an import treats a file.
 *
 * @param policies               per kind; a kind not listed is skipped
 * @param dryRun                 plan and report everything, write nothing
 * @param rewriteHosts           users of any host in the file go to this server's domain, JIDs rewritten with them;
 *                               otherwise users of another host are skipped and reported
 * @param users                  which users of the file (by localpart) to import
 * @param omemoIntoOtherAccount  import OMEMO key nodes into an account other than the one they were made for
 *                               (off by default: a stale identity is worse than none)
 * @param trustPasswordEqualToUsername use a password equal to the username (Openfire's old userImportExport wrote
 *                               the username when it had no password; off by default: the account needs a reset)
 * @param intoAccount            the one existing account (a localpart of this server) the file's user goes into,
 *                               whatever its name or host, as on the self-service page; null: each user by its name
 */
public record ImportOptions(Map<DataKind, KindPolicy> policies, boolean dryRun, boolean rewriteHosts,
                            Predicate<String> users, boolean omemoIntoOtherAccount, boolean trustPasswordEqualToUsername,
                            String intoAccount) {

    public ImportOptions {
        EnumMap<DataKind, KindPolicy> copy = new EnumMap<>(DataKind.class);
        copy.putAll(policies);
        policies = java.util.Collections.unmodifiableMap(copy);
    }

    /** Merge every kind, real run, hosts must match, every user, no OMEMO across accounts, no username passwords. */
    public static ImportOptions mergeAll() {
        Map<DataKind, KindPolicy> policies = new EnumMap<>(DataKind.class);
        for (DataKind kind : DataKind.values()) {
            policies.put(kind, KindPolicy.MERGE);
        }
        return new ImportOptions(policies, false, false, user -> true, false, false, null);
    }

    public KindPolicy policy(DataKind kind) {
        return policies.getOrDefault(kind, KindPolicy.SKIP);
    }

    public ImportOptions withPolicy(DataKind kind, KindPolicy policy) {
        Map<DataKind, KindPolicy> changed = new EnumMap<>(policies);
        changed.put(kind, policy);
        return new ImportOptions(changed, dryRun, rewriteHosts, users, omemoIntoOtherAccount, trustPasswordEqualToUsername, intoAccount);
    }

    public ImportOptions withDryRun(boolean value) {
        return new ImportOptions(policies, value, rewriteHosts, users, omemoIntoOtherAccount, trustPasswordEqualToUsername, intoAccount);
    }

    public ImportOptions withRewriteHosts(boolean value) {
        return new ImportOptions(policies, dryRun, value, users, omemoIntoOtherAccount, trustPasswordEqualToUsername, intoAccount);
    }

    /** Imports the file's one user into this existing account; a second user in the file is refused. */
    public ImportOptions withIntoAccount(String username) {
        return new ImportOptions(policies, dryRun, rewriteHosts, users, omemoIntoOtherAccount, trustPasswordEqualToUsername, username);
    }

    public ImportOptions withOmemoIntoOtherAccount(boolean value) {
        return new ImportOptions(policies, dryRun, rewriteHosts, users, value, trustPasswordEqualToUsername, intoAccount);
    }

    public ImportOptions withTrustPasswordEqualToUsername(boolean value) {
        return new ImportOptions(policies, dryRun, rewriteHosts, users, omemoIntoOtherAccount, value, intoAccount);
    }

    public ImportOptions withUsers(Predicate<String> value) {
        return new ImportOptions(policies, dryRun, rewriteHosts, value, omemoIntoOtherAccount, trustPasswordEqualToUsername, intoAccount);
    }
}
