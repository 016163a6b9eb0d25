package org.modernxmpp.portability.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.io.file.PathUtils;
import org.modernxmpp.portability.pie.PieReader;
import org.modernxmpp.portability.pie.PieWriter;
import org.modernxmpp.portability.pie.ReadLimits;
import org.modernxmpp.portability.pie.SyntheticExport;
import org.modernxmpp.portability.transfer.ExportJob;
import org.modernxmpp.portability.transfer.ExportOptions;
import org.modernxmpp.portability.transfer.ImportJob;
import org.modernxmpp.portability.transfer.ImportOptions;
import org.modernxmpp.portability.transfer.TransferProgress;
import org.modernxmpp.portability.transfer.TransferReport;
import org.modernxmpp.portability.transfer.UserOutcome;

/**
 * The transfer engine's speed and memory with ports that store nothing: export N users (generated as they are read;
 * generation time is left out) to a file, then import that file, at N and 4N users. Peak live heap must not grow
 * with N. Run with {@code mvn -Pbench verify [-Dbench.users=N]}.
 */
public final class TransferBenchmark {

    private record Run(int users, double exportSeconds, double importSeconds, long exportHeap, long importHeap) {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path folder = Files.createTempDirectory("transfer-benchmark");
        try {
            Run small = run(users, folder);
            Run large = run(users * 4, folder);
            print(small);
            print(large);
            double growth = Math.max(large.exportHeap(), large.importHeap()) / (double) Math.max(small.exportHeap(), small.importHeap());
            System.out.printf("transfer: peak live heap %,d users / %,d users: %.2f (bar <= 1.5) %s%n", large.users(),
                    small.users(), growth, growth <= 1.5 ? "PASS" : "FAIL");
        } finally {
            PathUtils.deleteDirectory(folder);
        }
    }

    private static Run run(int users, Path folder) throws Exception {
        Path file = folder.resolve("export-" + users + ".xml");
        GeneratedServer source = new GeneratedServer("bench.example", users, SyntheticExport.Shape.BENCHMARK);
        HeapWatch heap = new HeapWatch();
        long start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             PieWriter writer = new PieWriter(out)) {
            new ExportJob(source.ports(), ExportOptions.everything().withCredentials(true), new TransferProgress()).run(writer);
        }
        double exportSeconds = (System.nanoTime() - start - source.generationNanos()) / 1e9;
        long exportHeap = heap.peakAfterGc();

        GeneratedServer target = new GeneratedServer("bench.example", 0, SyntheticExport.Shape.BENCHMARK);
        heap = new HeapWatch();
        start = System.nanoTime();
        TransferReport report;
        try (PieReader reader = PieReader.open(file, ReadLimits.DEFAULT)) {
            report = new ImportJob(target.ports(), ImportOptions.mergeAll(), new TransferProgress()).run(reader);
        }
        double importSeconds = (System.nanoTime() - start) / 1e9;
        long importHeap = heap.peakAfterGc();
        if (report.count(UserOutcome.Status.DONE) != users) {
            org.modernxmpp.portability.transfer.ReportText.write(report, new java.io.PrintWriter(System.err));
            throw new IllegalStateException("imported " + report.count(UserOutcome.Status.DONE) + " of " + users + " users");
        }
        Files.delete(file);
        return new Run(users, exportSeconds, importSeconds, exportHeap, importHeap);
    }

    private static void print(Run run) {
        System.out.printf("transfer, %,d users: export %.0f users/s (peak live heap %,d MB), import %.0f users/s (peak live heap %,d MB)%n",
                run.users(), run.users() / run.exportSeconds(), run.exportHeap() >> 20, run.users() / run.importSeconds(),
                run.importHeap() >> 20);
    }
}
