package org.modernxmpp.portability.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.modernxmpp.portability.remote.AddressPolicy;
import org.modernxmpp.portability.remote.RemoteSettings;
import org.modernxmpp.portability.remote.ServerAddress;
import picocli.CommandLine.Option;

/** How the commands that reach an account on another server connect, and where its password comes from. */
final class RemoteOptions {
    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the account's password from the first line of FILE ('-' for standard input);"
                    + " without it the password is asked for. It is never taken as an argument, which others could see.")
    Path passwordFile;

    @Option(names = "--server", paramLabel = "HOST[:PORT]",
            description = "Connect here instead of asking DNS (SRV records, then the domain on port 5222).")
    String server;

    @Option(names = "--direct-tls", description = "With --server: TLS from the first byte (XEP-0368) instead of STARTTLS.")
    boolean directTls;

    @Option(names = "--trust-store", paramLabel = "FILE",
            description = "Also trust the certificates in this PKCS#12 or JKS file (a private CA); the JVM's own stay trusted.")
    Path trustStore;

    @Option(names = "--trust-store-password-file", paramLabel = "FILE", description = "The trust store's password, first line.")
    Path trustStorePasswordFile;

    @Option(names = "--allow-internal-addresses",
            description = "Allow servers on loopback, private and link-local addresses (refused by default).")
    boolean allowInternal;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS", description = "For connecting and for each answer (default 30).")
    int timeoutSeconds;

    /** The account a command names, checked: name@domain, no resource. */
    static org.xmpp.packet.JID account(String text) {
        org.xmpp.packet.JID jid = new org.xmpp.packet.JID(text.trim());
        if (jid.getNode() == null || jid.getResource() != null) {
            throw new IllegalArgumentException("'" + text + "' is not an account address (name@domain)");
        }
        return jid;
    }

    RemoteSettings settings() throws IOException {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout must be at least 1 second");
        }
        RemoteSettings settings = RemoteSettings.defaults()
                .withTimeout(Duration.ofSeconds(timeoutSeconds))
                .withAddresses(allowInternal ? AddressPolicy.allowingInternal() : AddressPolicy.publicOnly());
        if (server != null) {
            ServerAddress address = ServerAddress.parse(server);
            settings = settings.withServer(new ServerAddress(address.host(), address.port(), directTls));
        } else if (directTls) {
            throw new IllegalArgumentException("--direct-tls needs --server (DNS says itself which servers speak direct TLS)");
        }
        if (trustStore != null) {
            settings = settings.withTrustStore(trustStore, trustStorePasswordFile == null ? null : firstLine(trustStorePasswordFile));
        }
        return settings;
    }

    /** The password: from the file, or asked for on the terminal without echo. */
    String password(String account) throws IOException {
        if (passwordFile != null) {
            return firstLine(passwordFile);
        }
        java.io.Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("no terminal to ask for the password of " + account + "; use --password-file");
        }
        char[] typed = console.readPassword("Password for %s: ", account);
        if (typed == null || typed.length == 0) {
            throw new IllegalArgumentException("no password given for " + account);
        }
        return new String(typed);
    }

    private static String firstLine(Path file) throws IOException {
        BufferedReader reader = file.toString().equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(file, StandardCharsets.UTF_8);
        String line = reader.readLine();
        if (!file.toString().equals("-")) {
            reader.close();
        }
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty: its first line should hold the password");
        }
        return line;
    }
}
