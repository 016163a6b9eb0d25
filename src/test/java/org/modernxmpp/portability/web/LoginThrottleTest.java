package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Too many failed sign-ins, per account or per address, wait out the window; one success clears only the account. */
class LoginThrottleTest {
    private Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(15), clock);

    @Test
    void anAccountIsHeldOffAfterItsLimitUntilTheOldestFailureLeavesTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, throttle.waitBefore("192.0.2." + i, "juliet"));
            throttle.failed("192.0.2." + i, "juliet");
            now = now.plusSeconds(60);
        }
        Duration wait = throttle.waitBefore("198.51.100.7", "juliet");
        assertEquals(Duration.ofMinutes(12), wait, "from any address: the account is what is guessed at");
        assertEquals(Duration.ZERO, throttle.waitBefore("198.51.100.7", "romeo"));
        now = now.plus(wait);
        assertEquals(Duration.ZERO, throttle.waitBefore("198.51.100.7", "juliet"));
    }

    @Test
    void anAddressIsHeldOffAcrossAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("203.0.113.9", "user" + i);
        }
        assertTrue(throttle.waitBefore("203.0.113.9", "someone-else").toMinutes() >= 14);
    }

    @Test
    void successClearsTheAccountButNotTheAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("203.0.113.9", "juliet");
        }
        throttle.succeeded("juliet");
        assertEquals(Duration.ZERO, throttle.waitBefore("192.0.2.1", "juliet"));
        assertTrue(!throttle.waitBefore("203.0.113.9", "romeo").isZero());
    }

    @Test
    void memoryStaysBounded() {
        for (int i = 0; i < LoginThrottle.MAX_KEYS * 2; i++) {
            throttle.failed("10.0." + (i / 250) + "." + (i % 250), "user" + i);
        }
        // the oldest keys are forgotten: the first address is free again
        assertEquals(Duration.ZERO, throttle.waitBefore("10.0.0.0", "user0"));
    }
}
