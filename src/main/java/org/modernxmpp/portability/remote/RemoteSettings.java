package org.modernxmpp.portability.remote;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach remote accounts.
 *
 * @param timeout            for connecting and for each answer
 * @param trustStore         a trust store (PKCS#12 or JKS) trusted in addition to the JVM's, or null
 * @param trustStorePassword its password, or null
 * @param addresses          which addresses may be connected to
 * @param server             where the server is when DNS should not be asked (an admin's override, tests), or null
 * @param limits             bounds on what the server may send
 */
public record RemoteSettings(Duration timeout, Path trustStore, String trustStorePassword, AddressPolicy addresses,
                             ServerAddress server, RemoteLimits limits) {

    public RemoteSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(limits, "limits");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the time-out must be positive");
        }
    }

    /** 30 s, the JVM's trust store, public addresses only, DNS, default limits. */
    public static RemoteSettings defaults() {
        return new RemoteSettings(Duration.ofSeconds(30), null, null, AddressPolicy.publicOnly(), null, RemoteLimits.DEFAULT);
    }

    public RemoteSettings withServer(ServerAddress value) {
        return new RemoteSettings(timeout, trustStore, trustStorePassword, addresses, value, limits);
    }

    public RemoteSettings withTrustStore(Path store, String password) {
        return new RemoteSettings(timeout, store, password, addresses, server, limits);
    }

    public RemoteSettings withAddresses(AddressPolicy value) {
        return new RemoteSettings(timeout, trustStore, trustStorePassword, value, server, limits);
    }

    public RemoteSettings withLimits(RemoteLimits value) {
        return new RemoteSettings(timeout, trustStore, trustStorePassword, addresses, server, value);
    }

    public RemoteSettings withTimeout(Duration value) {
        return new RemoteSettings(value, trustStore, trustStorePassword, addresses, server, limits);
    }

    @Override
    public String toString() {
        return "RemoteSettings[timeout=" + timeout + ", trustStore=" + trustStore + ", internal addresses "
                + (addresses.allowsInternal() ? "allowed" : "refused") + ", server=" + server + "]";
    }
}
