package org.modernxmpp.portability.peers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.modernxmpp.portability.pie.model.ScramCredentials;

/** SCRAM credentials for a password (RFC 5802, RFC 7677), the way a server stores them: what our exports carry. */
final class Scram {
    private Scram() {
    }

    /** For an ASCII-or-NFC password (saslprep leaves those unchanged), with a random 16-byte salt. */
    static ScramCredentials derive(String mechanism, String password, int iterations) throws GeneralSecurityException {
        String hash = switch (mechanism) {
            case "SCRAM-SHA-1" -> "SHA1";
            case "SCRAM-SHA-256" -> "SHA256";
            default -> throw new IllegalArgumentException(mechanism);
        };
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        char[] chars = password.toCharArray();
        int length = "SHA1".equals(hash) ? 160 : 256;
        byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmac" + hash)
                .generateSecret(new PBEKeySpec(chars, salt, iterations, length)).getEncoded();
        byte[] clientKey = hmac(hash, salted, "Client Key");
        byte[] storedKey = MessageDigest.getInstance("SHA1".equals(hash) ? "SHA-1" : "SHA-256").digest(clientKey);
        byte[] serverKey = hmac(hash, salted, "Server Key");
        return new ScramCredentials(mechanism, iterations, salt, storedKey, serverKey);
    }

    private static byte[] hmac(String hash, byte[] key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("Hmac" + hash);
        mac.init(new SecretKeySpec(key, "Hmac" + hash));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
