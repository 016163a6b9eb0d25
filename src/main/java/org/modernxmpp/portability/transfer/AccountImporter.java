package org.modernxmpp.portability.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.AccountPort;
import org.modernxmpp.portability.account.Credentials;
import org.modernxmpp.portability.pie.model.AccountDetails;
import org.modernxmpp.portability.pie.model.ScramCredentials;
import org.modernxmpp.portability.pie.model.UserData;

/**
 * Creates the account when it is missing, with the strongest credentials the file gives that the server can use
 * as they are: a plaintext password, else SCRAM-SHA-1 hashes (so the old password keeps working), else none (a
 * random password, and the report asks for a reset). Never a guess. An existing account keeps its password.
 */
final class AccountImporter implements KindImporter {
    static final String SCRAM_MECHANISM = "SCRAM-SHA-1";

    @Override
    public DataKind kind() {
        return DataKind.ACCOUNT;
    }

    /** The credentials a new account gets from this user's data; empty when its owner must reset the password. */
    static Credentials credentials(UserData data, ImportOptions options, AccountPort accounts) {
        String password = data.password();
        if (password != null && (!password.equals(data.name()) || options.trustPasswordEqualToUsername())) {
            return new Credentials(password, List.of());
        }
        for (ScramCredentials scram : data.scram()) {
            if (scram.mechanism().equals(SCRAM_MECHANISM) && accounts.accepts(scram)) {
                return new Credentials(null, List.of(scram));
            }
        }
        return Credentials.NONE;
    }

    @Override
    public KindPlan plan(UserData data, ImportTarget target) throws AccountException {
        var accounts = target.ports().accounts();
        AccountDetails fromFile = data.account();
        if (!target.accountExists()) {
            Credentials credentials = credentials(data, target.options(), accounts);
            AccountDetails details = fromFile != null ? fromFile : new AccountDetails(null, null, null, null, Map.of());
            List<String> notes = new ArrayList<>();
            if (credentials.isEmpty()) {
                notes.add(data.password() != null ? "the file's password equals the username, so it is not used: the account needs a password reset"
                        : data.scram().isEmpty() ? "the file has no password: the account needs a password reset"
                        : data.scram().stream().anyMatch(s -> s.mechanism().equals(SCRAM_MECHANISM))
                        ? "the file's " + SCRAM_MECHANISM + " credentials cannot be stored by this server as they are: the account needs a password reset"
                        : "the file has only " + data.scram().stream().map(ScramCredentials::mechanism).toList()
                                + " credentials, which this server cannot use: the account needs a password reset");
            }
            String how = credentials.password() != null ? "with the file's password"
                    : credentials.isEmpty() ? "with a random password" : "with the file's " + SCRAM_MECHANISM + " credentials";
            return new KindPlan(kind(), KindOutcome.Result.CREATED, List.of(new PlannedChange(
                    "create account " + target.jid() + " " + how,
                    () -> accounts.create(target.username(), details, credentials))), notes);
        }
        List<String> notes = new ArrayList<>();
        if (data.password() != null || !data.scram().isEmpty()) {
            notes.add("the account exists: its password is kept");
        }
        AccountDetails current = accounts.details(target.username()).orElse(null);
        if (fromFile == null || fromFile.equals(current)) {
            return KindPlan.unchanged(kind(), notes);
        }
        AccountDetails wanted = target.policy(kind()) == KindPolicy.REPLACE || current == null ? fromFile : merged(current, fromFile);
        if (wanted.equals(current)) {
            return KindPlan.unchanged(kind(), notes);
        }
        return KindPlan.of(kind(), target.policy(kind()), true, List.of(new PlannedChange(
                "update name, email and properties of " + target.jid(), () -> accounts.updateDetails(target.username(), wanted))), notes);
    }

    private static AccountDetails merged(AccountDetails current, AccountDetails file) {
        Map<String, String> properties = new TreeMap<>(file.properties());
        properties.putAll(current.properties());
        return new AccountDetails(current.name() != null ? current.name() : file.name(),
                current.email() != null ? current.email() : file.email(), current.created(), current.modified(), properties);
    }
}
