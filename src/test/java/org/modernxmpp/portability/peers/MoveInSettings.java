package org.modernxmpp.portability.peers;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.modernxmpp.portability.remote.RemoteSettings;
import org.modernxmpp.portability.web.Settings;

/**
 * Openfire's defaults, but connecting to a peer on loopback as {@code remote} says, moving in or out on or off and the time limit
 * of a move as a test switches them.
 */
final class MoveInSettings implements Settings {
    private final RemoteSettings remote;
    private final BooleanSupplier moveIn;
    private volatile Duration timeLimit = DEFAULTS.maxRemoteTransferTime();
    private volatile boolean moveOut = true;

    MoveInSettings(RemoteSettings remote, BooleanSupplier moveIn) {
        this.remote = remote;
        this.moveIn = moveIn;
    }

    @Override public RemoteSettings remoteSettings() { return remote; }
    @Override public boolean moveInEnabled() { return moveIn.getAsBoolean(); }
    @Override public long adminUploadBytes() { return DEFAULTS.adminUploadBytes(); }
    @Override public boolean selfServiceEnabled() { return true; }
    @Override public long selfServiceUploadBytes() { return DEFAULTS.selfServiceUploadBytes(); }
    @Override public int signInFailuresPerAccount() { return DEFAULTS.signInFailuresPerAccount(); }
    @Override public int signInFailuresPerAddress() { return DEFAULTS.signInFailuresPerAddress(); }
    @Override public Duration signInHoldOff() { return DEFAULTS.signInHoldOff(); }
    @Override public boolean followMovedContacts() { return DEFAULTS.followMovedContacts(); }
    @Override public Duration moveVerificationTimeout() { return DEFAULTS.moveVerificationTimeout(); }
    @Override public int movedNoticesPerMinute() { return 6000; } // 10 ms apart: a test need not wait
    @Override public boolean keepTombstones() { return DEFAULTS.keepTombstones(); }
    @Override public Duration tombstoneLifetime() { return DEFAULTS.tombstoneLifetime(); }
    @Override public boolean moveOutEnabled() { return moveOut; }

    /** Whether users may move out from now on. */
    void moveOut(boolean allowed) {
        moveOut = allowed;
    }
    @Override public int maxRemoteTransfers() { return DEFAULTS.maxRemoteTransfers(); }
    @Override public int maxRemoteTransfersPerAddress() { return DEFAULTS.maxRemoteTransfersPerAddress(); }
    @Override public Duration maxRemoteTransferTime() { return timeLimit; }

    /** How long a move may hold its connection from now on. */
    void timeLimit(Duration limit) {
        timeLimit = limit;
    }
    @Override public String closingNotice() { return "This server closes on 31 December. Please move your account."; }
    @Override public List<Setting> all() { return List.of(); }
    @Override public boolean set(String key, String value) { return false; }
}
