package org.modernxmpp.portability.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * A Prosody 0.12 of the Debian package, run by the test: its own config and data under
 * {@code target/peers-live/<name>/}, listening on one loopback address only, as root ({@code run_as_root}), in the
 * foreground as a child process. Moves data with the package's own {@code prosody-migrator}, between the internal
 * storage and the xep0227 storage (one {@code <user>@<host>.xml} per account).
 *
 * <p>The 0.12 migrator writes and reads xep0227 files in its compiled-in data folder ({@code CFG_DATADIR},
 * {@code /var/lib/prosody}) whatever the config says. Rather than touch that folder, the test runs a copy of the
 * stock script in which only that constant points into {@code target/}.
 */
final class ProsodyPeer implements AutoCloseable {
    static final String PROSODY = "/usr/bin/prosody";
    static final String PROSODYCTL = "/usr/bin/prosodyctl";
    static final String MIGRATOR = "/usr/bin/prosody-migrator";

    private final Path base;
    private final PeerClient.Address address;
    private final Path config;
    private final int directTlsPort;
    private PeerProcess process;

    private ProsodyPeer(Path base, PeerClient.Address address, int directTlsPort) {
        this.base = base;
        this.address = address;
        this.config = base.resolve("prosody.cfg.lua");
        this.directTlsPort = directTlsPort;
    }

