package org.modernxmpp.portability.pie;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.dom4j.Element;
import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.JID;

/**
 * Reads an XEP-0227 export one user at a time: only the current user is ever held in memory, whatever the
 * size of the file. Follows XInclude at server-data and host level (relative hrefs inside the export's
 * folder only, as the XEP's security section asks), accepts the pre-1.0 namespace and the Prosody and
 * ejabberd dialects, and refuses DTDs, entities, deep nesting and oversized users with a located error.
 */
public final class PieReader implements Closeable {
    private final HardenedXmlInput xml = new HardenedXmlInput();
    private final SubtreeReader subtrees;
    private final UserParser users = new UserParser();
    private final OpenfireLegacyParser legacyUsers = new OpenfireLegacyParser();
    private JID legacyDomain;
    private final ReadLimits limits;
    private final IncludeResolver includes;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Set<String> seenUsers = new HashSet<>();
    private final ReadNotes notes = new ReadNotes();
    private final Set<Path> filesRead = new HashSet<>();
    private final Deque<Path> pendingMainFiles = new ArrayDeque<>();
    private final Set<Path> fragments = new HashSet<>();

    /** The main file of the XInclude layout the writer produces. */
    public static final String LAYOUT_MAIN_FILE = "server-data.xml";

    /** What the current document is expected to hold at its root, and where we are inside it. */
    private enum Level { SERVER_DATA, HOST, USER, OPENFIRE_LEGACY }

    /** Root element of the legacy format of Openfire's userImportExport plugin (no namespace). */
    private static final String OPENFIRE_LEGACY_ROOT = "Openfire";

    private static final class Frame implements SubtreeReader.XmlLocation {
        final XMLStreamReader in;
        final InputStream stream;
        final String source;
        final Path file;
        final Level rootLevel;
        final int includeDepth;
        Level level;
        boolean started;
        JID host;
        String pieNamespace;
        int depth;

        Frame(XMLStreamReader in, InputStream stream, String source, Path file, Level rootLevel, JID host,
              String pieNamespace, int includeDepth) {
            this.in = in;
            this.stream = stream;
            this.source = source;
            this.file = file;
            this.rootLevel = rootLevel;
            this.host = host;
            this.pieNamespace = pieNamespace;
            this.includeDepth = includeDepth;
        }

        @Override
        public PieFormatException error(String reason) {
            var location = in.getLocation();
            return new PieFormatException(source, location.getLineNumber(), location.getColumnNumber(), reason);
        }
    }

    private PieReader(ReadLimits limits, IncludeResolver includes) {
        this.limits = limits;
        this.subtrees = new SubtreeReader(limits);
        this.includes = includes;
    }

    /**
     * Opens an export: a file (XInclude resolved against its folder), or a folder holding either the XInclude
     * layout ({@code server-data.xml}) or one complete file per user or host (Prosody, ejabberd), read in name order.
     */
    public static PieReader open(Path fileOrFolder, ReadLimits limits) throws IOException {
        Path real = fileOrFolder.toRealPath();
        if (!Files.isDirectory(real)) {
            PieReader reader = new PieReader(limits, new IncludeResolver(real.getParent()));
            reader.push(real, Level.SERVER_DATA, null, null, 0);
            return reader;
        }
        PieReader reader = new PieReader(limits, new IncludeResolver(real));
        Path main = real.resolve(LAYOUT_MAIN_FILE);
        if (Files.isRegularFile(main)) {
            reader.push(reader.includes.insideFolder(main), Level.SERVER_DATA, null, null, 0);
            return reader;
        }
        ExportFolder folder = ExportFolder.scan(real, reader.xml, reader.includes);
        if (folder.mainFiles().isEmpty()) {
            throw new PieFormatException(real.toString(), -1, -1, "the folder holds no XEP-0227 file (*.xml with a <server-data> root)");
        }
        reader.pendingMainFiles.addAll(folder.mainFiles());
        reader.fragments.addAll(folder.fragments());
        return reader;
    }

    /** Reads a stream (an upload); an XInclude in it is refused since there is no folder to confine it to. */
    public static PieReader open(InputStream in, String sourceName, ReadLimits limits) throws IOException {
        PieReader reader = new PieReader(limits, null);
        reader.frames.push(new Frame(reader.xml.open(in, sourceName, limits.maxFileBytes()), in, sourceName, null,
                Level.SERVER_DATA, null, null, 0));
        return reader;
    }

