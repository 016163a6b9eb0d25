package org.modernxmpp.portability.openfire;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jivesoftware.util.SystemProperty;
import org.modernxmpp.portability.remote.AddressPolicy;
import org.modernxmpp.portability.remote.RemoteSettings;
import org.modernxmpp.portability.web.Settings;

/**
 * The plugin's settings as Openfire system properties (plugin.accountportability.*), so they are stored in Openfire's
 * database, clustered, and shown on Openfire's System Properties page too. Created when the plugin starts and removed
 * when it stops ({@link #remove}), since Openfire keeps one registry of properties for the whole server.
 */
public final class OpenfireSettings implements Settings {
    private static final String PREFIX = "plugin.accountportability.";

    private record Entry(SystemProperty<?> property, String description, boolean dynamic, boolean secret) {
    }

    private final String plugin;
    private final SystemProperty<Integer> importMaxUploadMb;
    private final SystemProperty<Boolean> selfServiceEnabled;
    private final SystemProperty<Integer> selfServiceMaxUploadMb;
    private final SystemProperty<Integer> failuresPerAccount;
    private final SystemProperty<Integer> failuresPerAddress;
    private final SystemProperty<Integer> holdOffMinutes;
    private final SystemProperty<Boolean> followMoves;
    private final SystemProperty<Integer> verifyTimeoutSeconds;
    private final SystemProperty<Integer> noticesPerMinute;
    private final SystemProperty<Boolean> keepTombstones;
    private final SystemProperty<Integer> tombstoneDays;
    private final SystemProperty<Boolean> moveIn;
    private final SystemProperty<Boolean> moveOut;
    private final SystemProperty<Boolean> internalAddresses;
    private final SystemProperty<String> trustStore;
    private final SystemProperty<String> trustStorePassword;
    private final SystemProperty<Integer> remoteTimeoutSeconds;
    private final SystemProperty<Integer> maxTransfers;
    private final SystemProperty<Integer> maxTransfersPerAddress;
    private final SystemProperty<Integer> maxTransferMinutes;
    private final SystemProperty<String> closingNotice;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public OpenfireSettings(String plugin) {
        this.plugin = plugin;
        importMaxUploadMb = integer("import.maxUploadMB", 1024, 1, 64 * 1024, true,
                "The largest export file (MB) an admin may upload on the Import Accounts page.");
        selfServiceEnabled = bool("selfservice.enabled", true, true,
                "Whether users can use the self-service page (/account/ on the HTTP-binding ports).");
        selfServiceMaxUploadMb = integer("selfservice.maxUploadMB", 64, 1, 1024, false,
                "The largest export file (MB) a user may upload on the self-service page. Applies after the plugin is reloaded.");
        failuresPerAccount = integer("selfservice.signin.maxFailuresPerAccount", 5, 1, 1000, true,
                "Failed sign-ins to one account, from anywhere, before further attempts are held off.");
        failuresPerAddress = integer("selfservice.signin.maxFailuresPerAddress", 20, 1, 10_000, true,
                "Failed sign-ins from one IP address, to any account, before further attempts are held off.");
        holdOffMinutes = integer("selfservice.signin.holdOffMinutes", 15, 1, 24 * 60, true,
                "How long (minutes) failed sign-ins are counted, and so how long a held-off account or address waits.");
        followMoves = bool("moved.followContacts", true, true,
                "When a contact of a local user moves (XEP-0283) and the old address confirms it, the user's roster follows"
                        + " at once: the new address gets the old one's name, groups and approval, and the user sees no request.");
        verifyTimeoutSeconds = integer("moved.verifyTimeoutSeconds", 30, 1, 300, true,
                "How long (seconds) to wait for a moved contact's old address to confirm the move; without an answer in"
                        + " time the request goes to the user as an ordinary one.");
        noticesPerMinute = integer("moved.noticesPerMinute", 30, 1, 600, true,
                "How many contacts per minute a moved account tells about its new address (each gets a subscription"
                        + " request); slower is kinder to contacts' servers when many users move at once.");
        keepTombstones = bool("moved.keepTombstones", true, true,
                "When an admin deletes an account that says it moved (XEP-0283), keep answering queries for its statement"
                        + " with the new address, so contacts who have not switched yet still can.");
        tombstoneDays = integer("moved.tombstoneDays", 365, 1, 3650, true,
                "How long (days) a deleted moved account keeps answering with its new address.");
        moveIn = bool("remote.moveIn.enabled", true, true,
                "Whether users may move in from an account on another server: this server logs in there as the user's"
                        + " client (with the password they type, used for that connection only) and imports what it reads.");
        moveOut = bool("remote.moveOut.enabled", true, true,
                "Whether users may move out to an account on another server: this server logs in there as the user's"
                        + " client and writes the account's data into it.");
        internalAddresses = bool("remote.allowInternalAddresses", false, true,
                "Whether moves may connect to servers on loopback, private, link-local or this machine's own addresses."
                        + " Off: a user could otherwise make this server reach into its own network.");
        trustStore = text("remote.trustStore", "", false, true,
                "A PKCS#12 or JKS file of certificates to trust besides Java's own, for servers with a private CA; empty for none.");
        trustStorePassword = text("remote.trustStorePassword", "", true, true, "The password of that trust store.");
        remoteTimeoutSeconds = integer("remote.timeoutSeconds", 30, 5, 600, true,
                "How long (seconds) a move waits to connect to another server and for each of its answers.");
        maxTransfers = integer("remote.maxTransfers", 10, 1, 1000, true,
                "How many moves in or out may run at once, from all users; one more is asked to try again shortly.");
        maxTransfersPerAddress = integer("remote.maxTransfersPerAddress", 2, 1, 100, true,
                "How many moves in or out may run at once from one IP address.");
        maxTransferMinutes = integer("remote.maxTransferMinutes", 180, 5, 24 * 60, true,
                "How long (minutes) one move in or out may stay connected to the other server, telling the contacts included;"
                        + " then it is stopped. A move started again goes on where it stopped and asks no contact twice.");
        closingNotice = text("selfservice.closingNotice", "", false, true,
                "A notice shown on top of every self-service page, e.g. \"This server closes on 31 March: please move your"
                        + " account.\" Empty for none.");
    }

