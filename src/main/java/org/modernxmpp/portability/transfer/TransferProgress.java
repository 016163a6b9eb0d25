package org.modernxmpp.portability.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far a running job is, readable from another thread (a progress page), and the way to cancel it: the job
 * stops between two users, so no user is ever left half written by a cancel.
 */
public final class TransferProgress {
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong(-1);
    private final AtomicReference<String> current = new AtomicReference<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final Instant started = Instant.now();

    public long usersDone() {
        return done.get();
    }

    /** Users in all, or -1 while unknown (a file is not counted before it is read). */
    public long usersTotal() {
        return total.get();
    }

    /** The user being transferred now, or null. */
    public String currentUser() {
        return current.get();
    }

    public Duration elapsed() {
        return Duration.between(started, Instant.now());
    }

    public void cancel() {
        cancelRequested.set(true);
    }

    public boolean cancelRequested() {
        return cancelRequested.get();
    }

    void total(long users) {
        total.set(users);
    }

    void working(String user) {
        current.set(user);
    }

    void userDone() {
        done.incrementAndGet();
        current.set(null);
    }
}
