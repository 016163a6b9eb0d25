package org.modernxmpp.portability.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** The peers' working folders under {@code target/peers-live/} and the config templates in {@code peers-live/}. */
final class PeerFiles {
    private PeerFiles() {
    }

    /** {@code target/peers-live/<name>}, emptied: each test class starts its peer from nothing. */
    static Path freshFolder(String name) throws IOException {
        Path folder = target().resolve("peers-live").resolve(name);
        if (Files.isSymbolicLink(folder)) {
            // a peer whose user cannot enter target/ had its folder elsewhere (EjabberdPeer)
            Path outside = Files.readSymbolicLink(folder);
            Files.delete(folder);
            folder = outside;
        }
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(target().resolve("peers-live").resolve(name));
    }

    private static Path target() {
        try {
            // target/test-classes, where this class was loaded from
            Path classes = Path.of(PeerFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A template from {@code src/test/resources/peers-live/}, every {@code @KEY@} replaced. */
    static String template(String resource, Map<String, String> values) {
        String text;
        try (InputStream in = PeerFiles.class.getResourceAsStream("/peers-live/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource peers-live/" + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("@" + value.getKey() + "@", value.getValue());
        }
        return text;
    }

    /** A TCP port nothing listens on at {@code ip} right now, for a peer to take. */
    static int freePort(String ip) throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(ip))) {
            return socket.getLocalPort();
        }
    }

    /** A free port at {@code ip} other than {@code taken}: a second listener of the same peer. */
    static int freePortBesides(String ip, int taken) throws IOException {
        int port;
        do {
            port = freePort(ip);
        } while (port == taken);
        return port;
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
