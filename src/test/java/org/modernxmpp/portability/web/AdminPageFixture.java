package org.modernxmpp.portability.web;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.modernxmpp.portability.account.AccountPorts;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.transfer.BackgroundJobs;

/**
 * What every page test has: one embedded Jetty per test class and, per test, an empty in-memory
 * {@value AdminConsole#DOMAIN}, a real {@link BackgroundJobs} (shut down after the test), a work folder of its own and
 * an audit log the test can read.
 */
abstract class AdminPageFixture {
    static AdminConsole console;

    InMemoryServer server;
    BackgroundJobs jobs;
    /** What the pages recorded in the audit log, one "summary | details" line per entry. */
    final List<String> audit = new CopyOnWriteArrayList<>();
    @TempDir
    Path work;

    @BeforeAll
    static void startJetty() throws Exception {
        console = AdminConsole.start();
    }

    @AfterAll
    static void stopJetty() throws Exception {
        console.close();
    }

    @BeforeEach
    void freshServer() throws Exception {
        server = new InMemoryServer(AdminConsole.DOMAIN);
        jobs = new BackgroundJobs();
        console.use(context(server::ports));
    }

    /** The test's context over other ports than the plain in-memory ones (a gated roster, say). */
    PortabilityContext context(Supplier<AccountPorts> ports) {
        return AdminConsole.context(ports, jobs, work, (admin, summary, details) -> audit.add(summary + " | " + details));
    }

    /** The test's context with another upload limit than Openfire's default of 1 GB. */
    PortabilityContext contextWithUploadLimit(long bytes) {
        // a proxy over the defaults, so that settings added later need nothing here
        Settings limited = (Settings) java.lang.reflect.Proxy.newProxyInstance(Settings.class.getClassLoader(),
                new Class<?>[] {Settings.class}, (proxy, method, args) -> method.getName().equals("adminUploadBytes") ? bytes
                        : method.invoke(Settings.DEFAULTS, args));
        PortabilityContext plain = context(server::ports);
        return new PortabilityContext(plain.ports(), plain.jobs(), plain.workDirectory(), plain.passwords(), plain.audit(), limited);
    }

    @AfterEach
    void stopJobs() throws InterruptedException {
        jobs.shutdown(30, TimeUnit.SECONDS);
    }
}
