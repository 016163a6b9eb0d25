package org.modernxmpp.portability.moved;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One small text file per account in a folder of the plugin, replaced whole on each write (written beside it, then
 * moved over it), so a crash leaves either the old or the new content, never half of it.
 */
final class AccountFiles {
    private final Path folder;
    private final String suffix;

    AccountFiles(Path folder, String suffix) {
        this.folder = folder;
        this.suffix = suffix;
    }

    synchronized Optional<List<String>> read(String username) {
        Path file = file(username);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    synchronized void write(String username, List<String> lines) {
        Path file = file(username);
        try {
            Files.createDirectories(folder);
            Path next = folder.resolve(file.getFileName() + ".next");
            Files.write(next, lines, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    synchronized void delete(String username) {
        try {
            Files.deleteIfExists(file(username));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file(username), e);
        }
    }

    synchronized List<String> usernames() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .map(n -> URLDecoder.decode(n.substring(0, n.length() - suffix.length()), StandardCharsets.UTF_8)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    String describe(String username) {
        return file(username).toString();
    }

    private Path file(String username) {
        // a username may hold characters a file name may not ('/', '\\', escaped JID characters)
        return folder.resolve(URLEncoder.encode(username, StandardCharsets.UTF_8).replace("*", "%2A") + suffix);
    }
}
