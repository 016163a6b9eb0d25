package org.modernxmpp.portability.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Slows down password guessing on the self-service page: after too many failed sign-ins within a window, from one
 * address or for one account, further attempts are refused until the window has passed. Memory stays bounded: the
 * least recently seen keys are forgotten first.
 */
final class LoginThrottle {
    static final int MAX_KEYS = 10_000;

    private final IntSupplier perAccount;
    private final IntSupplier perAddress;
    private final Supplier<Duration> window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    LoginThrottle(int perAccount, int perAddress, Duration window, Clock clock) {
        this(() -> perAccount, () -> perAddress, () -> window, clock);
    }

    /** With limits read on every attempt, so a changed setting applies at once. */
    LoginThrottle(IntSupplier perAccount, IntSupplier perAddress, Supplier<Duration> window, Clock clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    /** Whether a sign-in may be tried now; when not, how long to wait (a zero duration means: go ahead). */
    synchronized Duration waitBefore(String address, String account) {
        Duration forAddress = wait("ip " + address, perAddress.getAsInt());
        Duration forAccount = wait("account " + account, perAccount.getAsInt());
        return forAddress.compareTo(forAccount) > 0 ? forAddress : forAccount;
    }

    synchronized void failed(String address, String account) {
        Instant now = clock.instant();
        failures.computeIfAbsent("ip " + address, k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent("account " + account, k -> new ArrayDeque<>()).addLast(now);
    }

    /** A successful sign-in clears the account's failures (not the address's: one right guess must not reset it). */
    synchronized void succeeded(String account) {
        failures.remove("account " + account);
    }

    private Duration wait(String key, int limit) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        Instant cutoff = clock.instant().minus(window.get());
        while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
            times.removeFirst();
        }
        if (times.size() < limit) {
            return Duration.ZERO;
        }
        return Duration.between(cutoff, times.peekFirst());
    }
}
