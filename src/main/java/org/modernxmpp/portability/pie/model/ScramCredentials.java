package org.modernxmpp.portability.pie.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * SCRAM credentials for one mechanism (RFC 5802): what a server needs to verify a password without
 * knowing it. Kept as hashes end to end; never turned back into, or replaced by, a password.
 *
 * @param mechanism  registered SASL name without "-PLUS", e.g. SCRAM-SHA-1
 * @param iterations PBKDF2 iteration count, positive
 */
public record ScramCredentials(String mechanism, int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {

    public ScramCredentials {
        Objects.requireNonNull(mechanism, "mechanism");
        if (iterations <= 0) {
            throw new IllegalArgumentException("SCRAM iteration count must be positive, was " + iterations);
        }
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScramCredentials that && mechanism.equals(that.mechanism)
                && iterations == that.iterations && Arrays.equals(salt, that.salt)
                && Arrays.equals(storedKey, that.storedKey) && Arrays.equals(serverKey, that.serverKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mechanism, iterations, Arrays.hashCode(storedKey));
    }

    /** Never prints key material: these records end up in logs and reports. */
    @Override
    public String toString() {
        return "ScramCredentials[" + mechanism + ", iterations=" + iterations + "]";
    }
}