    /**
     * The domain of the users in a file of Openfire's legacy userImportExport format, which names none.
     * Without it, such a file is refused with an error that says so.
     */
    public PieReader withLegacyDomain(String domain) {
        legacyDomain = domain == null ? null : new JID(domain);
        return this;
    }

    /** Reads the next user or extension, or empty at the end of the export. */
    public Optional<PieEntry> next() throws IOException {
        try {
            while (true) {
                if (frames.isEmpty()) {
                    if (pendingMainFiles.isEmpty()) {
                        checkFragmentsRead();
                        return Optional.empty();
                    }
                    push(pendingMainFiles.poll(), Level.SERVER_DATA, null, null, 0);
                }
                PieEntry entry = step(frames.peek());
                if (entry != null) {
                    return Optional.of(entry);
                }
            }
        } catch (XMLStreamException e) {
            throw translate(e);
        } catch (HardenedXmlInput.FileTooLargeException e) {
            throw frames.isEmpty() ? new PieFormatException(null, -1, -1, e.getMessage())
                    : new PieFormatException(frames.peek().source, -1, -1, e.getMessage());
        }
    }

    /** In a folder, a host or user file no main file included would be data silently left behind. */
    private void checkFragmentsRead() throws PieFormatException {
        for (Path fragment : fragments) {
            if (!filesRead.contains(fragment)) {
                throw new PieFormatException(fragment.getFileName().toString(), -1, -1,
                        "this file is part of an XInclude layout but no main file in the folder includes it");
            }
        }
        fragments.clear();
    }

    /** Dialects, unknown elements and normalisations seen so far. */
    public ReadNotes notes() {
        return notes;
    }

    /** Files read so far (the main file and every included one); empty for a stream. */
    public Set<Path> filesRead() {
        return Set.copyOf(filesRead);
    }

