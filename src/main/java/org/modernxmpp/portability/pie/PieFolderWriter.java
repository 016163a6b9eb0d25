package org.modernxmpp.portability.pie;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.JID;

/**
 * Writes the XInclude layout XEP-0227 recommends: {@code server-data.xml} including one {@code <host>.xml}
 * per host, which includes one {@code <host>/<user>.xml} per user. Each user goes to its own file as it
 * arrives; only the list of hosts is kept until the end.
 */
public final class PieFolderWriter implements PieSink, Closeable {
    private final Path folder;
    private final UserWriter users;
    private final Map<JID, HostFile> hosts = new LinkedHashMap<>();
    private final List<XmlPayload> serverExtensions = new ArrayList<>();
    private boolean finished;

    private record HostFile(OutputStream stream, XmlOutput out, Path userFolder, String hrefFolder) {
    }

    public PieFolderWriter(Path folder) throws IOException {
        this(folder, ScramEncoding.STANDARD);
    }

    public PieFolderWriter(Path folder, ScramEncoding scram) throws IOException {
        this.users = new UserWriter(scram);
        this.folder = Files.createDirectories(folder);
        if (Files.exists(folder.resolve(PieReader.LAYOUT_MAIN_FILE))) {
            throw new IOException(folder + " already holds an export (" + PieReader.LAYOUT_MAIN_FILE + "); choose an empty folder");
        }
    }

    @Override
    public void write(PieEntry entry) throws IOException {
        if (entry instanceof PieEntry.HostUser user) {
            writeUser(user.host(), user.user());
        } else if (entry instanceof PieEntry.Extension extension) {
            writeExtension(extension.host(), extension.element());
        }
    }

    public void writeUser(JID host, UserData user) throws IOException {
        writeUser(host, user, null);
    }

    @Override
    public void writeUser(JID host, UserData user, ArchiveFeed archive) throws IOException {
        HostFile hostFile = host(host);
        String fileName = fileName(user.name()) + ".xml";
        try (OutputStream stream = Files.newOutputStream(hostFile.userFolder().resolve(fileName))) {
            XmlOutput out = new XmlOutput(stream, true);
            users.write(out, user, archive);
            out.finish();
        }
        hostFile.out().prefixedEmpty("xi", Namespaces.XINCLUDE, "include", "href", hostFile.hrefFolder() + href(fileName));
    }

    public void writeExtension(JID host, XmlPayload element) throws IOException {
        if (host == null) {
            serverExtensions.add(element);
        } else {
            host(host).out().element(element.element(), true);
        }
    }

    private HostFile host(JID host) throws IOException {
        HostFile file = hosts.get(host);
        if (file == null) {
            String name = fileName(host.getDomain());
            Path userFolder = Files.createDirectories(folder.resolve(name));
            OutputStream stream = Files.newOutputStream(folder.resolve(name + ".xml"));
            XmlOutput out = new XmlOutput(stream, true);
            out.start(Namespaces.PIE, "host", false);
            out.prefix("xi", Namespaces.XINCLUDE);
            out.attribute("jid", host.getDomain());
            file = new HostFile(stream, out, userFolder, href(name) + "/");
            hosts.put(host, file);
        }
        return file;
    }

    /** Ends every host file and writes the main file that includes them. */
    @Override
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        for (HostFile file : hosts.values()) {
            file.out().end(true);
            file.out().finish();
            file.stream().close();
        }
        try (OutputStream stream = Files.newOutputStream(folder.resolve(PieReader.LAYOUT_MAIN_FILE))) {
            XmlOutput out = new XmlOutput(stream, true);
            out.start(Namespaces.PIE, "server-data", false);
            out.prefix("xi", Namespaces.XINCLUDE);
            for (JID host : hosts.keySet()) {
                out.prefixedEmpty("xi", Namespaces.XINCLUDE, "include", "href", href(fileName(host.getDomain()) + ".xml"));
            }
            for (XmlPayload extension : serverExtensions) {
                out.element(extension.element(), true);
            }
            out.end(true);
            out.finish();
        }
    }

    @Override
    public void close() throws IOException {
        finish();
    }

    /** A file name for a localpart or domain: letters, digits, '.', '-' and '_' as they are, the rest %-encoded. */
    static String fileName(String value) {
        StringBuilder name = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
                name.append(c);
            } else {
                name.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return name.toString();
    }

    private static String href(String fileName) {
        return URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
