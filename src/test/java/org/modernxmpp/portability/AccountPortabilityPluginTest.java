package org.modernxmpp.portability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.ee8.nested.ContextHandler;
import org.jivesoftware.openfire.container.PluginManager;
import org.jivesoftware.openfire.http.HttpBindManager;
import org.jivesoftware.openfire.lockout.LockOutManager;
import org.jivesoftware.util.JiveGlobals;
import org.jivesoftware.util.SystemProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.event.UserEventDispatcher;
import org.jivesoftware.openfire.interceptor.InterceptorManager;
import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.mockito.ArgumentCaptor;
import org.mockito.MockedStatic;
import org.modernxmpp.portability.web.SelfServiceEndpoint;

/** Whatever the plugin registers is removed when Openfire unloads it, newest first, even past a failing removal. */
class AccountPortabilityPluginTest {

    @TempDir
    Path home;

    @Test
    void destroyRemovesEveryRegistrationNewestFirst() throws Exception {
        HttpBindManager http = mock(HttpBindManager.class);
        try (MockedStatic<HttpBindManager> httpBind = mockStatic(HttpBindManager.class);
             MockedStatic<LockOutManager> lockOut = mockStatic(LockOutManager.class);
             MockedStatic<SystemProperty.Builder> properties = mockStatic(SystemProperty.Builder.class);
             MockedStatic<SystemProperty> registry = mockStatic(SystemProperty.class);
             MockedStatic<JiveGlobals> globals = mockStatic(JiveGlobals.class);
             MockedStatic<XMPPServer> servers = mockStatic(XMPPServer.class);
             MockedStatic<InterceptorManager> interceptors = mockStatic(InterceptorManager.class);
             MockedStatic<UserEventDispatcher> userEvents = mockStatic(UserEventDispatcher.class)) {
            XMPPServer server = mock(XMPPServer.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
            when(server.getServerInfo().getXMPPDomain()).thenReturn("example.org");
            servers.when(XMPPServer::getInstance).thenReturn(server);
            InterceptorManager interceptorManager = mock(InterceptorManager.class);
            interceptors.when(InterceptorManager::getInstance).thenReturn(interceptorManager);
            globals.when(JiveGlobals::getHomePath).thenReturn(home);
            Path work = home.resolve("accountportability");
            Files.createDirectories(work.resolve("exports/old-job"));
            Files.writeString(work.resolve("exports/old-job/all-users-with-credentials.xml"), "<server-data/>");
            Files.createDirectories(work.resolve("import"));
            Files.writeString(work.resolve("import/big.xml"), "<server-data/>");
            SystemProperty.Builder<?> builder = mock(SystemProperty.Builder.class, org.mockito.Mockito.RETURNS_SELF);
            when(builder.build()).thenAnswer(call -> {
                SystemProperty<Object> property = mock(SystemProperty.class);
                when(property.getValue()).thenReturn(64); // the upload limit, read when the self-service site is set up
                return property;
            });
            properties.when(() -> SystemProperty.Builder.ofType(any())).thenReturn(builder);
            httpBind.when(HttpBindManager::getInstance).thenReturn(http);
            lockOut.when(LockOutManager::getInstance).thenReturn(mock(LockOutManager.class));
            AccountPortabilityPlugin plugin = new AccountPortabilityPlugin();
            plugin.initializePlugin(mock(PluginManager.class), new File("plugins/accountportability"));

            ArgumentCaptor<ContextHandler> added = ArgumentCaptor.forClass(ContextHandler.class);
            verify(http).addJettyHandler(added.capture());
            assertEquals(SelfServiceEndpoint.PATH, added.getValue().getContextPath());
            assertNotNull(plugin.context());
            ArgumentCaptor<PacketInterceptor> registered = ArgumentCaptor.forClass(PacketInterceptor.class);
            verify(interceptorManager, org.mockito.Mockito.times(3)).addInterceptor(registered.capture());
            assertNotNull(plugin.context().moves());
            assertFalse(Files.exists(work.resolve("exports")), "an old run's exports (maybe with credentials) are gone");
            assertTrue(Files.exists(work.resolve("import/big.xml")), "what the admin put into the import folder stays");

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
            verify(http).removeJettyHandler(added.getValue());
            userEvents.verify(() -> UserEventDispatcher.addListener(any()));
            userEvents.verify(() -> UserEventDispatcher.removeListener(any()));
            registered.getAllValues().forEach(i -> verify(interceptorManager).removeInterceptor(i));
            registry.verify(() -> SystemProperty.removePropertiesForPlugin(AccountPortabilityPlugin.NAME));
        }
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
