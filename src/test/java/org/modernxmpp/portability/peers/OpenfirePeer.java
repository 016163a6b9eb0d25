package org.modernxmpp.portability.peers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway copy of an installed Openfire 5.1 (the one {@code OPENFIRE_HOME} names) under target/, with unattended
 * setup (embedded database, the given accounts), its own domain and loopback address, server-to-server links to the
 * other copies of the suite (Openfire's DNS override, plain dialback on loopback), and the freshly built plugin.
 * Runs as a child process and is stopped by PID.
 */
final class OpenfirePeer implements AutoCloseable {
    static final Path PLUGIN = Path.of("target/accountportability.jar");

    private final String name;
    private final Path home;
    private final PeerClient.Address address;
    private PeerProcess process;

    private OpenfirePeer(String name, Path home, PeerClient.Address address) {
        this.name = name;
        this.home = home;
        this.address = address;
    }

    /** The installation, or a skip of the calling test class with one line (printed too) saying why. */
    static Path assumeInstalled() {
        String configured = System.getenv("OPENFIRE_HOME");
        skipUnless(configured != null && !configured.isBlank(), "OPENFIRE_HOME is not set: the end-to-end suite on real Openfire is skipped");
        Path installation = Path.of(configured);
        skipUnless(Files.isRegularFile(installation.resolve("bin/openfire.sh")) && Files.isDirectory(installation.resolve("lib")),
                "OPENFIRE_HOME=" + configured + " is no Openfire installation (no bin/openfire.sh): the end-to-end suite is skipped");
        skipUnless(Files.isRegularFile(PLUGIN), PLUGIN + " is not built: run the suite with mvn -Pe2e verify");
        return installation;
    }

    private static void skipUnless(boolean condition, String why) {
        if (!condition) {
            System.out.println("e2e: " + why);
        }
        Assumptions.assumeTrue(condition, why);
    }

    /**
     * @param accounts username -> password, created by the unattended setup
     * @param peers    domain -> address of every copy of the suite (this one included), for server-to-server links
     */
    static OpenfirePeer create(Path installation, String name, String ip, String domain, Map<String, String> accounts,
                               Map<String, String> peers) throws IOException {
        Path home = Path.of("target/e2e", name).toAbsolutePath();
        if (Files.exists(home)) {
            PeerProcess.run(List.of("rm", "-rf", home.toString()), Path.of("target"), Map.of(), Duration.ofMinutes(1));
        }
        Files.createDirectories(home.getParent());
        PeerProcess.run(List.of("cp", "-a", installation.toString(), home.toString()), Path.of("target"), Map.of(), Duration.ofMinutes(2));
        for (String leftover : List.of("embedded-db", "logs")) {
            PeerProcess.run(List.of("rm", "-rf", home.resolve(leftover).toString()), home, Map.of(), Duration.ofMinutes(1));
        }
        Files.writeString(home.resolve("conf/openfire.xml"), configuration(ip, domain, accounts, peers));
        Files.createDirectories(home.resolve("plugins"));
        Files.copy(PLUGIN, home.resolve("plugins/accountportability.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new OpenfirePeer(name, home, new PeerClient.Address(ip, 5222, domain));
    }

    private static String configuration(String ip, String domain, Map<String, String> accounts, Map<String, String> peers) {
        StringBuilder users = new StringBuilder();
        int n = 1;
        for (Map.Entry<String, String> account : new java.util.TreeMap<>(accounts).entrySet()) {
            users.append("<user").append(n).append("><username>").append(xml(account.getKey())).append("</username><password>")
                    .append(xml(account.getValue())).append("</password><name>").append(xml(account.getKey()))
                    .append("</name><email>").append(xml(account.getKey())).append("@mail.example</email></user").append(n).append('>');
            n++;
        }
        String overrides = peers.entrySet().stream().map(p -> "{" + p.getKey() + "," + p.getValue() + ":5269}").collect(Collectors.joining(","));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<jive>\n"
                + "  <network><interface>" + ip + "</interface></network>\n"
                + "  <xmpp><proxy><enabled>false</enabled></proxy><server><tls><policy>disabled</policy></tls></server></xmpp>\n"
                + "  <dnsutil><dnsOverride>" + overrides + "</dnsOverride></dnsutil>\n"
                + "  <adminConsole><interface>" + ip + "</interface><port>9090</port><securePort>9091</securePort></adminConsole>\n"
                + "  <connectionProvider><className>org.jivesoftware.database.EmbeddedConnectionProvider</className></connectionProvider>\n"
                + "  <autosetup><run>true</run><locale>en</locale><xmpp><domain>" + domain + "</domain><fqdn>" + domain + "</fqdn></xmpp>"
                + "<database><mode>embedded</mode></database><admin><email>admin@mail.example</email><password>admin</password></admin>"
                + "<users>" + users + "</users></autosetup>\n</jive>\n";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    void start() throws IOException {
        process = PeerProcess.start("Openfire " + name, List.of("bin/openfire.sh"), home,
                Map.of("OPENFIRE_HOME", home.toString(), "OPENFIRE_OPTS", "-Xmx512m"), home.resolve("stdout.log"));
    }

    /** Waits until a client can log in and the plugin's self-service page answers. */
    void awaitReady(String user, String password, Duration timeout) throws Exception {
        process.awaitPort(address.ip(), 5222, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> problems = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> page = http.send(HttpRequest.newBuilder(selfService().resolve("")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (page.statusCode() == 200 && PeerClient.canLogin(address, user, password)) {
                    return;
                }
                problems.add("page " + page.statusCode());
            } catch (IOException | RuntimeException e) {
                problems.add(e.toString());
            }
            Thread.sleep(500);
        }
        throw new IOException("Openfire " + name + " did not get ready within " + timeout + ": " + problems.subList(Math.max(0, problems.size() - 3), problems.size())
                + "\n" + PeerProcess.tail(home.resolve("stdout.log")));
    }

    PeerClient.Address address() {
        return address;
    }

    /** {@code http://IP:7070/account/}, the plugin's self-service page on Openfire's HTTP-binding port. */
    URI selfService() {
        return URI.create("http://" + address.ip() + ":7070/account/");
    }

    Path home() {
        return home;
    }

    String log() throws IOException {
        Path log = home.resolve("logs/openfire.log");
        return Files.isRegularFile(log) ? Files.readString(log) : "";
    }

    /** The Openfire JVM's heap in use now (MB, from jcmd GC.heap_info), or -1 when it cannot be read. */
    long heapUsedMb() {
        try {
            ProcessHandle jvm = process.javaProcess().orElse(null);
            if (jvm == null) {
                return -1;
            }
            String info = PeerProcess.run(List.of("jcmd", String.valueOf(jvm.pid()), "GC.heap_info"), home, Map.of(), Duration.ofSeconds(30));
            java.util.regex.Matcher used = java.util.regex.Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
            return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(null, Duration.ofSeconds(20));
        }
    }
}
