package org.modernxmpp.portability.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.commons.io.file.PathUtils;
import org.modernxmpp.portability.pie.PieFolderWriter;
import org.modernxmpp.portability.pie.PieSink;
import org.modernxmpp.portability.pie.PieWriter;
import org.modernxmpp.portability.pie.ScramEncoding;
import org.modernxmpp.portability.pie.model.PieEntry;

/**
 * Where a command writes an export: one file, or a folder in the XInclude layout. Written beside the
 * target under a temporary name and moved into place only when complete, so a failure never leaves
 * half an export where a whole one is expected.
 */
final class ExportOutput implements AutoCloseable {
    enum Layout { FILE, XINCLUDE }

    private final Path target;
    private final Path temporary;
    private final PieSink sink;
    /** The open file of the one-file layout; null for a folder. */
    private final OutputStream stream;
    private boolean committed;

    private ExportOutput(Path target, Path temporary, PieSink sink, OutputStream stream) {
        this.target = target;
        this.temporary = temporary;
        this.sink = sink;
        this.stream = stream;
    }

    static ExportOutput create(Path target, Layout layout, boolean force) throws IOException {
        return create(target, layout, force, ScramEncoding.STANDARD);
    }

    static ExportOutput create(Path target, Layout layout, boolean force, ScramEncoding scram) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !force) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path parent = Files.createDirectories(absolute.getParent());
        Path temporary = parent.resolve("." + absolute.getFileName() + ".partial-" + ProcessHandle.current().pid());
        if (layout == Layout.XINCLUDE) {
            if (Files.isDirectory(temporary)) {
                PathUtils.deleteDirectory(temporary);
            }
            return new ExportOutput(absolute, temporary, new PieFolderWriter(temporary, scram), null);
        }
        OutputStream stream = new java.io.BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16);
        return new ExportOutput(absolute, temporary, new PieWriter(stream, scram), stream);
    }

    void write(PieEntry entry) throws IOException {
        sink.write(entry);
    }

    /** What the export is written to; {@link #commit} finishes it. */
    PieSink sink() {
        return sink;
    }

    /** Finishes the export and moves it into place. */
    void commit() throws IOException {
        sink.finish();
        if (stream != null) {
            stream.close();
        }
        if (Files.isDirectory(target)) {
            PathUtils.deleteDirectory(target);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    /** Without a commit, removes what was written. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        if (stream != null) {
            stream.close();
        }
        if (Files.isDirectory(temporary)) {
            PathUtils.deleteDirectory(temporary);
        } else {
            Files.deleteIfExists(temporary);
        }
    }
}
