package org.modernxmpp.portability.remote;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * Which addresses the server may connect to on a user's behalf. A user names the domain, so without this anyone could
 * make the server probe its own network: loopback, link-local, private and shared ranges and this machine's own
 * addresses are refused unless an admin allows them (tests on loopback do).
 */
public final class AddressPolicy {
    private final boolean allowInternal;
    private final Set<InetAddress> ownAddresses;

    private AddressPolicy(boolean allowInternal, Set<InetAddress> ownAddresses) {
        this.allowInternal = allowInternal;
        this.ownAddresses = Set.copyOf(ownAddresses);
    }

    /** Public addresses only; this machine's interfaces count as internal. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(false, interfaceAddresses());
    }

    /** Everything, internal ranges included: for a lab, or tests on loopback. */
    public static AddressPolicy allowingInternal() {
        return new AddressPolicy(true, Set.of());
    }

    public boolean allowsInternal() {
        return allowInternal;
    }

    /** Null when the address may be used, else why not, in words ("a loopback address"). */
    public String refusal(InetAddress address) {
        if (allowInternal) {
            return null;
        }
        String kind = internalKind(address);
        if (kind == null && ownAddresses.contains(address)) {
            kind = "an address of this server";
        }
        return kind;
    }

    static String internalKind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "a reserved address";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "a shared (carrier-grade NAT) address";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "a benchmarking address";
            }
            if (first >= 240) {
                return "a reserved address";
            }
        } else if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "a private (unique local) address";
            }
        }
        return null;
    }

    private static Set<InetAddress> interfaceAddresses() {
        Set<InetAddress> addresses = new HashSet<>();
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                addresses.addAll(Collections.list(network.getInetAddresses()));
            }
        } catch (SocketException | NullPointerException e) {
            // no interfaces to list: the ranges above still apply
        }
        return addresses;
    }
}
