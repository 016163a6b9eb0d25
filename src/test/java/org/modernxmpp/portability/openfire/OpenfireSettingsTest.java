package org.modernxmpp.portability.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jivesoftware.util.SystemProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;
import org.modernxmpp.portability.web.Settings;

/** The settings are Openfire system properties of the plugin, with defaults, bounds and dynamism, and are changed through them. */
class OpenfireSettingsTest {
    private MockedStatic<SystemProperty.Builder> builders;
    private final Map<String, SystemProperty<Object>> properties = new HashMap<>();
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, SystemProperty.Builder<Object>> built = new HashMap<>();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void registry() {
        builders = mockStatic(SystemProperty.Builder.class);
        builders.when(() -> SystemProperty.Builder.ofType(any())).thenAnswer(call -> {
            SystemProperty.Builder<Object> builder = mock(SystemProperty.Builder.class, RETURNS_SELF);
            String[] key = new String[1];
            Object[] defaults = new Object[1];
            when(builder.setKey(anyString())).thenAnswer(c -> { key[0] = c.getArgument(0); return builder; });
            when(builder.setDefaultValue(any())).thenAnswer(c -> { defaults[0] = c.getArgument(0); return builder; });
            when(builder.build()).thenAnswer(c -> {
                SystemProperty<Object> property = mock(SystemProperty.class);
                when(property.getKey()).thenReturn(key[0]);
                when(property.getDefaultValue()).thenReturn(defaults[0]);
                when(property.getValue()).thenAnswer(v -> values.getOrDefault(key[0], defaults[0]));
                org.mockito.Mockito.doAnswer(v -> values.put(key[0], v.getArgument(0))).when(property).setValue(any());
                properties.put(key[0], property);
                built.put(key[0], builder);
                return property;
            });
            return builder;
        });
    }

    @AfterEach
    void close() {
        builders.close();
    }

    @Test
    void everySettingIsAPropertyOfThePluginWithItsDefault() {
        Settings settings = new OpenfireSettings("Account Portability");

        assertEquals(List.of("plugin.accountportability.import.maxUploadMB", "plugin.accountportability.selfservice.enabled",
                "plugin.accountportability.selfservice.maxUploadMB", "plugin.accountportability.selfservice.signin.maxFailuresPerAccount",
                "plugin.accountportability.selfservice.signin.maxFailuresPerAddress",
                "plugin.accountportability.selfservice.signin.holdOffMinutes", "plugin.accountportability.moved.followContacts",
                "plugin.accountportability.moved.verifyTimeoutSeconds", "plugin.accountportability.moved.noticesPerMinute",
                "plugin.accountportability.moved.keepTombstones", "plugin.accountportability.moved.tombstoneDays",
                "plugin.accountportability.remote.moveIn.enabled", "plugin.accountportability.remote.moveOut.enabled",
                "plugin.accountportability.remote.allowInternalAddresses", "plugin.accountportability.remote.trustStore",
                "plugin.accountportability.remote.trustStorePassword", "plugin.accountportability.remote.timeoutSeconds",
                "plugin.accountportability.remote.maxTransfers", "plugin.accountportability.remote.maxTransfersPerAddress",
                "plugin.accountportability.remote.maxTransferMinutes",
                "plugin.accountportability.selfservice.closingNotice"), settings.all().stream().map(Settings.Setting::key).toList());
        built.values().forEach(b -> verify(b).setPlugin("Account Portability"));
        verify(built.get("plugin.accountportability.selfservice.maxUploadMB")).setDynamic(false);
        verify(built.get("plugin.accountportability.import.maxUploadMB")).setMinValue(1);
        assertEquals(Settings.DEFAULTS.adminUploadBytes(), settings.adminUploadBytes());
        assertEquals(Settings.DEFAULTS.selfServiceUploadBytes(), settings.selfServiceUploadBytes());
        assertEquals(Settings.DEFAULTS.followMovedContacts(), settings.followMovedContacts());
        assertEquals(Settings.DEFAULTS.moveVerificationTimeout(), settings.moveVerificationTimeout());
        assertEquals(Settings.DEFAULTS.movedNoticesPerMinute(), settings.movedNoticesPerMinute());
        assertEquals(Settings.DEFAULTS.keepTombstones(), settings.keepTombstones());
        assertEquals(Settings.DEFAULTS.tombstoneLifetime(), settings.tombstoneLifetime());
        assertEquals(Duration.ofMinutes(15), settings.signInHoldOff());
        assertTrue(settings.selfServiceEnabled());
        assertEquals(Settings.DEFAULTS.maxRemoteTransferTime(), settings.maxRemoteTransferTime());
    }

    /** Openfire's System Properties page describes a plugin's property from the plugin's bundle, and logs each it lacks. */
    @Test
    void everySettingIsDescribedInThePluginsBundleForOpenfiresOwnPage() throws Exception {
        java.util.Properties bundle = new java.util.Properties();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("i18n/accountportability_i18n.properties"))) {
            bundle.load(in);
        }
        for (Settings.Setting setting : new OpenfireSettings("Account Portability").all()) {
            String description = bundle.getProperty("system_property." + setting.key());
            assertTrue(description != null && !description.isBlank(), "no description of " + setting.key() + " in the i18n bundle");
        }
    }

    @Test
    void changesGoThroughTheProperties() {
        Settings settings = new OpenfireSettings("Account Portability");

        assertTrue(settings.set("plugin.accountportability.selfservice.enabled", "false"));
        assertTrue(settings.set("plugin.accountportability.selfservice.signin.maxFailuresPerAccount", " 3 "));

        assertFalse(settings.selfServiceEnabled());
        assertEquals(3, settings.signInFailuresPerAccount());
        verify(properties.get("plugin.accountportability.selfservice.enabled")).setValue(false);
        assertFalse(settings.set("plugin.accountportability.nothing", "1"));
        assertThrows(IllegalArgumentException.class, () -> settings.set("plugin.accountportability.selfservice.enabled", "yes"));
        assertThrows(IllegalArgumentException.class, () -> settings.set("plugin.accountportability.import.maxUploadMB", "lots"));
    }
}
