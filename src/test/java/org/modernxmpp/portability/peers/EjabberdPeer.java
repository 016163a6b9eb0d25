package org.modernxmpp.portability.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * An ejabberd 23.01 of the Debian package, run by the test: its own config, Mnesia spool and logs under
 * {@code target/peers-live/<name>/}, the client port on one loopback address, started with
 * {@code ejabberdctl foreground} as a child process (ejabberdctl switches to the package's {@code ejabberd} user).
 * Erlang distribution runs without epmd on a loopback port of its own ({@code ERL_DIST_PORT}), so nothing outlives the
 * node. Moves data with {@code ejabberdctl export_piefxis} and {@code import_piefxis}.
 */
final class EjabberdPeer implements AutoCloseable {
    static final String EJABBERDCTL = "/usr/sbin/ejabberdctl";

    private final Path base;
    private final PeerClient.Address address;
    private final String node;
    private final int distributionPort;
    private PeerProcess process;

    private EjabberdPeer(Path base, PeerClient.Address address, String node, int distributionPort) {
        this.base = base;
        this.address = address;
        this.node = node;
        this.distributionPort = distributionPort;
    }

    /** Skips the calling test class when the Debian package is not installed (CI installs it). */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(EJABBERDCTL)),
                "ejabberd is not installed (apt-get install ejabberd; .ci/run does it): the live ejabberd tests are skipped");
    }

    /**
     * A new, empty ejabberd setup in {@code target/peers-live/<name>}, not yet started. When the checkout lies in a
     * folder the ejabberd user cannot enter (a clone under /root), the setup goes to a fresh folder under the system
     * temp folder instead and {@code target/peers-live/<name>} links to it.
     */
    static EjabberdPeer create(String name, String ip, String domain) throws IOException {
        return create(name, ip, domain, false);
    }

    /**
     * As {@link #create}, but TLS is required: STARTTLS on {@link #address()}'s port, direct TLS on
     * {@link #directTlsPort()}, with a certificate for {@code domain} from a CA of the test's own ({@link #certificates()}).
     */
    static EjabberdPeer createWithTls(String name, String ip, String domain) throws IOException {
        return create(name, ip, domain, true);
    }

    private static EjabberdPeer create(String name, String ip, String domain, boolean tls) throws IOException {
        int port = PeerFiles.freePort(ip);
        int distributionPort = PeerFiles.freePort("127.0.0.1");
        Path base = PeerFiles.freshFolder(name);
        if (!ejabberdCanWrite(base)) {
            Path outside = Files.createTempDirectory("peers-live-");
            outside.toFile().setReadable(true, false);
            outside.toFile().setExecutable(true, false);
            Files.delete(base);
            Files.createSymbolicLink(base, outside);
            if (!ejabberdCanWrite(outside)) {
                throw new IOException("the ejabberd user can write neither " + base + " nor " + outside);
            }
            base = outside;
        }
        TestCertificates certificates = null;
        int tlsPort = -1;
        if (tls) {
            certificates = TestCertificates.create(base.resolve("certs"), domain);
            tlsPort = PeerFiles.freePortBesides(ip, port);
        }
        PeerClient.Address address;
        try {
            address = new PeerClient.Address(ip, port, domain, tls ? certificates.trustManager() : null);
        } catch (Exception e) {
            throw new IOException("the test CA's trust store does not load", e);
        }
        EjabberdPeer peer = new EjabberdPeer(base, address, name.replaceAll("[^a-z0-9]", ""), distributionPort);
        peer.certificates = certificates;
        peer.directTlsPort = tlsPort;
        Map<String, String> values = new java.util.HashMap<>(Map.of("BASE", base.toString(), "IP", ip, "PORT", Integer.toString(port),
                "DOMAIN", domain, "NODE", peer.node, "DIST_PORT", Integer.toString(distributionPort)));
        if (tls) {
            // ejabberd wants certificate and key in one file
            Path pem = certificates.folder().resolve("ejabberd.pem");
            Files.writeString(pem, Files.readString(certificates.certificatePem()) + Files.readString(certificates.keyPem()));
            values.put("CERTFILE", pem.toString());
            values.put("TLS_PORT", Integer.toString(tlsPort));
        }
        for (String file : List.of("ejabberd.yml", "ejabberdctl.cfg", "inetrc")) {
            String template = tls && file.equals("ejabberd.yml") ? "ejabberd/ejabberd-tls.yml" : "ejabberd/" + file;
            PeerFiles.write(base.resolve("etc").resolve(file), PeerFiles.template(template, values));
        }
        for (String folder : List.of("db", "log", "export", "import")) {
            Files.createDirectories(base.resolve(folder));
        }
        chownToEjabberd(base);
        return peer;
    }

    /** ejabberdctl runs the node as the package's ejabberd user: it must own its folders. */
    private static void chownToEjabberd(Path path) throws IOException {
        PeerProcess.run(List.of("chown", "-R", "ejabberd:ejabberd", path.toString()), path, Map.of(), Duration.ofSeconds(30));
    }

    private static boolean ejabberdCanWrite(Path folder) throws IOException {
        chownToEjabberd(folder);
        return PeerProcess.runAllowingFailure(List.of("su", "-s", "/bin/sh", "-c", "test -w \"$0\" && test -x \"$0\"", "ejabberd",
                folder.toString()), folder, Map.of(), Duration.ofSeconds(30)).exitCode() == 0;
    }

    private TestCertificates certificates;
    private int directTlsPort = -1;

    PeerClient.Address address() {
        return address;
    }

    /** The CA and certificate of a peer made by {@link #createWithTls}, else null. */
    TestCertificates certificates() {
        return certificates;
    }

    int directTlsPort() {
        return directTlsPort;
    }

    Path base() {
        return base;
    }

    private List<String> ctl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(EJABBERDCTL, "--config-dir", base.resolve("etc").toString(),
                "--spool", base.resolve("db").toString(), "--logs", base.resolve("log").toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** Runs an ejabberdctl command against the node; its output. */
    String ctlCommand(String... arguments) throws IOException {
        return PeerProcess.run(ctl(arguments), base, Map.of(), Duration.ofSeconds(90));
    }

    /** Starts the node and waits for its client port and a node status answer. */
    void start() throws Exception {
        process = PeerProcess.start("ejabberd", ctl("foreground"), base, Map.of(), base.resolve("ejabberd-stdout.log"));
        process.awaitPort(address.ip(), address.port(), Duration.ofSeconds(60));
    }

    /** Waits until a login of {@code user} succeeds. */
    void awaitLogin(String user, String password) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try (PeerClient client = PeerClient.login(address, user, password)) {
                return;
            } catch (Exception e) {
                last = e;
                Thread.sleep(250);
            }
        }
        throw new IOException("no login of " + user + " on ejabberd:\n" + PeerProcess.tail(base.resolve("log/ejabberd.log")), last);
    }

    /** "ejabberd 23.01-1", as the node says. */
    String version() throws IOException {
        String status = ctlCommand("status");
        return status.lines().filter(l -> l.startsWith("ejabberd ")).map(l -> l.replace(" is running in that node", ""))
                .findFirst().orElse(status.trim());
    }

    void register(String user, String password) throws IOException {
        ctlCommand("register", user, address.domain(), password);
    }

    /** {@code ejabberdctl export_piefxis}: returns the main file (it includes one file per host). */
    Path exportPiefxis() throws IOException {
        Path folder = base.resolve("export");
        ctlCommand("export_piefxis", folder.toString());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d{8}-\\d{6}\\.xml")).findFirst()
                    .orElseThrow(() -> new IOException("export_piefxis wrote no main file into " + folder));
        }
    }

    /**
     * {@code ejabberdctl import_piefxis}: the file is copied into the node's own folder first (the node runs as the
     * ejabberd user). Returns the command's output; the node's log says what it refused.
     */
    String importPiefxis(Path file) throws IOException {
        Path copy = base.resolve("import").resolve(file.getFileName());
        Files.copy(file, copy);
        PeerProcess.run(List.of("chown", "ejabberd:ejabberd", copy.toString()), base, Map.of(), Duration.ofSeconds(30));
        return ctlCommand("import_piefxis", copy.toString());
    }

    String log() throws IOException {
        return PeerProcess.tail(base.resolve("log/ejabberd.log"));
    }

    /** Stops the node by the PID it wrote, then what is left of the child. */
    void stop() {
        if (process != null) {
            process.stop(base.resolve("ejabberd.pid"), Duration.ofSeconds(20));
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "ejabberd node " + node + "@localhost, c2s on " + address.ip() + ":" + address.port() + ", distribution on 127.0.0.1:"
                + distributionPort + ", in " + base;
    }
}