    /** Skips the calling test class when the Debian package is not installed (CI installs it). */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(PROSODY)) && Files.isExecutable(Path.of(PROSODYCTL))
                        && Files.isExecutable(Path.of(MIGRATOR)),
                "Prosody is not installed (apt-get install prosody; .ci/run does it): the live Prosody tests are skipped");
    }

    /** A new, empty Prosody setup in {@code target/peers-live/<name>}, not yet started, on a free port of {@code ip}. */
    static ProsodyPeer create(String name, String ip, String domain) throws IOException {
        Path base = PeerFiles.freshFolder(name);
        ProsodyPeer peer = new ProsodyPeer(base, new PeerClient.Address(ip, PeerFiles.freePort(ip), domain), -1);
        Files.createDirectories(base.resolve("data"));
        Files.createDirectories(base.resolve("certs"));
        PeerFiles.write(peer.config, PeerFiles.template("prosody/prosody.cfg.lua", peer.values()));
        return peer;
    }

    /**
     * As {@link #create}, but TLS is required: STARTTLS on {@link #address()}'s port, direct TLS on
     * {@link #directTlsPort()}, both with a certificate for {@code domain} from a CA of the test's own, whose trust
     * store {@link #certificates()} holds. Clients of {@link #address()} trust that CA only.
     */
    static ProsodyPeer createWithTls(String name, String ip, String domain) throws Exception {
        return createWithTls(name, ip, domain, PeerFiles.freePort(ip));
    }

    /** As {@link #createWithTls(String, String, String)}, with STARTTLS on {@code port} (5222: where a domain without SRV records is looked for). */
    static ProsodyPeer createWithTls(String name, String ip, String domain, int port) throws Exception {
        Path base = PeerFiles.freshFolder(name);
        TestCertificates certificates = TestCertificates.create(base.resolve("certs"), domain);
        int tlsPort = PeerFiles.freePortBesides(ip, port);
        ProsodyPeer peer = new ProsodyPeer(base, new PeerClient.Address(ip, port, domain, certificates.trustManager()), tlsPort);
        peer.certificates = certificates;
        Files.createDirectories(base.resolve("data"));
        Map<String, String> values = new java.util.HashMap<>(peer.values());
        values.put("TLS_PORT", Integer.toString(tlsPort));
        values.put("CERT", certificates.certificatePem().toString());
        values.put("KEY", certificates.keyPem().toString());
        PeerFiles.write(peer.config, PeerFiles.template("prosody/prosody-tls.cfg.lua", values));
        return peer;
    }

    private TestCertificates certificates;

    /** The CA and certificate of a peer made by {@link #createWithTls}, else null. */
    TestCertificates certificates() {
        return certificates;
    }

    /**
     * Loads a module of the tests' own ({@code peers-live/prosody/mod_NAME.lua}) besides the usual ones; before
     * {@link #start}.
     */
    void addModule(String name) throws IOException {
        Path modules = Files.createDirectories(base.resolve("modules"));
        PeerFiles.write(modules.resolve("mod_" + name + ".lua"), PeerFiles.template("prosody/mod_" + name + ".lua", Map.of()));
        String configuration = Files.readString(config);
        if (!configuration.contains("\"ping\";")) {
            throw new IllegalStateException("no modules_enabled list to add " + name + " to in " + config);
        }
        Files.writeString(config, "plugin_paths = { \"" + modules + "\" }\n"
                + configuration.replace("\"ping\";", "\"ping\"; \"" + name + "\";"));
    }

    /**
     * Keeps everything in SQLite (Debian's lua-dbi-sqlite3) instead of Prosody's flat files, whose archive store
     * rewrites itself as it grows and cannot take tens of thousands of messages in reasonable time; before
     * {@link #register} and {@link #start}.
     */
    void useSqlStorage() throws IOException {
        if (!Files.exists(Path.of("/usr/share/lua/5.1/DBI.lua")) && !Files.exists(Path.of("/usr/share/lua/5.4/DBI.lua"))) {
            throw new IllegalStateException("Prosody's SQL storage needs Debian's lua-dbi-sqlite3 (apt-get install lua-dbi-sqlite3)");
        }
        String configuration = Files.readString(config);
        if (!configuration.contains("storage = \"internal\"")) {
            throw new IllegalStateException("no storage line to change in " + config);
        }
        Files.writeString(config, configuration.replace("storage = \"internal\"",
                "storage = \"sql\"\nsql = { driver = \"SQLite3\", database = \"prosody.sqlite\" }"));
    }

    int directTlsPort() {
        return directTlsPort;
    }

    private Map<String, String> values() {
        return Map.of("BASE", base.toString(), "IP", address.ip(), "PORT", Integer.toString(address.port()),
                "DOMAIN", address.domain());
    }

    PeerClient.Address address() {
        return address;
    }

    Path base() {
        return base;
    }

    /** "Prosody 0.12.3", as prosodyctl says. */
    String version() throws IOException {
        String about = PeerProcess.run(List.of(PROSODYCTL, "--config", config.toString(), "about"), base, Map.of(),
                Duration.ofSeconds(30));
        return about.lines().filter(l -> l.startsWith("Prosody ")).findFirst().orElse(about.lines().findFirst().orElse("?")).trim();
    }

    /** Creates an account with prosodyctl (SCRAM-SHA-1 credentials, as internal_hashed stores them). */
    void register(String user, String password) throws IOException {
        PeerProcess.run(List.of(PROSODYCTL, "--config", config.toString(), "register", user, address.domain(), password),
                base, Map.of(), Duration.ofSeconds(30));
    }

    /** Starts the server and waits until it accepts a login of {@code user}. */
    void start(String user, String password) throws Exception {
        process = PeerProcess.start("prosody", List.of(PROSODY, "--config", config.toString(), "-F"), base, Map.of(),
                base.resolve("prosody-stdout.log"));
        process.awaitPort(address.ip(), address.port(), Duration.ofSeconds(30));
        awaitLogin(user, password);
    }

    private void awaitLogin(String user, String password) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try (PeerClient client = PeerClient.login(address, user, password)) {
                return;
            } catch (Exception e) {
                last = e;
                Thread.sleep(250);
            }
        }
        throw new IOException("no login of " + user + " on Prosody:\n" + PeerProcess.tail(base.resolve("prosody.log")), last);
    }

    /** Stops the server by its PID and waits for it; the migrator needs its stores at rest. */
    void stop() {
        if (process != null) {
            process.stop(base.resolve("prosody.pid"), Duration.ofSeconds(10));
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Runs the migrator from the internal storage into xep0227 files; returns the folder holding them. */
    Path exportToXep0227() throws IOException {
        Path export = Files.createDirectories(base.resolve("export"));
        migrate("migrator-export.cfg.lua", export, Map.of());
        return export;
    }

    /**
     * Runs the migrator from the {@code <user>@<host>.xml} files in {@code folder} into the internal storage, in two
     * runs. The keyval stores first, where any error fails. Then the archive alone, with {@code --keep-going}: 0.12.3's
     * xep0227 archive store answers the migrator's host-wide query, and its query for a user without an archive, with
     * an error (no 227 user element found; nil) that would otherwise abort the run before the next user's archive.
     */
    String importFromXep0227(Path folder) throws IOException {
        String keyval = migrate("migrator-import.cfg.lua", folder,
                Map.of("STORES", "\"accounts\"; \"roster\"; \"vcard\"; \"private\"; \"pep-pubsub\";"));
        String archive = migrate("migrator-import.cfg.lua", folder, Map.of("STORES", "\"archive-archive\";"), "--keep-going");
        for (String line : archive.lines().toList()) {
            if (line.contains("Error migrating data for user") && !line.endsWith(": (nil)")) {
                throw new IOException("prosody-migrator failed on an archive:\n" + archive);
            }
        }
        return keyval + archive;
    }

    private String migrate(String template, Path xep0227Folder, Map<String, String> extra, String... options) throws IOException {
        Path migratorConfig = base.resolve(template);
        Map<String, String> values = new java.util.HashMap<>(values());
        values.putAll(extra);
        PeerFiles.write(migratorConfig, PeerFiles.template("prosody/" + template, values));
        Path migrator = base.resolve("prosody-migrator");
        String stock = Files.readString(Path.of(MIGRATOR));
        String copy = stock.replaceFirst("(?m)^CFG_DATADIR=.*$",
                java.util.regex.Matcher.quoteReplacement("CFG_DATADIR='" + xep0227Folder.toAbsolutePath() + "';"));
        if (copy.equals(stock)) {
            throw new IOException(MIGRATOR + " has no CFG_DATADIR line to point at " + xep0227Folder + "; this Prosody is not 0.12");
        }
        Files.writeString(migrator, copy);
        migrator.toFile().setExecutable(true);
        List<String> command = new java.util.ArrayList<>(List.of(migrator.toString(), "--root", "--config", migratorConfig.toString()));
        command.addAll(List.of(options));
        command.addAll(List.of("input", "output"));
        String output = PeerProcess.run(command, base, Map.of(), Duration.ofSeconds(60));
        Files.writeString(base.resolve(template.replace(".cfg.lua", ".log")), output, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        if (!output.contains("Done!")) {
            throw new IOException("prosody-migrator did not finish:\n" + output);
        }
        return output;
    }
}
