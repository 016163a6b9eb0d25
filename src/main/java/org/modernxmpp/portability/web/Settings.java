package org.modernxmpp.portability.web;

import java.time.Duration;
import java.util.List;

import org.modernxmpp.portability.remote.RemoteSettings;

/**
 * The plugin's settings as the pages read them (in Openfire: system properties an admin changes on the settings page
 * or on Openfire's own System Properties page). Read on every use, so a change applies at once unless
 * {@link Setting#dynamic} says otherwise.
 */
public interface Settings {

    /**
     * One setting, for the settings page.
     *
     * @param value   as it is, or for a secret "(set)" or empty: a secret is never shown or logged
     * @param dynamic false when it applies only after the plugin is reloaded
     */
    record Setting(String key, String value, String defaultValue, String description, boolean dynamic, boolean secret) {
    }

    /** The largest file an admin may upload for import. */
    long adminUploadBytes();

    boolean selfServiceEnabled();

    /** The largest file a user may upload on the self-service page. */
    long selfServiceUploadBytes();

    int signInFailuresPerAccount();

    int signInFailuresPerAddress();

    Duration signInHoldOff();

    /** Whether local users' rosters follow their contacts' verified moves (XEP-0283) without asking them. */
    boolean followMovedContacts();

    /** How long to wait for an old address to confirm a move before the request goes to the user as it came. */
    Duration moveVerificationTimeout();

    /** How many contacts per minute a moved account tells about its new address. */
    int movedNoticesPerMinute();

    /** Whether a moved account an admin deletes leaves a tombstone that still names its new address. */
    boolean keepTombstones();

    /** How long a tombstone lasts. */
    Duration tombstoneLifetime();

    /** Whether users may bring their account in from another server (this server logs in there as their client). */
    boolean moveInEnabled();

    /** Whether users may send their account out to an account on another server, logged in there as its client. */
    boolean moveOutEnabled();

    /** How this server connects to other servers for its users: which addresses, which certificates, how long it waits. */
    RemoteSettings remoteSettings();

    /** Moves in or out running at once, from all users; one more waits for a free place. */
    int maxRemoteTransfers();

    /** Moves in or out running at once from one IP address. */
    int maxRemoteTransfersPerAddress();

    /** How long one move may hold its connection to another server, telling the contacts included; then it is stopped. */
    Duration maxRemoteTransferTime();

    /** A notice on every self-service page, e.g. that this server closes and by when to move; empty for none. */
    String closingNotice();

    /** Every setting with its value and default, for the settings page. */
    List<Setting> all();

    /** Changes one setting; false when there is no such key. @throws IllegalArgumentException for a value it cannot take */
    boolean set(String key, String value);

    /** Openfire's defaults, for tests and before the plugin has started. */
    Settings DEFAULTS = new Settings() {
        @Override public long adminUploadBytes() { return 1024L * 1024 * 1024; }
        @Override public boolean selfServiceEnabled() { return true; }
        @Override public long selfServiceUploadBytes() { return 64L * 1024 * 1024; }
        @Override public int signInFailuresPerAccount() { return 5; }
        @Override public int signInFailuresPerAddress() { return 20; }
        @Override public Duration signInHoldOff() { return Duration.ofMinutes(15); }
        @Override public boolean followMovedContacts() { return true; }
        @Override public Duration moveVerificationTimeout() { return Duration.ofSeconds(30); }
        @Override public int movedNoticesPerMinute() { return 30; }
        @Override public boolean keepTombstones() { return true; }
        @Override public Duration tombstoneLifetime() { return Duration.ofDays(365); }
        @Override public boolean moveInEnabled() { return true; }
        @Override public boolean moveOutEnabled() { return true; }
        @Override public RemoteSettings remoteSettings() { return RemoteSettings.defaults(); }
        @Override public int maxRemoteTransfers() { return 10; }
        @Override public int maxRemoteTransfersPerAddress() { return 2; }
        @Override public Duration maxRemoteTransferTime() { return Duration.ofMinutes(180); }
        @Override public String closingNotice() { return ""; }
        @Override public List<Setting> all() { return List.of(); }
        @Override public boolean set(String key, String value) { return false; }
    };
}
