package org.modernxmpp.portability.pie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;

/**
 * Every data kind survives write -> read unchanged, and write -> read -> write gives the same bytes, over
 * generated users with unicode names, XML specials, emoji, empty and large values.
 */
public class RoundTripTest {

    static List<PieEntry> generated(long seed, int users, SyntheticExport.Shape shape) {
        SyntheticExport generator = new SyntheticExport(seed);
        List<PieEntry> entries = new ArrayList<>();
        JID host = new JID(generator.domain());
        for (int i = 0; i < users; i++) {
            if (i == users / 2) {
                host = new JID(generator.domain() + "x");
            }
            entries.add(new PieEntry.HostUser(host, generator.user(generator.localpart(4) + i, shape)));
        }
        return entries;
    }

    static byte[] write(List<PieEntry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PieWriter writer = new PieWriter(bytes)) {
            for (PieEntry entry : entries) {
                writer.write(entry);
            }
        }
        return bytes.toByteArray();
    }

    static List<PieEntry> read(byte[] bytes) throws IOException {
        try (PieReader reader = PieReader.open(new ByteArrayInputStream(bytes), "generated.xml", ReadLimits.DEFAULT)) {
            return readAll(reader);
        }
    }

    public static List<PieEntry> readAll(PieReader reader) throws IOException {
        List<PieEntry> entries = new ArrayList<>();
        for (Optional<PieEntry> entry = reader.next(); entry.isPresent(); entry = reader.next()) {
            entries.add(entry.get());
        }
        return entries;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946})
    void everyKindSurvivesWriteReadWrite(long seed) throws IOException {
        List<PieEntry> original = generated(seed, 6, new SyntheticExport.Shape(12, 600, 3, 3, 4));

        byte[] first = write(original);
        List<PieEntry> read = read(first);
        byte[] second = write(read);

        assertEquals(original.size(), read.size());
        for (int i = 0; i < original.size(); i++) {
            assertEquals(original.get(i), read.get(i), "entry " + i);
        }
        assertArrayEquals(first, second, "write -> read -> write must give identical bytes");
    }

    @Test
    void emptyUserAndEmptyExportRoundTrip() throws IOException {
        List<PieEntry> entries = List.of(new PieEntry.HostUser(new JID("example.org"), UserData.builder("nobody").build()));

        assertEquals(entries, read(write(entries)));
        assertEquals(List.of(), read(write(List.of())));
    }

    @Test
    void hugeValuesRoundTrip() throws IOException {
        SyntheticExport generator = new SyntheticExport(42);
        UserData user = generator.user("big", new SyntheticExport.Shape(2000, 8 * 1024 * 1024, 500, 20, 2000));
        List<PieEntry> entries = List.of(new PieEntry.HostUser(new JID("example.org"), user));

        byte[] first = write(entries);
        List<PieEntry> read = read(first);

        assertEquals(entries, read);
        assertArrayEquals(first, write(read));
    }

    @Test
    void xincludeLayoutHoldsTheSameEntriesAsOneFile(@TempDir Path folder) throws IOException {
        List<PieEntry> original = generated(7, 10, new SyntheticExport.Shape(5, 300, 2, 2, 2));

        try (PieFolderWriter writer = new PieFolderWriter(folder.resolve("export"))) {
            for (PieEntry entry : original) {
                writer.write(entry);
            }
        }
        List<PieEntry> read;
        try (PieReader reader = PieReader.open(folder.resolve("export"), ReadLimits.DEFAULT)) {
            read = readAll(reader);
        }

        assertEquals(original, read);
    }
}