    /** Advances the frame by one event; returns an entry when one is complete. */
    private PieEntry step(Frame frame) throws XMLStreamException, IOException {
        int event = frame.in.next();
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> {
                frame.depth++;
                return startElement(frame);
            }
            case XMLStreamConstants.END_ELEMENT -> {
                frame.depth--;
                if (frame.level == Level.HOST && frame.rootLevel == Level.SERVER_DATA && frame.depth == 1) {
                    frame.level = Level.SERVER_DATA;
                    frame.host = null;
                }
            }
            case XMLStreamConstants.END_DOCUMENT -> {
                if (!frame.started) {
                    throw frame.error("the file holds no XML element");
                }
                frames.pop();
                frame.in.close();
                frame.stream.close();
            }
            case XMLStreamConstants.DTD -> throw frame.error("a DOCTYPE is not allowed in an export (entities and external references are refused)");
            case XMLStreamConstants.ENTITY_REFERENCE -> throw frame.error("entity reference &" + frame.in.getLocalName() + "; is not allowed");
            case XMLStreamConstants.CHARACTERS -> {
                if (!frame.in.isWhiteSpace()) {
                    throw frame.error("unexpected text outside a user: '" + abbreviate(frame.in.getText()) + "'");
                }
            }
            default -> {
                // whitespace, comments, processing instructions: nothing to keep
            }
        }
        return null;
    }

    private PieEntry startElement(Frame frame) throws XMLStreamException, IOException {
        XMLStreamReader in = frame.in;
        String ns = in.getNamespaceURI() == null ? "" : in.getNamespaceURI();
        String name = in.getLocalName();
        if (!frame.started) {
            frame.started = true;
            return root(frame, ns, name);
        }
        if (Namespaces.XINCLUDE.equals(ns) && name.equals("include")) {
            include(frame);
            return null;
        }
        if (frame.level == Level.OPENFIRE_LEGACY) {
            return legacyUser(frame, ns, name);
        }
        boolean pie = ns.equals(frame.pieNamespace);
        if (frame.level == Level.SERVER_DATA && pie && name.equals("host")) {
            frame.level = Level.HOST;
            frame.host = hostJid(frame);
            return null;
        }
        if (frame.level == Level.HOST && pie && name.equals("user")) {
            PieEntry user = user(frame);
            frame.depth--;
            return user;
        }
        if (pie && (name.equals("user") || name.equals("host"))) {
            throw frame.error(name.equals("user") ? "a <user> outside any <host>"
                    : "a <host> must be a child of <server-data>, not of another <host>");
        }
        // anything else at server-data or host level: carried through and reported
        Element element = subtrees.read(in, frame.depth, new SubtreeReader.Budget(limits.maxUserChars()), frame);
        frame.depth--;
        notes.unknown(frame.level == Level.HOST ? "host" : "server-data", ns, name);
        return new PieEntry.Extension(frame.level == Level.HOST ? frame.host : null, XmlPayload.of(element));
    }

    private PieEntry root(Frame frame, String ns, String name) throws XMLStreamException, IOException {
        if (frame.pieNamespace == null && frame.rootLevel == Level.SERVER_DATA && ns.isEmpty()
                && name.equals(OPENFIRE_LEGACY_ROOT)) {
            if (legacyDomain == null) {
                throw frame.error("this is a file of Openfire's userImportExport plugin in its legacy format, which names"
                        + " no domain: give the domain its users belong to (--legacy-domain)");
            }
            notes.dialect("Openfire userImportExport legacy format (<Openfire><User>…)");
            frame.level = Level.OPENFIRE_LEGACY;
            frame.host = legacyDomain;
            frame.pieNamespace = "";
            return null;
        }
        if (frame.pieNamespace == null) {
            if (Namespaces.PIE.equals(ns)) {
                frame.pieNamespace = ns;
            } else if (Namespaces.PIE_OLD.equals(ns)) {
                frame.pieNamespace = ns;
                notes.dialect("XEP-0227 before 1.0: namespace " + Namespaces.PIE_OLD);
            } else {
                throw frame.error("not an XEP-0227 export: the root element is {" + ns + "}" + name
                        + ", expected {" + Namespaces.PIE + "}server-data");
            }
        } else if (!frame.pieNamespace.equals(ns)) {
            throw frame.error("included file uses namespace '" + ns + "', the including file '" + frame.pieNamespace + "'");
        }
        String expected = switch (frame.rootLevel) {
            case SERVER_DATA -> "server-data";
            case HOST -> "host";
            case USER -> "user";
            case OPENFIRE_LEGACY -> OPENFIRE_LEGACY_ROOT;
        };
        if (!name.equals(expected)) {
            throw frame.error("expected <" + expected + "> as the root element here, found <" + name + ">");
        }
        frame.level = frame.rootLevel;
        switch (frame.rootLevel) {
            case HOST -> frame.host = hostJid(frame);
            case USER -> {
                PieEntry user = user(frame);
                frame.depth--;
                return user;
            }
            default -> {
            }
        }
        return null;
    }

    private JID hostJid(Frame frame) throws PieFormatException {
        String value = frame.in.getAttributeValue(null, "jid");
        if (value == null || value.isBlank()) {
            throw frame.error("<host> without its required 'jid' attribute");
        }
        try {
            JID jid = Jids.parse(value.trim());
            if (jid.getNode() != null || jid.getResource() != null) {
                throw frame.error("<host jid='" + value + "'> must be a domain, not a user or resource");
            }
            return jid;
        } catch (IllegalArgumentException e) {
            throw frame.error("<host jid='" + value + "'> is not a valid domain: " + e.getMessage());
        }
    }

    private PieEntry user(Frame frame) throws XMLStreamException, IOException {
        if (frame.host == null) {
            throw frame.error("a <user> outside any <host>");
        }
        var location = frame.in.getLocation();
        String rawName = frame.in.getAttributeValue(null, "name");
        UserContext context = new UserContext(frame.source, location.getLineNumber(), location.getColumnNumber(),
                frame.host.getDomain(), rawName, notes);
        if (rawName == null || rawName.isBlank()) {
            throw frame.error("<user> without its required 'name' attribute");
        }
        String name;
        try {
            name = Jids.nodeprep(rawName.trim());
        } catch (IllegalArgumentException e) {
            throw frame.error("<user name='" + rawName + "'> is not a valid JID localpart: " + e.getMessage());
        }
        context.user = name;
        if (!seenUsers.add(frame.host.getDomain() + '/' + name)) {
            throw frame.error("user '" + name + "' of host " + frame.host.getDomain() + " appears twice in the export");
        }
        Element element = subtrees.read(frame.in, frame.depth, new SubtreeReader.Budget(limits.maxUserChars()), frame);
        UserData user = users.read(element, frame.pieNamespace, context);
        return new PieEntry.HostUser(frame.host, user);
    }

    private PieEntry legacyUser(Frame frame, String ns, String name) throws XMLStreamException, IOException {
        var location = frame.in.getLocation();
        Element element = subtrees.read(frame.in, frame.depth, new SubtreeReader.Budget(limits.maxUserChars()), frame);
        frame.depth--;
        if (!ns.isEmpty() || !name.equals("User")) {
            notes.unknown(OPENFIRE_LEGACY_ROOT, ns, name);
            return new PieEntry.Extension(frame.host, XmlPayload.of(element));
        }
        String rawName = element.elementTextTrim("Username");
        UserContext context = new UserContext(frame.source, location.getLineNumber(), location.getColumnNumber(),
                frame.host.getDomain(), rawName, notes);
        if (rawName == null || rawName.isEmpty()) {
            throw context.error("<User> without a <Username>");
        }
        try {
            context.user = Jids.nodeprep(rawName);
        } catch (IllegalArgumentException e) {
            throw context.error("<Username>" + rawName + "</Username> is not a valid JID localpart: " + e.getMessage());
        }
        if (!seenUsers.add(frame.host.getDomain() + '/' + context.user)) {
            throw context.error("the user appears twice in the export");
        }
        return new PieEntry.HostUser(frame.host, legacyUsers.read(element, context));
    }

    private void include(Frame frame) throws XMLStreamException, IOException {
        XMLStreamReader in = frame.in;
        String href = in.getAttributeValue(null, "href");
        String parse = in.getAttributeValue(null, "parse");
        if (in.getAttributeValue(null, "xpointer") != null || (parse != null && !parse.equals("xml"))) {
            throw frame.error("only XInclude with a relative href, without parse or xpointer, is supported");
        }
        if (includes == null || frame.file == null) {
            throw frame.error("XInclude cannot be followed in an uploaded stream; upload one self-contained file");
        }
        if (frame.includeDepth >= limits.maxIncludeDepth()) {
            throw frame.error("XIncludes nest deeper than " + limits.maxIncludeDepth() + " levels");
        }
        Path target = includes.resolve(frame.file, href, frame);
        if (!filesRead.add(target)) {
            throw frame.error("'" + href + "' is included a second time (or includes itself)");
        }
        // an include is empty (xi:fallback is not supported); read it within the usual bounds to reach its end
        subtrees.read(in, frame.depth, new SubtreeReader.Budget(limits.maxUserChars()), frame);
        frame.depth--;
        Level rootLevel = frame.level == Level.SERVER_DATA ? Level.HOST : Level.USER;
        push(target, rootLevel, frame.host, frame.pieNamespace, frame.includeDepth + 1);
    }

    private void push(Path file, Level rootLevel, JID host, String pieNamespace, int includeDepth) throws IOException {
        filesRead.add(file);
        InputStream stream = Files.newInputStream(file);
        String source = file.getFileName().toString();
        try {
            frames.push(new Frame(xml.open(stream, source, limits.maxFileBytes()), stream, source, file, rootLevel, host,
                    pieNamespace, includeDepth));
        } catch (IOException e) {
            stream.close();
            throw e;
        }
    }

    private PieFormatException translate(XMLStreamException e) {
        Frame frame = frames.peek();
        var location = e.getLocation();
        String reason = e.getMessage();
        // the JDK prefixes its message with "ParseError at [row,col]:[r,c]\nMessage: "
        int message = reason == null ? -1 : reason.indexOf("Message: ");
        if (message >= 0) {
            reason = reason.substring(message + "Message: ".length());
        }
        if (e.getNestedException() instanceof HardenedXmlInput.FileTooLargeException tooLarge) {
            reason = tooLarge.getMessage();
        } else if (frame != null && !frame.started && reason != null && reason.contains("Premature end of file")) {
            return new PieFormatException(frame.source, -1, -1, "the file is empty: it holds no XML element", e);
        }
        return new PieFormatException(frame == null ? null : frame.source,
                location == null ? -1 : location.getLineNumber(), location == null ? -1 : location.getColumnNumber(),
                "malformed XML: " + reason, e);
    }

    private static String abbreviate(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= 40 ? trimmed : trimmed.substring(0, 40) + "…";
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        while (!frames.isEmpty()) {
            Frame frame = frames.pop();
            try {
                frame.in.close();
                frame.stream.close();
            } catch (XMLStreamException | IOException e) {
                failure = failure == null ? new IOException(e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
