package org.modernxmpp.portability.openfire;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jivesoftware.openfire.auth.AuthFactory;
import org.jivesoftware.openfire.auth.DefaultAuthProvider;
import org.jivesoftware.openfire.user.User;
import org.jivesoftware.openfire.user.UserAlreadyExistsException;
import org.jivesoftware.openfire.user.UserManager;
import org.jivesoftware.openfire.user.UserNotFoundException;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.AccountPort;
import org.modernxmpp.portability.account.Credentials;
import org.modernxmpp.portability.pie.model.AccountDetails;
import org.modernxmpp.portability.pie.model.ScramCredentials;

/**
 * Accounts through Openfire's UserManager (its cache and user events stay right) and credentials through AuthFactory.
 * A new account is created with its plaintext password, or with a random one that SCRAM-SHA-1 hashes from the file
 * then replace, or with a random one nobody knows.
 */
final class OpenfireAccounts implements AccountPort {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserManager users;
    private final String domain;
    private final ScramHashStore scramHashes;

    OpenfireAccounts(UserManager users, String domain, ScramHashStore scramHashes) {
        this.users = users;
        this.domain = domain;
        this.scramHashes = scramHashes;
    }

    @Override
    public String domain() {
        return domain;
    }

    @Override
    public Iterator<String> usernames() {
        // Openfire's default provider lists names only (one short string per user), sorted for a stable order.
        List<String> names = new ArrayList<>(users.getUsernames());
        names.sort(null);
        return names.iterator();
    }

    @Override
    public int count() {
        return users.getUserCount();
    }

    @Override
    public boolean exists(String username) {
        return user(username).isPresent();
    }

    private Optional<User> user(String username) {
        try {
            return Optional.of(users.getUser(username));
        } catch (UserNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<AccountDetails> details(String username) {
        return user(username).map(user -> new AccountDetails(emptyToNull(user.getName()), emptyToNull(user.getEmail()),
                instant(user.getCreationDate()), instant(user.getModificationDate()), new TreeMap<>(user.getProperties())));
    }

    @Override
    public Credentials credentials(String username) {
        String password = null;
        if (AuthFactory.supportsPasswordRetrieval()) {
            try {
                password = AuthFactory.getPassword(username);
            } catch (UserNotFoundException | UnsupportedOperationException e) {
                // this account keeps no plaintext (hashes only): not an error
            }
        }
        List<ScramCredentials> scram = new ArrayList<>();
        if (AuthFactory.supportsScram()) {
            try {
                String salt = AuthFactory.getSalt(username);
                String storedKey = AuthFactory.getStoredKey(username);
                String serverKey = AuthFactory.getServerKey(username);
                int iterations = AuthFactory.getIterations(username);
                if (salt != null && storedKey != null && serverKey != null && iterations > 0) {
                    Base64.Decoder base64 = Base64.getDecoder();
                    scram.add(new ScramCredentials("SCRAM-SHA-1", iterations, base64.decode(salt), base64.decode(storedKey),
                            base64.decode(serverKey)));
                }
            } catch (UserNotFoundException | UnsupportedOperationException | IllegalArgumentException e) {
                // no usable hashes for this account
            }
        }
        return new Credentials(password, scram);
    }

    /**
     * Openfire's default auth provider verifies SCRAM-SHA-1 only, and its ofUser columns hold at most 32 base64
     * characters of salt and keys (24 bytes, what it makes itself); longer ones, as some servers write, do not fit.
     */
    @Override
    public boolean accepts(ScramCredentials scram) {
        return "SCRAM-SHA-1".equals(scram.mechanism()) && AuthFactory.isProviderInstanceOf(DefaultAuthProvider.class)
                && ScramHashStore.fits(scram);
    }

    @Override
    public void create(String username, AccountDetails details, Credentials credentials) throws AccountException {
        ScramCredentials scram = credentials.password() == null && !credentials.scram().isEmpty() ? credentials.scram().get(0) : null;
        if (scram != null && !accepts(scram)) {
            throw new AccountException("Openfire cannot store these " + scram.mechanism() + " credentials as they are "
                    + "(only its default auth provider can, with salts of up to 24 bytes); the account was not created");
        }
        String password = credentials.password() != null ? credentials.password() : randomPassword();
        User user;
        try {
            user = users.createUser(username, password, details.name(), details.email());
        } catch (UserAlreadyExistsException e) {
            throw new AccountException("the account " + username + "@" + domain + " exists already");
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new AccountException("Openfire refused to create " + username + "@" + domain + ": " + e.getMessage(), e);
        }
        if (scram != null) {
            try {
                scramHashes.store(username, scram);
            } catch (AccountException e) {
                // Never leave an account behind whose password nobody knows and nobody was told about.
                users.deleteUser(user);
                throw e;
            }
        }
        apply(user, details);
    }

    @Override
    public void updateDetails(String username, AccountDetails details) throws AccountException {
        User user = user(username).orElseThrow(() -> new AccountException("there is no account " + username + "@" + domain));
        apply(user, details);
    }

    private static void apply(User user, AccountDetails details) throws AccountException {
        try {
            if (!nullToEmpty(details.name()).equals(user.getName())) {
                user.setName(details.name());
            }
            if (!nullToEmpty(details.email()).equals(nullToEmpty(user.getEmail()))) {
                user.setEmail(details.email());
            }
            if (details.created() != null && !Date.from(details.created()).equals(user.getCreationDate())) {
                user.setCreationDate(Date.from(details.created()));
            }
            // Not setModificationDate: Openfire 5.1's User.setModificationDate stores the creation date instead.
            Map<String, String> properties = user.getProperties();
            details.properties().forEach((key, value) -> {
                if (!value.equals(properties.get(key))) {
                    properties.put(key, value);
                }
            });
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw new AccountException("Openfire refused to change the details of " + user.getUsername() + ": " + e.getMessage(), e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
