package org.modernxmpp.portability.account;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.modernxmpp.portability.pie.model.AccountDetails;
import org.modernxmpp.portability.pie.model.ScramCredentials;

/** The accounts of one domain: which exist, their details and credentials, and creating new ones. */
public interface AccountPort {

    /** The domain these accounts belong to. */
    String domain();

    /** Every username, in a stable order; iterated lazily so a big server is never listed whole in memory. */
    Iterator<String> usernames();

    /**
     * Up to {@code limit} usernames containing {@code text} (ignoring case), in the order of {@link #usernames}: what
     * an admin looking for one account types.
     */
    default List<String> search(String text, int limit) {
        String wanted = text.trim().toLowerCase(java.util.Locale.ROOT);
        List<String> found = new java.util.ArrayList<>();
        for (Iterator<String> names = usernames(); names.hasNext() && found.size() < limit; ) {
            String name = names.next();
            if (name.toLowerCase(java.util.Locale.ROOT).contains(wanted)) {
                found.add(name);
            }
        }
        return found;
    }

    /** How many accounts there are (for progress). */
    int count();

    boolean exists(String username);

    Optional<AccountDetails> details(String username);

    /** What the server holds to check the password; {@link Credentials#NONE} when it keeps neither. */
    Credentials credentials(String username);

    /**
     * Whether {@link #create} can store these SCRAM credentials as they are (a server may verify only some mechanisms,
     * or have no room for a long salt); when not, the account gets a random password and its owner a reset.
     */
    default boolean accepts(ScramCredentials scram) {
        return true;
    }

    /**
     * Creates an account. With empty credentials the account gets a random password nobody knows.
     *
     * @throws AccountException when it exists already or the server refuses it
     */
    void create(String username, AccountDetails details, Credentials credentials) throws AccountException;

    /** Replaces name, email and properties; dates are kept as the server decides. */
    void updateDetails(String username, AccountDetails details) throws AccountException;
}
