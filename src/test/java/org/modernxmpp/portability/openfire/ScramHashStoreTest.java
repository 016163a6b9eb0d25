package org.modernxmpp.portability.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.pie.ScramCheck;
import org.modernxmpp.portability.pie.model.ScramCredentials;

/**
 * The plugin's one SQL statement, run against Openfire 5.1.1's own ofUser table (its HSQLDB schema) in a real
 * HSQLDB, checked the way Openfire's DefaultAuthProvider checks a password when only hashes are stored.
 */
class ScramHashStoreTest {
    private String url;

    @BeforeEach
    void openfireSchema() throws Exception {
        url = "jdbc:hsqldb:mem:" + UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, "SA", ""); Statement s = c.createStatement()) {
            // openfire_hsqldb.sql of Openfire 5.1.1
            s.execute("CREATE TABLE ofUser (username VARCHAR(64) NOT NULL, storedKey VARCHAR(32), serverKey VARCHAR(32), "
                    + "salt VARCHAR(32), iterations INTEGER, plainPassword VARCHAR(32), encryptedPassword VARCHAR(255), "
                    + "name VARCHAR(100), email VARCHAR(100), creationDate VARCHAR(15) NOT NULL, "
                    + "modificationDate VARCHAR(15) NOT NULL, CONSTRAINT ofUser_pk PRIMARY KEY (username))");
            s.execute("INSERT INTO ofUser VALUES ('juliet', 'x', 'y', 'z', 4096, NULL, 'encrypted-random', 'Juliet', NULL, "
                    + "'001700000000000', '001700000000000')");
        }
    }

    private ScramHashStore store() {
        return new ScramHashStore(() -> DriverManager.getConnection(url, "SA", ""));
    }

    /** SCRAM-SHA-1 credentials for a password, as another server would have stored them. */
    private static ScramCredentials credentials(String password, byte[] salt, int iterations) throws Exception {
        byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 160)).getEncoded();
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salted, "HmacSHA1"));
        byte[] clientKey = mac.doFinal("Client Key".getBytes(StandardCharsets.UTF_8));
        byte[] serverKey = mac.doFinal("Server Key".getBytes(StandardCharsets.UTF_8));
        return new ScramCredentials("SCRAM-SHA-1", iterations, salt, MessageDigest.getInstance("SHA-1").digest(clientKey), serverKey);
    }

    @Test
    void storesTheHashesAsTheyAreAndClearsThePasswordColumns() throws Exception {
        byte[] salt = "sixteen byte salt!!!xyz!".getBytes(StandardCharsets.US_ASCII);
        ScramCredentials scram = credentials("wherefore art thou", salt, 10_000);

        store().store("juliet", scram);

        try (Connection c = DriverManager.getConnection(url, "SA", ""); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT plainPassword, encryptedPassword, storedKey, serverKey, salt, iterations, name "
                     + "FROM ofUser WHERE username='juliet'")) {
            assertTrue(row.next());
            assertNull(row.getString(1));
            assertNull(row.getString(2), "the random creation password must stop working");
            Base64.Decoder base64 = Base64.getDecoder();
            ScramCredentials stored = new ScramCredentials("SCRAM-SHA-1", row.getInt(6), base64.decode(row.getString(5)),
                    base64.decode(row.getString(3)), base64.decode(row.getString(4)));
            assertEquals(scram, stored);
            assertTrue(ScramCheck.matches(stored, "wherefore art thou"), "the old password works with what is stored");
            assertFalse(ScramCheck.matches(stored, "encrypted-random"));
            assertEquals("Juliet", row.getString(7), "nothing else of the row changes");
        }
    }

    @Test
    void aMissingRowIsAnErrorNotASilentSuccess() throws Exception {
        ScramCredentials scram = credentials("x", new byte[16], 4096);
        AccountException e = assertThrows(AccountException.class, () -> store().store("romeo", scram));
        assertTrue(e.getMessage().contains("romeo"), e.getMessage());
    }

    @Test
    void onlyWhatFitsOpenfiresColumnsIsAccepted() throws Exception {
        assertTrue(ScramHashStore.fits(credentials("x", new byte[24], 4096)), "24 bytes of salt: what Openfire makes itself");
        ScramCredentials longSalt = credentials("x", new byte[36], 4096);
        assertFalse(ScramHashStore.fits(longSalt));
        assertThrows(AccountException.class, () -> store().store("juliet", longSalt),
                "the database refuses it too: nothing is cut short silently");
    }

    @Test
    void otherMechanismsAreRefused() throws Exception {
        ScramCredentials sha1 = credentials("x", new byte[16], 4096);
        ScramCredentials sha256 = new ScramCredentials("SCRAM-SHA-256", 4096, sha1.salt(), new byte[32], new byte[32]);
        assertThrows(AccountException.class, () -> store().store("juliet", sha256));
    }
}
