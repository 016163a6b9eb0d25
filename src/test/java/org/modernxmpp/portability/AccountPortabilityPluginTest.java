package org.modernxmpp.portability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.jivesoftware.openfire.container.PluginManager;
import org.junit.jupiter.api.Test;

/** Whatever the plugin registers is removed when Openfire unloads it, newest first, even past a failing removal. */
class AccountPortabilityPluginTest {

    @Test
    void destroyRemovesEveryRegistrationNewestFirst() {
        AccountPortabilityPlugin plugin = new AccountPortabilityPlugin();
        plugin.initializePlugin(mock(PluginManager.class), new File("plugins/accountportability"));
        List<String> removed = new ArrayList<>();
        plugin.registrations().added("IQ handler", () -> removed.add("IQ handler"));
        plugin.registrations().added("interceptor", () -> {
            removed.add("interceptor");
            throw new IllegalStateException("already gone");
        });
        plugin.registrations().added("servlet", () -> removed.add("servlet"));

        plugin.destroyPlugin();

        assertEquals(List.of("servlet", "interceptor", "IQ handler"), removed);
        assertEquals(0, plugin.registrations().size());
    }

    @Test
    void aSecondDestroyRemovesNothingTwice() {
        Registrations registrations = new Registrations();
        List<String> removed = new ArrayList<>();
        registrations.added("listener", () -> removed.add("listener"));

        assertEquals(0, registrations.removeAll());
        assertEquals(0, registrations.removeAll());
        assertEquals(List.of("listener"), removed);
    }
}
