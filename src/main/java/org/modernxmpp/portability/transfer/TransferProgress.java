package org.modernxmpp.portability.transfer;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.io.input.ProxyInputStream;

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
    private final AtomicReference<Instant> finished = new AtomicReference<>();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong bytesTotal = new AtomicLong(-1);

    /**
     * Wraps the file an import reads, so its progress shows in bytes too: a file's users are not counted before they
     * are read, its size is known.
     */
    public InputStream counting(InputStream in, long size) {
        bytesTotal.set(size);
        return new ProxyInputStream(in) {
            @Override
            protected void afterRead(int n) {
                if (n > 0) {
                    bytesRead.addAndGet(n);
                }
            }
        };
    }

    public long bytesRead() {
        return bytesRead.get();
    }

    /** The size of the file being read, or -1. */
    public long bytesTotal() {
        return bytesTotal.get();
    }

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

    /** How long the job has run, or ran: the clock stops when the job is {@link #finished()}. */
    public Duration elapsed() {
        Instant end = finished.get();
        return Duration.between(started, end == null ? Instant.now() : end);
    }

    /** Marks the job as over, successful or not. */
    public void finished() {
        finished.compareAndSet(null, Instant.now());
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