    private SystemProperty<String> text(String key, String defaultValue, boolean secret, boolean dynamic, String description) {
        SystemProperty<String> property = SystemProperty.Builder.ofType(String.class).setKey(PREFIX + key)
                .setDefaultValue(defaultValue).setDynamic(dynamic).setEncrypted(secret).setPlugin(plugin).build();
        entries.put(property.getKey(), new Entry(property, description, dynamic, secret));
        return property;
    }

    private SystemProperty<Integer> integer(String key, int defaultValue, int min, int max, boolean dynamic, String description) {
        SystemProperty<Integer> property = SystemProperty.Builder.ofType(Integer.class).setKey(PREFIX + key)
                .setDefaultValue(defaultValue).setMinValue(min).setMaxValue(max).setDynamic(dynamic).setPlugin(plugin).build();
        entries.put(property.getKey(), new Entry(property, description, dynamic, false));
        return property;
    }

    private SystemProperty<Boolean> bool(String key, boolean defaultValue, boolean dynamic, String description) {
        SystemProperty<Boolean> property = SystemProperty.Builder.ofType(Boolean.class).setKey(PREFIX + key)
                .setDefaultValue(defaultValue).setDynamic(dynamic).setPlugin(plugin).build();
        entries.put(property.getKey(), new Entry(property, description, dynamic, false));
        return property;
    }

    /** Takes the plugin's properties out of Openfire's registry (their stored values stay). */
    public void remove() {
        SystemProperty.removePropertiesForPlugin(plugin);
    }

    @Override public long adminUploadBytes() { return importMaxUploadMb.getValue() * 1024L * 1024; }
    @Override public boolean selfServiceEnabled() { return selfServiceEnabled.getValue(); }
    @Override public long selfServiceUploadBytes() { return selfServiceMaxUploadMb.getValue() * 1024L * 1024; }
    @Override public int signInFailuresPerAccount() { return failuresPerAccount.getValue(); }
    @Override public int signInFailuresPerAddress() { return failuresPerAddress.getValue(); }
    @Override public Duration signInHoldOff() { return Duration.ofMinutes(holdOffMinutes.getValue()); }
    @Override public boolean followMovedContacts() { return followMoves.getValue(); }
    @Override public boolean keepTombstones() { return keepTombstones.getValue(); }
    @Override public Duration tombstoneLifetime() { return Duration.ofDays(tombstoneDays.getValue()); }
    @Override public int movedNoticesPerMinute() { return noticesPerMinute.getValue(); }
    @Override public Duration moveVerificationTimeout() { return Duration.ofSeconds(verifyTimeoutSeconds.getValue()); }

    @Override public boolean moveInEnabled() { return moveIn.getValue(); }
    @Override public boolean moveOutEnabled() { return moveOut.getValue(); }
    @Override public int maxRemoteTransfers() { return maxTransfers.getValue(); }
    @Override public int maxRemoteTransfersPerAddress() { return maxTransfersPerAddress.getValue(); }
    @Override public Duration maxRemoteTransferTime() { return Duration.ofMinutes(maxTransferMinutes.getValue()); }
    @Override public String closingNotice() { return closingNotice.getValue() == null ? "" : closingNotice.getValue().trim(); }

    @Override
    public RemoteSettings remoteSettings() {
        RemoteSettings settings = RemoteSettings.defaults().withTimeout(Duration.ofSeconds(remoteTimeoutSeconds.getValue()))
                .withAddresses(internalAddresses.getValue() ? AddressPolicy.allowingInternal() : AddressPolicy.publicOnly());
        String store = trustStore.getValue() == null ? "" : trustStore.getValue().trim();
        return store.isEmpty() ? settings : settings.withTrustStore(Path.of(store),
                trustStorePassword.getValue() == null || trustStorePassword.getValue().isEmpty() ? null : trustStorePassword.getValue());
    }

    /** Secret values (the trust store's password) show as set or not, never as they are. */
    @Override
    public List<Setting> all() {
        List<Setting> all = new ArrayList<>();
        entries.forEach((key, entry) -> {
            String value = String.valueOf(entry.property().getValue());
            all.add(new Setting(key, entry.secret() ? (value.isEmpty() ? "" : "(set)") : value,
                    String.valueOf(entry.property().getDefaultValue()), entry.description(), entry.dynamic(), entry.secret()));
        });
        return all;
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean set(String key, String value) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return false;
        }
        String trimmed = value.trim();
        if (entry.property().getDefaultValue() instanceof String) {
            ((SystemProperty<String>) entry.property()).setValue(trimmed);
        } else if (entry.property().getDefaultValue() instanceof Boolean) {
            if (!trimmed.equals("true") && !trimmed.equals("false")) {
                throw new IllegalArgumentException(key + " must be true or false");
            }
            ((SystemProperty<Boolean>) entry.property()).setValue(Boolean.parseBoolean(trimmed));
        } else {
            int number;
            try {
                number = Integer.parseInt(trimmed);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number");
            }
            ((SystemProperty<Integer>) entry.property()).setValue(number);
        }
        return true;
    }
}
