package org.modernxmpp.portability.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.xmpp.packet.JID;

/**
 * The places for moves that connect to other servers: one per account at a time, a few per IP address and a number
 * for the whole server (the settings say how many), so nobody can make this server open connections without bound.
 * A move that holds its place longer than the time limit is stopped. The admin console lists the moves that hold one.
 */
public final class TransferSlots {
    enum Refusal { ACCOUNT_BUSY, ADDRESS_BUSY, SERVER_BUSY }

    /** Into this server from another, or out of it. */
    enum Direction { IN, OUT }

    /** How far a move got: its stage, and where it counts something (messages read, contacts asked), how many of how many (0 when unknown). */
    record Progress(String stage, long done, long of) {
    }

    /** A move that holds a place, as the place sees it. */
    interface Move {
        Progress progress();

        /** Ends the move: its connection closes and its page says {@code why}. */
        void stop(String why);
    }

    /** A move holding a place now, for the admin console. */
    record Running(String account, Direction direction, JID other, Instant started, Progress progress) {
    }

    /** A place taken; closing it frees it (twice is harmless). */
    final class Slot implements AutoCloseable {
        private final String account;
        private final String address;
        private final Direction direction;
        private final JID other;
        private final Instant started;
        private Move move;
        private ScheduledFuture<?> deadline;
        private boolean open = true;

        private Slot(String account, String address, Direction direction, JID other, Instant started) {
            this.account = account;
            this.address = address;
            this.direction = direction;
            this.other = other;
            this.started = started;
        }

        /** The move this place is for: listed from now on, and stopped when the time limit is up. */
        void holds(Move held) {
            synchronized (TransferSlots.this) {
                if (!open) {
                    return;
                }
                move = held;
                Duration limit = maxTime.get();
                deadline = timer().schedule(() -> held.stop("it took longer than " + limit.toMinutes() + " minutes, the limit on this server"),
                        limit.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void close() {
            synchronized (TransferSlots.this) {
                if (open) {
                    open = false;
                    if (deadline != null) {
                        deadline.cancel(false);
                    }
                    slots.remove(this);
                    accounts.remove(account);
                    addresses.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
                }
            }
        }
    }

    /** Thrown when there is no place; says which limit stopped it. */
    static final class NoSlot extends Exception {
        final Refusal refusal;

        NoSlot(Refusal refusal) {
            super(refusal.name());
            this.refusal = refusal;
        }
    }

    private final IntSupplier maxTotal;
    private final IntSupplier maxPerAddress;
    private final Supplier<Duration> maxTime;
    private final Clock clock;
    private final Set<String> accounts = new HashSet<>();
    private final Map<String, Integer> addresses = new HashMap<>();
    private final Set<Slot> slots = new LinkedHashSet<>();
    private ScheduledExecutorService timer;

    TransferSlots(IntSupplier maxTotal, IntSupplier maxPerAddress, Supplier<Duration> maxTime, Clock clock) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.maxTime = maxTime;
        this.clock = clock;
    }

    /** With the limits the settings say, as they change. */
    static TransferSlots of(Settings settings) {
        return new TransferSlots(settings::maxRemoteTransfers, settings::maxRemoteTransfersPerAddress, settings::maxRemoteTransferTime,
                Clock.systemUTC());
    }

    synchronized Slot take(String account, String address, Direction direction, JID other) throws NoSlot {
        if (accounts.contains(account)) {
            throw new NoSlot(Refusal.ACCOUNT_BUSY);
        }
        if (addresses.getOrDefault(address, 0) >= maxPerAddress.getAsInt()) {
            throw new NoSlot(Refusal.ADDRESS_BUSY);
        }
        if (slots.size() >= maxTotal.getAsInt()) {
            throw new NoSlot(Refusal.SERVER_BUSY);
        }
        accounts.add(account);
        addresses.merge(address, 1, Integer::sum);
        Slot slot = new Slot(account, address, direction, other, clock.instant());
        slots.add(slot);
        return slot;
    }

    /** The moves holding a place, oldest first. */
    List<Running> running() {
        List<Slot> held;
        synchronized (this) {
            held = slots.stream().filter(slot -> slot.move != null).toList();
        }
        // progress() takes the move's own lock: asked outside this one, so a move closing its place cannot deadlock with it
        List<Running> running = new ArrayList<>();
        for (Slot slot : held) {
            running.add(new Running(slot.account, slot.direction, slot.other, slot.started, slot.move.progress()));
        }
        running.sort(Comparator.comparing(Running::started));
        return running;
    }

    /** Stops every move (the plugin is unloading) and the timer. */
    public void shutdown() {
        List<Move> moves;
        synchronized (this) {
            moves = slots.stream().map(slot -> slot.move).filter(move -> move != null).toList();
            if (timer != null) {
                timer.shutdownNow();
            }
        }
        moves.forEach(move -> move.stop("this server's Account Portability plugin was stopped"));
    }

    private synchronized ScheduledExecutorService timer() {
        if (timer == null || timer.isShutdown()) {
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "Account Portability move time limit");
                thread.setDaemon(true);
                return thread;
            });
        }
        return timer;
    }
}
