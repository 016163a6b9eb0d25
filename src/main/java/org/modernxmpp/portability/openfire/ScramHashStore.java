package org.modernxmpp.portability.openfire;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Base64;

import org.jivesoftware.database.DbConnectionManager;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.pie.model.ScramCredentials;

/**
 * Stores SCRAM-SHA-1 hashes as they are, so an imported account keeps its old password without anyone knowing it.
 * Openfire 5.1 has no call for this: {@code AuthFactory.setPassword} only takes a plaintext and derives new hashes.
 * Its default auth provider keeps the hashes in {@code ofUser} and reads them from there on every login (no cache),
 * so one UPDATE of that row is enough and nothing else goes stale. Plain and encrypted password columns are cleared:
 * the random password the account was created with must not keep working.
 */
final class ScramHashStore {
    static final String UPDATE_HASHES = "UPDATE ofUser SET plainPassword=?, encryptedPassword=?, storedKey=?, serverKey=?, "
            + "salt=?, iterations=? WHERE username=?";

    /** Openfire's schema: storedKey, serverKey and salt are VARCHAR(32) on every database it supports. */
    static final int COLUMN_WIDTH = 32;

    private final OpenfireDatabase database;

    ScramHashStore() {
        this(DbConnectionManager::getConnection);
    }

    ScramHashStore(OpenfireDatabase database) {
        this.database = database;
    }

    static boolean fits(ScramCredentials scram) {
        Base64.Encoder base64 = Base64.getEncoder();
        return base64.encodeToString(scram.salt()).length() <= COLUMN_WIDTH
                && base64.encodeToString(scram.storedKey()).length() <= COLUMN_WIDTH
                && base64.encodeToString(scram.serverKey()).length() <= COLUMN_WIDTH;
    }

    void store(String username, ScramCredentials scram) throws AccountException {
        if (!"SCRAM-SHA-1".equals(scram.mechanism())) {
            throw new AccountException("Openfire verifies SCRAM-SHA-1 only, not " + scram.mechanism());
        }
        Base64.Encoder base64 = Base64.getEncoder();
        try (Connection connection = database.connection();
             PreparedStatement update = connection.prepareStatement(UPDATE_HASHES)) {
            update.setNull(1, Types.VARCHAR);
            update.setNull(2, Types.VARCHAR);
            update.setString(3, base64.encodeToString(scram.storedKey()));
            update.setString(4, base64.encodeToString(scram.serverKey()));
            update.setString(5, base64.encodeToString(scram.salt()));
            update.setInt(6, scram.iterations());
            update.setString(7, username);
            if (update.executeUpdate() != 1) {
                throw new AccountException("could not store the SCRAM-SHA-1 credentials of " + username + ": no such row in ofUser");
            }
        } catch (SQLException e) {
            throw new AccountException("could not store the SCRAM-SHA-1 credentials of " + username + ": " + e.getMessage(), e);
        }
    }
}
