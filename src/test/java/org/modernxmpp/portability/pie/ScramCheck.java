package org.modernxmpp.portability.pie;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.modernxmpp.portability.pie.model.ScramCredentials;

/** Checks a password against SCRAM credentials the way a server does at login (RFC 5802), for the tests. */
public final class ScramCheck {
    private ScramCheck() {
    }

    public static boolean matches(ScramCredentials credentials, String password) throws GeneralSecurityException {
        String hash = switch (credentials.mechanism()) {
            case "SCRAM-SHA-1" -> "SHA-1";
            case "SCRAM-SHA-256" -> "SHA-256";
            case "SCRAM-SHA-512" -> "SHA-512";
            default -> throw new IllegalArgumentException(credentials.mechanism());
        };
        String hmac = "Hmac" + hash.replace("-", "");
        byte[] salted = pbkdf2(hmac, Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8),
                credentials.salt(), credentials.iterations());
        byte[] clientKey = hmac(hmac, salted, "Client Key");
        byte[] storedKey = MessageDigest.getInstance(hash).digest(clientKey);
        byte[] serverKey = hmac(hmac, salted, "Server Key");
        return Arrays.equals(storedKey, credentials.storedKey()) && Arrays.equals(serverKey, credentials.serverKey());
    }

    private static byte[] pbkdf2(String hmac, byte[] password, byte[] salt, int iterations) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(hmac);
        mac.init(new SecretKeySpec(password, hmac));
        mac.update(salt);
        byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }

    private static byte[] hmac(String hmac, byte[] key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(hmac);
        mac.init(new SecretKeySpec(key, hmac));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
