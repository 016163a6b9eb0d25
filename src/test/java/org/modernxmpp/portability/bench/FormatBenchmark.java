package org.modernxmpp.portability.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import org.apache.commons.io.file.PathUtils;
import org.modernxmpp.portability.pie.PieReader;
import org.modernxmpp.portability.pie.PieWriter;
import org.modernxmpp.portability.pie.ReadLimits;
import org.modernxmpp.portability.pie.SyntheticExport;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;

/**
 * The format layer's speed and memory bar (DESIGN.md): writes and reads a synthetic server of N users (100 roster
 * items, a 4 KB vCard, 20 offline messages, 5 PEP nodes each) through PieWriter and PieReader, and in the same run
 * copies the same file through a plain StAX reader-to-writer loop. Then the same for 4N users, to show that the
 * live heap does not grow with the number of users. Run with {@code mvn -Pbench verify [-Dbench.users=N]}.
 */
public final class FormatBenchmark {
    private record Run(int users, long bytes, double writeSeconds, double readSeconds, double copySeconds,
                       long writePeakHeap, long readPeakHeap) {
        double mb() {
            return bytes / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path folder = Files.createTempDirectory("format-benchmark");
        try {
            Run small = run(users, folder);
            Run large = run(users * 4, folder);
            print(small);
            print(large);
            double writeRatio = ratio(small.writeSeconds(), small.copySeconds());
            double readRatio = ratio(small.readSeconds(), small.copySeconds());
            double heapGrowth = Math.max(large.writePeakHeap(), large.readPeakHeap())
                    / (double) Math.max(small.writePeakHeap(), small.readPeakHeap());
            System.out.printf("write speed / StAX copy speed: %.2f (bar >= 0.5) %s%n", writeRatio, writeRatio >= 0.5 ? "PASS" : "FAIL");
            System.out.printf("read speed / StAX copy speed:  %.2f (bar >= 0.5) %s%n", readRatio, readRatio >= 0.5 ? "PASS" : "FAIL");
            System.out.printf("peak live heap %,d users / %,d users: %.2f (bar <= 1.5) %s%n", large.users(), small.users(),
                    heapGrowth, heapGrowth <= 1.5 ? "PASS" : "FAIL");
        } finally {
            PathUtils.deleteDirectory(folder);
        }
    }

    private static Run run(int users, Path folder) throws Exception {
        Path file = folder.resolve("export-" + users + ".xml");
        Path copy = folder.resolve("copy-" + users + ".xml");
        JID host = new JID("bench.example");

        // every user is generated fresh (distinct JIDs and content, as on a real server); only the writer is timed
        SyntheticExport generator = new SyntheticExport(users);
        HeapWatch heap = new HeapWatch();
        long writeNanos = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             PieWriter writer = new PieWriter(out)) {
            for (int i = 0; i < users; i++) {
                UserData user = generator.user("user" + i, SyntheticExport.Shape.BENCHMARK);
                long start = System.nanoTime();
                writer.writeUser(host, user);
                writeNanos += System.nanoTime() - start;
            }
            long start = System.nanoTime();
            writer.finish();
            writeNanos += System.nanoTime() - start;
        }
        double writeSeconds = writeNanos / 1e9;
        long writePeak = heap.peakAfterGc();

        heap = new HeapWatch();
        long start = System.nanoTime();
        long read = 0;
        try (PieReader reader = PieReader.open(file, ReadLimits.DEFAULT)) {
            for (Optional<PieEntry> entry = reader.next(); entry.isPresent(); entry = reader.next()) {
                read++;
            }
        }
        double readSeconds = seconds(start);
        long readPeak = heap.peakAfterGc();
        if (read != users) {
            throw new IllegalStateException("read " + read + " users, wrote " + users);
        }

        start = System.nanoTime();
        staxCopy(file, copy);
        double copySeconds = seconds(start);
        long bytes = Files.size(file);
        Files.delete(file);
        Files.delete(copy);
        return new Run(users, bytes, writeSeconds, readSeconds, copySeconds, writePeak, readPeak);
    }

    /** The baseline: every event of the file read and written again by the JDK's StAX, nothing built. */
    private static void staxCopy(Path from, Path to) throws IOException, XMLStreamException {
        XMLInputFactory inputs = XMLInputFactory.newDefaultFactory();
        inputs.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(from), 1 << 16);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(to), 1 << 16)) {
            XMLStreamReader reader = inputs.createXMLStreamReader(in);
            XMLStreamWriter writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        writer.writeStartElement(reader.getLocalName());
                        for (int i = 0; i < reader.getNamespaceCount(); i++) {
                            String prefix = reader.getNamespacePrefix(i);
                            if (prefix == null || prefix.isEmpty()) {
                                writer.writeDefaultNamespace(reader.getNamespaceURI(i));
                            } else {
                                writer.writeNamespace(prefix, reader.getNamespaceURI(i));
                            }
                        }
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            writer.writeAttribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> writer.writeEndElement();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE ->
                            writer.writeCharacters(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    default -> {
                    }
                }
            }
            writer.writeEndDocument();
            writer.close();
            reader.close();
        }
    }

    private static void print(Run run) {
        System.out.printf("%,d users, %,.1f MB: write %.1f MB/s (%.0f users/s), read %.1f MB/s (%.0f users/s), "
                        + "StAX copy %.1f MB/s; peak live heap: write %,d MB, read %,d MB%n",
                run.users(), run.mb(), run.mb() / run.writeSeconds(), run.users() / run.writeSeconds(),
                run.mb() / run.readSeconds(), run.users() / run.readSeconds(), run.mb() / run.copySeconds(),
                run.writePeakHeap() >> 20, run.readPeakHeap() >> 20);
    }

    /** Ours over the baseline in speed: the copy's time divided by ours. */
    private static double ratio(double oursSeconds, double copySeconds) {
        return copySeconds / oursSeconds;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
