package org.modernxmpp.portability;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.io.file.PathUtils;
import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.openfire.container.PluginManager;
import org.jivesoftware.openfire.event.UserEventDispatcher;
import org.jivesoftware.openfire.http.HttpBindManager;
import org.jivesoftware.openfire.interceptor.InterceptorManager;
import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.jivesoftware.openfire.lockout.LockOutManager;
import org.jivesoftware.util.JiveGlobals;
import org.modernxmpp.portability.openfire.OpenfireAuditLog;
import org.modernxmpp.portability.openfire.OpenfireMoves;
import org.modernxmpp.portability.openfire.OpenfirePasswordCheck;
import org.modernxmpp.portability.openfire.OpenfirePorts;
import org.modernxmpp.portability.openfire.OpenfireSettings;
import org.modernxmpp.portability.transfer.BackgroundJobs;
import org.modernxmpp.portability.web.PortabilityContext;
import org.modernxmpp.portability.web.SelfServiceEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin's life cycle in Openfire. Everything the plugin adds to the server is registered through
 * {@link Registrations} in {@link #initializePlugin} and removed, newest first, in {@link #destroyPlugin},
 * so unloading or reloading the plugin leaves nothing behind.
 */
public final class AccountPortabilityPlugin implements Plugin {
    /** The name in plugin.xml, by which the pages find the plugin. */
    public static final String NAME = "Account Portability";
    private static final Logger LOG = LoggerFactory.getLogger(AccountPortabilityPlugin.class);

    private final Registrations registrations = new Registrations();
    private volatile PortabilityContext context;

    @Override
    public void initializePlugin(PluginManager manager, File pluginDirectory) {
        OpenfireSettings settings = new OpenfireSettings(NAME);
        registrations.added("settings", settings::remove);
        BackgroundJobs jobs = new BackgroundJobs();
        registrations.added("background jobs", () -> jobs.shutdown(30, TimeUnit.SECONDS));
        Path work = JiveGlobals.getHomePath().resolve("accountportability");
        OpenfireMoves moves = moves(settings, work);
        context = new PortabilityContext(() -> OpenfirePorts.of(XMPPServer.getInstance()), jobs, () -> work,
                new OpenfirePasswordCheck(LockOutManager.getInstance()), new OpenfireAuditLog(), settings, moves.moves());
        registrations.added("moves to and from other servers", context.transfers()::shutdown);
        ServletContextHandler selfService = SelfServiceEndpoint.context(context);
        HttpBindManager.getInstance().addJettyHandler(selfService);
        registrations.added("self-service page at " + SelfServiceEndpoint.PATH,
                () -> HttpBindManager.getInstance().removeJettyHandler(selfService));
        removeLeftovers(context.workDirectory().get());
        LOG.info("Account Portability {} started from {}", version(), pluginDirectory);
    }

    /**
     * XEP-0283 on the server: local users' rosters follow their contacts' confirmed moves, and accounts that moved
     * here tell their contacts (runs cut short by a restart go on).
     */
    private OpenfireMoves moves(OpenfireSettings settings, Path work) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread named = new Thread(task, "accountportability-moves");
            named.setDaemon(true);
            return named;
        });
        registrations.added("moves thread", thread::shutdownNow);
        OpenfireMoves moves = OpenfireMoves.of(XMPPServer.getInstance(), settings, work.resolve("moves"), thread);
        for (PacketInterceptor interceptor : moves.interceptors()) {
            InterceptorManager.getInstance().addInterceptor(interceptor);
            registrations.added("XEP-0283 interceptor " + interceptor.getClass().getSimpleName(),
                    () -> InterceptorManager.getInstance().removeInterceptor(interceptor));
        }
        UserEventDispatcher.addListener(moves.accounts());
        registrations.added("XEP-0283 account listener", () -> UserEventDispatcher.removeListener(moves.accounts()));
        moves.moves().notifier().resumeAll();
        return moves;
    }

    /**
     * Exports and uploads of an earlier run: no page links to them any more, and an export may hold password hashes.
     * The import folder, which the admin fills, stays.
     */
    private static void removeLeftovers(Path work) {
        for (String folder : new String[] {"exports", "uploads"}) {
            Path leftovers = work.resolve(folder);
            if (Files.isDirectory(leftovers)) {
                try {
                    PathUtils.deleteDirectory(leftovers);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Could not remove {}", leftovers, e);
                }
            }
        }
    }

    /** What the pages work with; null before the plugin is initialised. */
    public PortabilityContext context() {
        return context;
    }

    @Override
    public void destroyPlugin() {
        registrations.removeAll();
        LOG.info("Account Portability stopped");
    }

    /** What is currently registered with the server (for tests and diagnostics). */
    Registrations registrations() {
        return registrations;
    }

    private static String version() {
        String version = AccountPortabilityPlugin.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
