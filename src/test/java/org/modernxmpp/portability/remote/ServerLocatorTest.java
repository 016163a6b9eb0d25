package org.modernxmpp.portability.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.remote.ServerLocator.SrvRecord;

class ServerLocatorTest {

    private static ServerLocator dns(Map<String, List<SrvRecord>> records) {
        return new ServerLocator(name -> records.getOrDefault(name, List.of()));
    }

    @Test
    void aDomainWithoutRecordsIsItsOwnServerOnTheClientPort() {
        assertEquals(List.of(new ServerAddress("example.org", 5222, false)), dns(Map.of()).locate("example.org"));
    }

    @Test
    void recordsOfBothKindsAreTriedByPriorityThenWeight() {
        ServerLocator locator = dns(Map.of(
                "_xmpps-client._tcp.example.org", List.of(new SrvRecord(5, 0, 443, "tls.example.org")),
                "_xmpp-client._tcp.example.org", List.of(new SrvRecord(10, 10, 5222, "b.example.org"),
                        new SrvRecord(10, 60, 5222, "a.example.org"), new SrvRecord(1, 0, 5223, "first.example.org"))));
        assertEquals(List.of(new ServerAddress("first.example.org", 5223, false), new ServerAddress("tls.example.org", 443, true),
                new ServerAddress("a.example.org", 5222, false), new ServerAddress("b.example.org", 5222, false)),
                locator.locate("example.org"));
    }

    @Test
    void aDotTargetSaysThereIsNoServiceAndNothingIsTried() {
        ServerLocator locator = dns(Map.of("_xmpp-client._tcp.example.org", List.of(new SrvRecord(0, 0, 0, "."))));
        assertEquals(List.of(), locator.locate("example.org"));
    }

    @Test
    void jndiAnswersAreReadWithoutTheTrailingDot() {
        assertEquals(new SrvRecord(10, 5, 5222, "xmpp.example.org"), ServerLocator.parse("10 5 5222 xmpp.example.org."));
        assertEquals(new SrvRecord(0, 0, 0, "."), ServerLocator.parse("0 0 0 ."));
        assertEquals(null, ServerLocator.parse("garbage"));
    }
}
