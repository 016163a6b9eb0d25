package org.modernxmpp.portability.pie;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns an XInclude href into a file, allowing only relative references that stay inside the export's
 * folder, symbolic links included: an export must never make the server read anything else.
 */
final class IncludeResolver {
    private final Path root;

    IncludeResolver(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    /** The file itself if it lies inside the folder, links resolved; an error naming it otherwise. */
    Path insideFolder(Path file) throws IOException {
        Path real = file.toRealPath();
        if (!real.startsWith(root)) {
            throw new PieFormatException(file.getFileName().toString(), -1, -1,
                    "this file is a link leading outside the export's folder " + root + "; it is not read");
        }
        return real;
    }

    Path resolve(Path including, String href, SubtreeReader.XmlLocation where) throws PieFormatException {
        if (href == null || href.isBlank()) {
            throw where.error("XInclude without an href");
        }
        URI uri;
        try {
            uri = new URI(href.trim());
        } catch (URISyntaxException e) {
            throw where.error("XInclude href '" + href + "' is not a valid URI reference");
        }
        if (uri.isAbsolute() || uri.getRawAuthority() != null || uri.getPath() == null || uri.getPath().startsWith("/")
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw where.error("XInclude href '" + href + "' must be a relative path (absolute references are refused)");
        }
        Path target = including.getParent().resolve(uri.getPath()).normalize();
        if (!target.startsWith(root)) {
            throw where.error("XInclude href '" + href + "' points outside the export's folder " + root);
        }
        if (!Files.isRegularFile(target)) {
            throw where.error("XInclude href '" + href + "': file " + target + " does not exist");
        }
        try {
            Path real = target.toRealPath();
            if (!real.startsWith(root)) {
                throw where.error("XInclude href '" + href + "' leads (through a link) outside the export's folder");
            }
            return real;
        } catch (IOException e) {
            throw where.error("XInclude href '" + href + "' cannot be read: " + e.getMessage());
        }
    }
}
