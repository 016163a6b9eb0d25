package org.modernxmpp.portability.openfire;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jivesoftware.util.SystemProperty;
import org.modernxmpp.portability.web.Settings;

/**
 * The plugin's settings as Openfire system properties (plugin.accountportability.*), so they are stored in Openfire's
 * database, clustered, and shown on Openfire's System Properties page too. Created when the plugin starts and removed
 * when it stops ({@link #remove}), since Openfire keeps one registry of properties for the whole server.
 */
public final class OpenfireSettings implements Settings {
    private static final String PREFIX = "plugin.accountportability.";

    private record Entry(SystemProperty<?> property, String description, boolean dynamic) {
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
    }

    private SystemProperty<Integer> integer(String key, int defaultValue, int min, int max, boolean dynamic, String description) {
        SystemProperty<Integer> property = SystemProperty.Builder.ofType(Integer.class).setKey(PREFIX + key)
                .setDefaultValue(defaultValue).setMinValue(min).setMaxValue(max).setDynamic(dynamic).setPlugin(plugin).build();
        entries.put(property.getKey(), new Entry(property, description, dynamic));
        return property;
    }

    private SystemProperty<Boolean> bool(String key, boolean defaultValue, boolean dynamic, String description) {
        SystemProperty<Boolean> property = SystemProperty.Builder.ofType(Boolean.class).setKey(PREFIX + key)
                .setDefaultValue(defaultValue).setDynamic(dynamic).setPlugin(plugin).build();
        entries.put(property.getKey(), new Entry(property, description, dynamic));
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

    @Override
    public List<Setting> all() {
        List<Setting> all = new ArrayList<>();
        entries.forEach((key, entry) -> all.add(new Setting(key, String.valueOf(entry.property().getValue()),
                String.valueOf(entry.property().getDefaultValue()), entry.description(), entry.dynamic())));
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
        if (entry.property().getDefaultValue() instanceof Boolean) {
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
