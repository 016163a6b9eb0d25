package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;

/** The places for moves to and from other servers: the three caps, the time limit, and stopping everything on unload. */
class TransferSlotsTest {
    private final AtomicReference<Duration> limit = new AtomicReference<>(Duration.ofHours(3));
    private final TransferSlots slots = new TransferSlots(() -> 3, () -> 2, limit::get, Clock.systemUTC());
    private static final JID OTHER = new JID("juliet@old.example");

    @AfterEach
    void stop() {
        slots.shutdown();
    }

    @Test
    void oneMovePerAccountAFewPerAddressAndANumberForTheServer() throws Exception {
        TransferSlots.Slot first = slots.take("juliet", "192.0.2.1", TransferSlots.Direction.IN, OTHER);
        assertEquals(TransferSlots.Refusal.ACCOUNT_BUSY,
                assertThrows(TransferSlots.NoSlot.class, () -> slots.take("juliet", "198.51.100.1", TransferSlots.Direction.OUT, OTHER)).refusal);
        slots.take("romeo", "192.0.2.1", TransferSlots.Direction.IN, OTHER);
        assertEquals(TransferSlots.Refusal.ADDRESS_BUSY,
                assertThrows(TransferSlots.NoSlot.class, () -> slots.take("paris", "192.0.2.1", TransferSlots.Direction.IN, OTHER)).refusal);
        slots.take("paris", "198.51.100.1", TransferSlots.Direction.IN, OTHER);
        assertEquals(TransferSlots.Refusal.SERVER_BUSY,
                assertThrows(TransferSlots.NoSlot.class, () -> slots.take("nurse", "203.0.113.1", TransferSlots.Direction.IN, OTHER)).refusal);

        first.close();
        first.close(); // twice frees one place, not two
        slots.take("juliet", "192.0.2.1", TransferSlots.Direction.OUT, OTHER);
        assertEquals(TransferSlots.Refusal.SERVER_BUSY,
                assertThrows(TransferSlots.NoSlot.class, () -> slots.take("nurse", "203.0.113.1", TransferSlots.Direction.IN, OTHER)).refusal);
    }

    @Test
    void aMoveThatHoldsItsPlacePastTheLimitIsStoppedAndItsPlaceFreed() throws Exception {
        limit.set(Duration.ofMillis(50));
        TransferSlots.Slot slot = slots.take("juliet", "192.0.2.1", TransferSlots.Direction.IN, OTHER);
        CompletableFuture<String> stopped = new CompletableFuture<>();
        slot.holds(new RecordingMove(why -> {
            slot.close(); // as a move does when it disconnects
            stopped.complete(why);
        }));

        assertEquals("it took longer than 0 minutes, the limit on this server", stopped.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(), slots.running());
        slots.take("juliet", "192.0.2.1", TransferSlots.Direction.IN, OTHER);
    }

    @Test
    void aMoveThatEndsInTimeIsNeverStopped() throws Exception {
        limit.set(Duration.ofMillis(200));
        TransferSlots.Slot slot = slots.take("juliet", "192.0.2.1", TransferSlots.Direction.IN, OTHER);
        CompletableFuture<String> stopped = new CompletableFuture<>();
        slot.holds(new RecordingMove(stopped::complete));
        slot.close();
        // a later move's limit runs out after the first one's would have: by then the first had its chance to be stopped
        TransferSlots.Slot later = slots.take("romeo", "192.0.2.2", TransferSlots.Direction.IN, OTHER);
        CompletableFuture<String> laterStopped = new CompletableFuture<>();
        later.holds(new RecordingMove(laterStopped::complete));
        laterStopped.get(10, TimeUnit.SECONDS);
        assertTrue(!stopped.isDone(), "stopped after its place was given up: " + stopped.getNow(null));
    }

    @Test
    void unloadingThePluginStopsEveryMove() throws Exception {
        CompletableFuture<String> stopped = new CompletableFuture<>();
        slots.take("juliet", "192.0.2.1", TransferSlots.Direction.OUT, OTHER).holds(new RecordingMove(stopped::complete));

        slots.shutdown();

        assertEquals("this server's Account Portability plugin was stopped", stopped.getNow("still running"));
    }

    private record RecordingMove(java.util.function.Consumer<String> onStop) implements TransferSlots.Move {
        @Override
        public TransferSlots.Progress progress() {
            return new TransferSlots.Progress("READING", 0, 0);
        }

        @Override
        public void stop(String why) {
            onStop.accept(why);
        }
    }
}
