package org.modernxmpp.portability.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;

class AddressPolicyTest {

    private static String refusal(String ip) throws Exception {
        return AddressPolicy.publicOnly().refusal(InetAddress.getByName(ip));
    }

    @Test
    void internalRangesAreRefusedByName() throws Exception {
        assertEquals("a loopback address", refusal("127.0.0.24"));
        assertEquals("a loopback address", refusal("::1"));
        assertEquals("a private address", refusal("10.1.2.3"));
        assertEquals("a private address", refusal("172.16.0.1"));
        assertEquals("a private address", refusal("192.168.1.1"));
        assertEquals("a link-local address", refusal("169.254.169.254"));
        assertEquals("a link-local address", refusal("fe80::1"));
        assertEquals("a shared (carrier-grade NAT) address", refusal("100.64.0.1"));
        assertEquals("a private (unique local) address", refusal("fd12:3456::1"));
        assertEquals("the unspecified address", refusal("0.0.0.0"));
        assertEquals("a private address", refusal("::ffff:10.0.0.1"), "an IPv4-mapped address is its IPv4 address");
    }

    @Test
    void publicAddressesPassAndAnAdminMayAllowEverything() throws Exception {
        assertNull(refusal("93.184.216.34"));
        assertNull(refusal("2606:2800:220:1::1"));
        assertNull(refusal("100.128.0.1"), "just outside 100.64.0.0/10");
        assertNull(AddressPolicy.allowingInternal().refusal(InetAddress.getByName("127.0.0.1")));
        assertTrue(AddressPolicy.allowingInternal().allowsInternal());
        assertFalse(AddressPolicy.publicOnly().allowsInternal());
    }

    @Test
    void theLoginNeverShowsItsPasswordAndNeedsAnAccountAddress() {
        RemoteLogin login = new RemoteLogin(new JID("anna@example.org"), "s3cret-☃");
        assertFalse(login.toString().contains("s3cret"), login.toString());
        assertTrue(login.toString().contains("anna@example.org"));
        assertThrows(IllegalArgumentException.class, () -> new RemoteLogin(new JID("example.org"), "x"));
        assertThrows(IllegalArgumentException.class, () -> new RemoteLogin(new JID("anna@example.org/phone"), "x"));
    }

    @Test
    void serverAddressesParseAsPeopleWriteThem() {
        assertEquals(new ServerAddress("xmpp.example.org", 5222, false), ServerAddress.parse("xmpp.example.org"));
        assertEquals(new ServerAddress("xmpp.example.org", 5223, false), ServerAddress.parse(" xmpp.example.org:5223 "));
        assertEquals(new ServerAddress("2001:db8::1", 5222, false), ServerAddress.parse("2001:db8::1"));
        assertEquals(new ServerAddress("2001:db8::1", 443, false), ServerAddress.parse("[2001:db8::1]:443"));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("host:port"));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("host:70000"));
    }
}
