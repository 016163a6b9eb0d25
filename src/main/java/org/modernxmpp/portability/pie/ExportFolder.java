package org.modernxmpp.portability.pie;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The files of an export folder without a {@code server-data.xml}: Prosody writes one complete file per user
 * ({@code user@host.xml}), ejabberd a main file plus one file per host. Main files are those whose root is
 * {@code <server-data>}; the others are fragments that some main file must include.
 */
record ExportFolder(List<Path> mainFiles, List<Path> fragments) {

    static ExportFolder scan(Path folder, HardenedXmlInput xml, IncludeResolver confinement) throws IOException {
        List<Path> listed;
        try (Stream<Path> listing = Files.list(folder)) {
            listed = listing.filter(p -> p.getFileName().toString().endsWith(".xml") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(ExportFolder::hostFirst))
                    .toList();
        }
        List<Path> files = new ArrayList<>();
        for (Path file : listed) {
            files.add(confinement.insideFolder(file));
        }
        List<Path> main = new ArrayList<>();
        List<Path> fragments = new ArrayList<>();
        for (Path file : files) {
            (rootName(file, xml).equals("server-data") ? main : fragments).add(file);
        }
        return new ExportFolder(main, fragments);
    }

    /** Sorts Prosody's user@host.xml by host, then user, so each host's users stay together. */
    private static String hostFirst(Path file) {
        String name = file.getFileName().toString();
        int at = name.lastIndexOf('@');
        return at < 0 ? name : name.substring(at + 1) + "\u0000" + name.substring(0, at);
    }

    private static String rootName(Path file, HardenedXmlInput xml) throws IOException {
        try (InputStream stream = Files.newInputStream(file)) {
            XMLStreamReader in = xml.open(stream, file.getFileName().toString(), Long.MAX_VALUE);
            try {
                while (in.hasNext()) {
                    int event = in.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        return in.getLocalName();
                    }
                    if (event == XMLStreamConstants.DTD) {
                        throw new PieFormatException(file.getFileName().toString(), in.getLocation().getLineNumber(),
                                in.getLocation().getColumnNumber(), "a DOCTYPE is not allowed in an export");
                    }
                }
                throw new PieFormatException(file.getFileName().toString(), -1, -1, "the file holds no XML element");
            } finally {
                in.close();
            }
        } catch (XMLStreamException e) {
            throw new PieFormatException(file.getFileName().toString(), -1, -1, "malformed XML: " + e.getMessage(), e);
        }
    }
}
