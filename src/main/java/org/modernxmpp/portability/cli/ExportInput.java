package org.modernxmpp.portability.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

import org.modernxmpp.portability.pie.PieReader;
import org.modernxmpp.portability.pie.ReadLimits;
import org.modernxmpp.portability.pie.model.PieEntry;

/** Reads an export for a command, telling the user on stderr how far it got when it takes a while. */
final class ExportInput implements AutoCloseable {
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    private final PieReader reader;
    private final PrintWriter progress;
    private final String name;
    private long users;
    private long lastReport = System.nanoTime();

    private ExportInput(PieReader reader, PrintWriter progress, String name) {
        this.reader = reader;
        this.progress = progress;
        this.name = name;
    }

    static ExportInput open(Path path, PrintWriter progress, InputOptions options) throws IOException {
        PieReader reader = PieReader.open(path, ReadLimits.DEFAULT).withLegacyDomain(options.legacyDomain);
        return new ExportInput(reader, options.quiet ? null : progress, path.toString());
    }

    Optional<PieEntry> next() throws IOException {
        Optional<PieEntry> entry = reader.next();
        if (entry.isPresent() && entry.get() instanceof PieEntry.HostUser) {
            users++;
            long now = System.nanoTime();
            if (progress != null && now - lastReport > PROGRESS_EVERY_NANOS) {
                progress.printf("%s: %,d users read%n", name, users);
                progress.flush();
                lastReport = now;
            }
        }
        return entry;
    }

    PieReader reader() {
        return reader;
    }

    long users() {
        return users;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
