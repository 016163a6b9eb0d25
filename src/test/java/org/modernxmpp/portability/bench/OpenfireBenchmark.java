package org.modernxmpp.portability.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.modernxmpp.portability.pie.PieReader;
import org.modernxmpp.portability.pie.PieWriter;
import org.modernxmpp.portability.pie.ReadLimits;
import org.modernxmpp.portability.pie.SyntheticExport;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;

/**
 * The plugin's import and export speed and memory inside a real Openfire: for each N, a fresh copy of an Openfire
 * distribution (embedded HSQLDB, demo setup, bound to its own loopback address, 1 GB heap, GC log), the plugin
 * copied in; then N generated users (100 contacts, a 4 KB vCard, 20 offline messages each) uploaded through the
 * admin console's import page, everyone exported again in the background and downloaded, and the GC log read for
 * the peak heap of each phase.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat /tmp/bench-cp.txt) org.modernxmpp.portability.bench.OpenfireBenchmark \
 *     --openfire /tmp/of-src/distribution/target/distribution-base --users 5000 --users 20000 [--work DIR]
 *     [--plugin target/accountportability.jar] [--address 127.0.0.9] [--dumps K] [--keep] [--max-minutes M]
 * </pre>
 *
 * {@code --dumps K} takes up to K thread dumps of Openfire during each import and summarises where the import
 * thread was; {@code --keep} keeps the Openfire copy and the big files (by default only logs and reports stay);
 * {@code --max-minutes} gives up on a phase after that long (default 25), cancels the job and reports what it saw;
 * {@code --distinct K} is how many different users are generated (default 1,000; see {@link #generate}).
 *
 * <p>Federation is blocked by default (xmpp.server.permission = whitelist with an empty list, set through the admin
 * console once Openfire is up). The generated contacts live on made-up domains (hostNNN.example), and when a user's
 * private XML is stored Openfire creates the user's PEP service and subscribes every contact with a "from" or
 * "both" subscription to it, sending each a notification: with federation on, that is one server-to-server attempt
 * (DNS lookup, connect) per contact, on unbounded TaskEngine threads; in this sandbox Openfire reached 13,000
 * threads after 6 minutes. {@code --federation} leaves federation on to reproduce that; {@code --max-threads T}
 * (default 6,000) cancels a job when Openfire has more threads than that, so the machine keeps free process ids.
 */
public final class OpenfireBenchmark {
    private static final String DOMAIN = "example.org";
    /** Accounts the demo setup creates before the import: admin, john, jane and juan. */
    private static final int PRE_EXISTING_USERS = 4;
    private static final SyntheticExport.Shape SHAPE = new SyntheticExport.Shape(100, 4096, 20, 0, 0);
    private static final double IMPORT_BAR = 50;
    private static final double EXPORT_BAR = 400;

    private final Path distribution;
    private final Path work;
    private final Path plugin;
    private final String address;
    private final int dumps;
    private final boolean keep;
    private final Duration maxPhase;
    private final int distinct;
    private final boolean federation;
    private final int maxThreads;
    private final Duration maxExport;
    private List<UserData> templates;

    /** Peak heap before and after collection over one phase, from the GC log. */
    record Heap(long beforeMb, long afterMb, int collections) {
        @Override
        public String toString() {
            return collections == 0 ? "no GC" : String.format("%,d MB after GC (%,d MB before; %d GCs)", afterMb, beforeMb, collections);
        }
    }

    /** One phase seen from outside: the job's own time, the wall time, and the Openfire JVM's uptime window. */
    record Phase(long users, double jobSeconds, double wallSeconds, double uptimeStart, double uptimeEnd, boolean complete,
                 double cpuSeconds, String load, boolean unresponsive) {
        double usersPerSecond() {
            return users / Math.max(jobSeconds, 0.001);
        }

        /** Openfire's whole-process CPU (all threads, GC included) per user, in ms. */
        double cpuMsPerUser() {
            return cpuSeconds * 1000 / Math.max(1, users);
        }
    }

    record Result(int users, long fileBytes, Phase importPhase, Heap importHeap, Phase exportPhase, Heap exportHeap,
                  long exportedUsers, long peakRssKb, List<String> problems) {
    }

    private OpenfireBenchmark(Path distribution, Path work, Path plugin, String address, int dumps, boolean keep, Duration maxPhase,
                              int distinct, boolean federation, int maxThreads, Duration maxExport) {
        this.maxExport = maxExport;
        this.distinct = distinct;
        this.federation = federation;
        this.maxThreads = maxThreads;
        this.distribution = distribution;
        this.work = work;
        this.plugin = plugin;
        this.address = address;
        this.dumps = dumps;
        this.keep = keep;
        this.maxPhase = maxPhase;
    }

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of("/tmp/of-src/distribution/target/distribution-base");
        Path work = Path.of("target/bench-openfire");
        Path plugin = Path.of("target/accountportability.jar");
        String address = "127.0.0.9";
        List<Integer> sizes = new ArrayList<>();
        int dumps = 0;
        boolean keep = false;
        int maxMinutes = 25;
        int distinct = 1000;
        boolean federation = false;
        int maxThreads = 6000;
        int exportMinutes = -1;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--openfire" -> distribution = Path.of(value);
                case "--users" -> sizes.add(Integer.parseInt(value.replace("_", "").replace(",", "")));
                case "--work" -> work = Path.of(value);
                case "--plugin" -> plugin = Path.of(value);
                case "--address" -> address = value;
                case "--dumps" -> dumps = Integer.parseInt(value);
                case "--max-minutes" -> maxMinutes = Integer.parseInt(value);
                case "--distinct" -> distinct = Integer.parseInt(value);
                case "--max-threads" -> maxThreads = Integer.parseInt(value);
                case "--export-minutes" -> exportMinutes = Integer.parseInt(value);
                case "--keep" -> {
                    keep = true;
                    continue;
                }
                case "--federation" -> {
                    federation = true;
                    continue;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: --openfire DIST --users N [--users M …] [--work DIR] [--plugin JAR] [--address IP] [--dumps K] [--keep] [--max-minutes M] [--distinct K] [--federation] [--max-threads T] [--export-minutes M]");
            }
            i++;
        }
        if (sizes.isEmpty()) {
            sizes = List.of(5000, 20000);
        }
        if (!Files.isRegularFile(distribution.resolve("bin/openfire.sh"))) {
            throw new IllegalArgumentException("not an Openfire distribution: " + distribution);
        }
        if (!Files.isRegularFile(plugin)) {
            throw new IllegalArgumentException("no plugin jar at " + plugin + " (mvn -o package -DskipTests)");
        }
        OpenfireBenchmark benchmark = new OpenfireBenchmark(distribution.toAbsolutePath(), work.toAbsolutePath(), plugin.toAbsolutePath(),
                address, dumps, keep, Duration.ofMinutes(maxMinutes), distinct, federation, maxThreads,
                Duration.ofMinutes(exportMinutes < 0 ? maxMinutes : exportMinutes));
        List<Result> results = new ArrayList<>();
        for (int users : sizes) {
            results.add(benchmark.run(users));
        }
        table(results);
        boolean failed = results.stream().anyMatch(r -> !r.problems().isEmpty());
        System.exit(failed ? 1 : 0);
    }

    // ---------------------------------------------------------------- one size

    private Result run(int users) throws Exception {
        Path home = work.resolve("openfire-" + users);
        System.out.printf("%n=== %,d users: Openfire in %s ===%n", users, home);
        List<String> problems = new ArrayList<>();
        Openfire openfire = Openfire.prepare(distribution, home, plugin, address);
        Path export = home.resolve("bench-import-" + users + ".xml");
        Path download = home.resolve("bench-export-" + users + ".xml");
        Phase importPhase = null;
        Phase exportPhase = null;
        Heap importHeap = new Heap(0, 0, 0);
        Heap exportHeap = new Heap(0, 0, 0);
        long exported = -1;
        long rss = -1;
        long fileBytes = 0;
        try {
            // generate while Openfire starts: it is another process, and the generator is single-threaded
            openfire.start();
            long start = System.nanoTime();
            fileBytes = generate(export, users);
            System.out.printf("generated %s: %,d users, %,.1f MB in %.1f s%n", export.getFileName(), users, fileBytes / 1e6, seconds(start));
            Console console = openfire.awaitConsole(Duration.ofMinutes(3));
            console.threads = openfire::threads;
            console.maxThreads = maxThreads;
            System.out.printf("Openfire up (pid %d, JVM uptime %.1f s), admin logged in, plugin page answers%n", openfire.pid(), openfire.uptime());
            if (!federation) {
                // see the class comment: without this, every imported contact with a presence subscription makes
                // Openfire try a server-to-server connection to the contact's (here non-existent) domain
                console.setProperty("xmpp.server.permission", "whitelist");
                System.out.println("federation blocked: xmpp.server.permission = whitelist, with no server on the list");
            }

            importPhase = importFile(openfire, console, export, users, problems);
            importHeap = GcLog.peak(home.resolve("gc.log"), importPhase.uptimeStart(), importPhase.uptimeEnd());
            if (importPhase.unresponsive()) {
                System.out.printf("import heap: %s; Openfire RSS peak %,d MB; last lines of gc.log:%n", importHeap, openfire.peakRssKb() / 1024);
                GcLog.timeline(home.resolve("gc.log"), importPhase.uptimeStart(), importPhase.uptimeEnd(), 5, System.out);
                GcLog.tail(home.resolve("gc.log"), 3, System.out);
                rss = openfire.peakRssKb();
                openfire.logProblems("import", System.out);
                return new Result(users, fileBytes, importPhase, importHeap, null, exportHeap, exported, rss, problems);
            }
            System.out.printf("import heap: %s; heap in use at the end %,d MB; Openfire RSS peak so far %,d MB, %,d threads%n", importHeap,
                    openfire.heapUsedMb(), openfire.peakRssKb() / 1024, openfire.threads());
            GcLog.timeline(home.resolve("gc.log"), importPhase.uptimeStart(), importPhase.uptimeEnd(), 5, System.out);
            openfire.histogram("after-import", System.out);
            openfire.logProblems("import", System.out);
            if (!importPhase.complete()) {
                problems.add("import stopped after " + maxPhase.toMinutes() + " min with " + importPhase.users() + " of " + users
                        + " users done; exporting those");
            }

            exportPhase = exportEveryone(openfire, console, download, importPhase.users() + PRE_EXISTING_USERS);
            exportHeap = GcLog.peak(home.resolve("gc.log"), exportPhase.uptimeStart(), exportPhase.uptimeEnd());
            System.out.printf("export heap: %s; heap in use at the end %,d MB%n", exportHeap, openfire.heapUsedMb());
            GcLog.timeline(home.resolve("gc.log"), exportPhase.uptimeStart(), exportPhase.uptimeEnd(), 5, System.out);
            openfire.histogram("after-export", System.out);
            if (exportPhase.complete()) {
                exported = checkExport(download, (int) importPhase.users(), problems);
            } else {
                problems.add("export stopped after " + maxExport.toMinutes() + " min with " + exportPhase.users() + " users done");
            }
            rss = openfire.peakRssKb();
            System.out.printf("Openfire JVM peak RSS (VmHWM): %,d MB%n", rss / 1024);
            openfire.logProblems("whole run", System.out);
        } catch (Exception e) {
            problems.add(e.toString());
            System.out.println("FAILED: " + e);
            e.printStackTrace(System.out);
        } finally {
            openfire.stop();
            if (!keep) {
                Files.deleteIfExists(export);
                Files.deleteIfExists(download);
                openfire.deleteAllButLogs();
            }
            problems.forEach(p -> System.out.println("PROBLEM: " + p));
        }
        return new Result(users, fileBytes, importPhase, importHeap, exportPhase, exportHeap, exported, rss, problems);
    }

    /**
     * N users of example.org, "user0" … "userN-1", with plaintext passwords "pw-userI", so every account is created
     * with a known password. SyntheticExport spends ~0.1 s of CPU per user of this shape (libidn's Stringprep for
     * 100 non-ASCII contacts), so it makes {@code distinct} users once, and user i carries the data of user
     * i % distinct under its own name: 1,000 of them give 100,000 distinct contact JIDs, more than Openfire's and
     * Tinder's JID caches hold, so the import still preps nearly every JID.
     */
    private long generate(Path file, int users) throws IOException {
        int wanted = Math.min(users, distinct);
        if (templates == null || templates.size() < wanted) {
            SyntheticExport generator = new SyntheticExport(42);
            List<UserData> made = new ArrayList<>(wanted);
            for (int i = 0; i < wanted; i++) {
                made.add(generator.user("user" + i, SHAPE));
            }
            templates = made;
        }
        JID host = new JID(DOMAIN);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             PieWriter writer = new PieWriter(out)) {
            for (int i = 0; i < users; i++) {
                String name = "user" + i;
                UserData u = templates.get(i % wanted);
                UserData known = new UserData(name, u.account(), "pw-" + name, List.of(), u.roster(), u.pendingSubscriptions(),
                        u.vCard(), u.privateXml(), u.offlineMessages(), u.pepNodes(), u.privacy(), u.blocklist(), u.archive(),
                        u.extensions(), u.extraAttributes());
                writer.write(new PieEntry.HostUser(host, known));
            }
        }
        return Files.size(file);
    }

    private Phase importFile(Openfire openfire, Console console, Path file, int users, List<String> problems) throws Exception {
        double uptimeStart = openfire.uptime();
        double cpuStart = openfire.cpuSeconds();
        String loadStart = loadAverage();
        long start = System.nanoTime();
        String job = console.upload(file);
        double uploadSeconds = seconds(start);
        System.out.printf("uploaded %,.1f MB in %.1f s (%.1f MB/s); import job %s; load average %s%n", Files.size(file) / 1e6,
                uploadSeconds, Files.size(file) / 1e6 / uploadSeconds, job, loadStart);
        ThreadDumps threadDumps = dumps > 0 ? new ThreadDumps(openfire, dumps) : null;
        Console.JobState state = console.awaitJob(job, maxPhase, "import", threadDumps);
        boolean complete = state.finished();
        if (state.unresponsive()) {
            double wall = seconds(start);
            System.out.printf("import: Openfire stopped answering after %.0f s with %,d users done (%.1f users/s until then)%n", wall,
                    state.usersDone(), state.usersDone() / state.jobSeconds());
            problems.add("Openfire stopped answering during the import, with " + state.usersDone() + " of " + users + " users done");
            if (threadDumps != null) {
                threadDumps.summary(System.out);
            }
            return new Phase(state.usersDone(), state.jobSeconds(), wall, uptimeStart, openfire.uptimeFromProc(), false,
                    openfire.cpuSeconds() - cpuStart, loadStart + " -> " + loadAverage(), true);
        }
        if (!complete) {
            System.out.printf("import NOT finished after %.0f s: %,d users done (%.1f users/s so far); cancelling it%n", seconds(start),
                    state.usersDone(), state.usersDone() / state.jobSeconds());
            console.cancel(job);
            state = console.awaitJob(job, Duration.ofMinutes(5), "import (cancelled)", null);
            if (!state.finished()) {
                throw new IllegalStateException("the import did not stop within 5 minutes of being cancelled");
            }
        }
        double wall = seconds(start);
        double uptimeEnd = openfire.uptime();
        double cpu = openfire.cpuSeconds() - cpuStart;
        String load = loadStart + " -> " + loadAverage();
        if (threadDumps != null) {
            threadDumps.summary(System.out);
        }
        Path reportFile = openfire.home().resolve("report-import.json");
        console.download(job, "format=json", reportFile);
        String json = Files.readString(reportFile);
        Map<String, Long> counts = Report.counts(json);
        long done = counts.getOrDefault("done", 0L);
        System.out.printf("import job %s after %.0f s (wall %.1f s incl. upload): counts %s; Openfire CPU %.0f s (%.0f ms per user); "
                        + "load %s%n", complete ? "finished" : "cancelled", state.jobSeconds(), wall, counts, cpu, cpu * 1000 / Math.max(1, done), load);
        Matcher notListed = Pattern.compile("\"usersNotListed\":(\\d+)").matcher(json);
        System.out.println("kind results of the users the report lists (" + (notListed.find() ? notListed.group(1) : "?")
                + " not listed): " + Report.kindResults(json));
        if (complete && done != users) {
            problems.add("import: " + counts + ", expected done=" + users);
        }
        if (counts.getOrDefault("failed", 0L) + counts.getOrDefault("skipped", 0L) > 0 || (complete && done != users)) {
            System.out.println("IMPORT INCOMPLETE, first problems:");
            Report.problems(json, 15).forEach(p -> System.out.println("  " + p));
        }
        List<String> notes = Report.notes(json);
        if (!notes.isEmpty()) {
            System.out.println("report notes: " + notes.subList(0, Math.min(10, notes.size())));
        }
        return new Phase(done, state.jobSeconds(), wall, uptimeStart, uptimeEnd, complete, cpu, load, false);
    }

    private Phase exportEveryone(Openfire openfire, Console console, Path download, long expected) throws Exception {
        double uptimeStart = openfire.uptime();
        double cpuStart = openfire.cpuSeconds();
        String loadStart = loadAverage();
        long start = System.nanoTime();
        String job = console.exportInBackground();
        Console.JobState state = console.awaitJob(job, maxExport, "export", null);
        double jobWall = seconds(start);
        if (!state.finished()) {
            console.cancel(job);
            System.out.printf("export NOT finished after %.0f s: %,d users done (%.1f users/s so far); cancelled%n", jobWall,
                    state.usersDone(), state.usersDone() / state.jobSeconds());
            return new Phase(state.usersDone(), state.jobSeconds(), jobWall, uptimeStart, openfire.uptime(), false,
                    openfire.cpuSeconds() - cpuStart, loadStart + " -> " + loadAverage(), state.unresponsive());
        }
        double cpu = openfire.cpuSeconds() - cpuStart;
        long downloadStart = System.nanoTime();
        console.download(job, "download=1", download);
        double downloadSeconds = seconds(downloadStart);
        double uptimeEnd = openfire.uptime();
        String load = loadStart + " -> " + loadAverage();
        System.out.printf("export job finished after %.0f s (wall %.1f s); Openfire CPU %.0f s (%.1f ms per user); downloaded %,.1f MB "
                + "in %.1f s; load %s%n", state.jobSeconds(), jobWall, cpu, cpu * 1000 / Math.max(1, expected), Files.size(download) / 1e6,
                downloadSeconds, load);
        return new Phase(expected, state.jobSeconds(), jobWall, uptimeStart, uptimeEnd, true, cpu, load, false);
    }

    private static String loadAverage() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return load[0] + "/" + Runtime.getRuntime().availableProcessors() + " CPUs";
        } catch (IOException e) {
            return "?";
        }
    }

    /** Streams the downloaded export: counts users and checks one generated user's roster and offline messages. */
    private static long checkExport(Path file, int users, List<String> problems) throws IOException {
        // users: how many generated users were imported (user0 … user{users-1}); the demo accounts come on top
        String sample = "user" + users / 2;
        long count = 0;
        UserData sampled = null;
        try (PieReader reader = PieReader.open(file, ReadLimits.DEFAULT)) {
            for (Optional<PieEntry> entry = reader.next(); entry.isPresent(); entry = reader.next()) {
                if (entry.get() instanceof PieEntry.HostUser user) {
                    count++;
                    if (user.user().name().equals(sample)) {
                        sampled = user.user();
                    }
                }
            }
        }
        System.out.printf("export file: %,d users (expected %,d)%n", count, users + PRE_EXISTING_USERS);
        if (count != users + PRE_EXISTING_USERS) {
            problems.add("export holds " + count + " users, expected " + (users + PRE_EXISTING_USERS));
        }
        if (sampled == null) {
            problems.add("export lacks " + sample);
        } else {
            System.out.printf("%s: %d roster items, %d offline messages, vCard %s, password %s%n", sample, sampled.roster().size(),
                    sampled.offlineMessages().size(), sampled.vCard() != null ? "present" : "MISSING",
                    sampled.password() != null ? "plaintext" : sampled.scram().isEmpty() ? "none" : "SCRAM " + sampled.scram().size());
            if (sampled.roster().size() != SHAPE.rosterItems()) {
                problems.add(sample + " has " + sampled.roster().size() + " roster items, expected " + SHAPE.rosterItems());
            }
            if (sampled.offlineMessages().size() != SHAPE.offlineMessages()) {
                problems.add(sample + " has " + sampled.offlineMessages().size() + " offline messages, expected " + SHAPE.offlineMessages());
            }
        }
        return count;
    }

    private static void table(List<Result> results) {
        System.out.printf("%n%-8s %9s %12s %18s %12s %18s %12s%n", "users", "file MB", "import u/s", "import heap(aGC)", "export u/s",
                "export heap(aGC)", "peak RSS MB");
        for (Result r : results) {
            System.out.printf("%-8s %9.1f %12s %18s %12s %18s %12s%n", String.format("%,d", r.users()), r.fileBytes() / 1e6,
                    r.importPhase() == null ? "-" : String.format("%.1f%s", r.importPhase().usersPerSecond(), r.importPhase().complete() ? "" : "*"),
                    r.importHeap().collections() == 0 ? "-" : r.importHeap().afterMb() + " MB",
                    r.exportPhase() == null ? "-" : String.format("%.1f%s", r.exportPhase().usersPerSecond(), r.exportPhase().complete() ? "" : "*"),
                    r.exportHeap().collections() == 0 ? "-" : r.exportHeap().afterMb() + " MB",
                    r.peakRssKb() < 0 ? "-" : String.valueOf(r.peakRssKb() / 1024));
        }
        System.out.println("(* = phase stopped before the end; figure from the users done by then; heap = peak heap after GC in that phase)");
        for (Result r : results) {
            if (r.importPhase() != null) {
                System.out.printf("%,d users: Openfire CPU per user: import %.0f ms (load %s)%s%n", r.users(), r.importPhase().cpuMsPerUser(),
                        r.importPhase().load(), r.exportPhase() == null ? "" : String.format(", export %.1f ms (load %s)",
                                r.exportPhase().cpuMsPerUser(), r.exportPhase().load()));
            }
        }
        for (Result r : results) {
            System.out.printf("%,d users: import %s, peak before GC %s / export %s, peak before GC %s%s%n", r.users(),
                    r.importPhase() == null ? "-" : String.format("%,d users in %.0f s job (%.0f s wall)", r.importPhase().users(),
                            r.importPhase().jobSeconds(), r.importPhase().wallSeconds()),
                    r.importHeap().beforeMb() + " MB",
                    r.exportPhase() == null ? "-" : String.format("%,d users in %.0f s job", r.exportPhase().users(), r.exportPhase().jobSeconds()),
                    r.exportHeap().beforeMb() + " MB", r.problems().isEmpty() ? "" : "; PROBLEMS: " + r.problems());
        }
        List<Result> measured = results.stream().filter(r -> r.importPhase() != null).toList();
        if (measured.isEmpty()) {
            return;
        }
        for (Result r : measured) {
            double imp = r.importPhase().usersPerSecond();
            System.out.printf("%,d users: import %.1f users/s (bar >= %.0f) %s", r.users(), imp, IMPORT_BAR, imp >= IMPORT_BAR ? "PASS" : "FAIL");
            if (r.exportPhase() != null) {
                double exp = r.exportPhase().usersPerSecond();
                System.out.printf(", export %.1f users/s (bar >= %.0f) %s", exp, EXPORT_BAR, exp >= EXPORT_BAR ? "PASS" : "FAIL");
            }
            System.out.println();
        }
        Result smallest = measured.stream().min((a, b) -> Integer.compare(a.users(), b.users())).get();
        Result biggest = measured.stream().max((a, b) -> Integer.compare(a.users(), b.users())).get();
        if (smallest != biggest) {
            long small = Math.max(smallest.importHeap().afterMb(), smallest.exportHeap().afterMb());
            long big = Math.max(biggest.importHeap().afterMb(), biggest.exportHeap().afterMb());
            double growth = big / (double) Math.max(1, small);
            System.out.printf("memory: peak heap after GC %,d MB at %,d users vs %,d MB at %,d users: %.2fx (flat = within 1.5x) %s%n",
                    big, biggest.users(), small, smallest.users(), growth, growth <= 1.5 ? "FLAT" : "NOT FLAT");
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    // ---------------------------------------------------------------- the Openfire process

    /** One copy of the distribution and its JVM. */
    static final class Openfire {
        private final Path home;
        private final String address;
        private Process process;

        private Openfire(Path home, String address) {
            this.home = home;
            this.address = address;
        }

        /** A fresh copy: demo setup (embedded database, admin/admin, john/jane/juan), bound to the address, the plugin in. */
        static Openfire prepare(Path distribution, Path home, Path plugin, String address) throws Exception {
            if (Files.exists(home)) {
                delete(home);
            }
            Files.createDirectories(home.getParent());
            exec(List.of("cp", "-a", distribution.toString(), home.toString()));
            String config = Files.readString(home.resolve("conf/openfire-demoboot.xml"));
            config = config.replaceFirst("<jive>", "<jive>\n  <network><interface>" + address + "</interface></network>");
            config = config.replaceFirst("<adminConsole>", "<adminConsole>\n      <interface>" + address + "</interface>");
            Files.writeString(home.resolve("conf/openfire.xml"), config);
            Files.createDirectories(home.resolve("plugins"));
            Files.copy(plugin, home.resolve("plugins").resolve(plugin.getFileName()));
            return new Openfire(home, address);
        }

        Path home() {
            return home;
        }

        long pid() {
            return process.pid();
        }

        void start() throws IOException {
            ProcessBuilder builder = new ProcessBuilder("nohup", "bin/openfire.sh").directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(home.resolve("stdout.log").toFile());
            builder.environment().put("OPENFIRE_HOME", home.toString());
            builder.environment().put("OPENFIRE_OPTS", "-Xmx1g -Xlog:gc:file=" + home.resolve("gc.log") + ":uptime");
            process = builder.start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (started.isAlive()) {
                    started.destroyForcibly();
                }
            }));
        }

        /** Logs in once admin login works and the plugin's export page answers 200. */
        Console awaitConsole(Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            Exception last = null;
            Console console = new Console("http://" + address + ":9090/");
            boolean loggedIn = false;
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Openfire exited with " + process.exitValue() + "; see " + home.resolve("stdout.log"));
                }
                try {
                    if (!loggedIn) {
                        loggedIn = console.login("admin", "admin");
                    }
                    if (loggedIn && console.pluginAnswers()) {
                        return console;
                    }
                } catch (IOException e) {
                    last = e;
                }
                Thread.sleep(2000);
            }
            throw new IllegalStateException("Openfire's admin console or the plugin page did not come up within " + timeout
                    + (loggedIn ? " (login works, the plugin page does not)" : " (no login)"), last);
        }

        /** The JVM's uptime from /proc (process start, ~0.1 s before the JVM's own clock), for a JVM too busy for jcmd. */
        double uptimeFromProc() {
            try {
                String[] stat = Files.readString(Path.of("/proc/" + pid() + "/stat")).replaceFirst("^.*\\) ", "").split(" ");
                double startTicks = Double.parseDouble(stat[19]);
                double since = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
                return since - startTicks / 100.0;
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }

        /** The JVM's uptime in seconds, the clock of the GC log. */
        double uptime() {
            try {
                Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid()), "VM.uptime").redirectErrorStream(true).start();
                String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                jcmd.waitFor(30, TimeUnit.SECONDS);
                Matcher m = Pattern.compile("(?m)^\\s*(\\d+[.,]\\d+)\\s*s").matcher(out);
                if (m.find()) {
                    return Double.parseDouble(m.group(1).replace(',', '.'));
                }
            } catch (IOException e) {
                // fall back to /proc below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                String[] stat = Files.readString(Path.of("/proc/" + pid() + "/stat")).replaceFirst("^.*\\) ", "").split(" ");
                double startTicks = Double.parseDouble(stat[19]);
                double since = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
                return since - startTicks / 100.0;
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }

        /** CPU time of the whole Openfire JVM (user + system, all threads) in seconds, from /proc. */
        double cpuSeconds() {
            try {
                String[] stat = Files.readString(Path.of("/proc/" + pid() + "/stat")).replaceFirst("^.*\\) ", "").split(" ");
                return (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / 100.0;
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }

        /** Openfire's live thread count, or -1. */
        int threads() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                    if (line.startsWith("Threads:")) {
                        return Integer.parseInt(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // gone
            }
            return -1;
        }

        /** VmHWM of the Openfire JVM in KB, or -1. */
        long peakRssKb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException e) {
                // gone
            }
            return -1;
        }

        /** The heap in use right now (live data plus garbage not yet collected) in MB, from jcmd GC.heap_info; -1 if unknown. */
        long heapUsedMb() {
            try {
                Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid()), "GC.heap_info").redirectErrorStream(true).start();
                String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                jcmd.waitFor(30, TimeUnit.SECONDS);
                Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(out);
                return m.find() ? Long.parseLong(m.group(2)) / 1024 : -1;
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        /**
         * A class histogram of the live heap (jcmd GC.class_histogram, which runs a full GC first), saved to a file;
         * prints the live heap after that GC and how much of it is the embedded database's, Openfire's pubsub/PEP and
         * roster objects', and the plugin's.
         */
        void histogram(String when, java.io.PrintStream out) throws IOException, InterruptedException {
            Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid()), "GC.class_histogram").redirectErrorStream(true).start();
            String text = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(120, TimeUnit.SECONDS);
            Files.writeString(home.resolve("histogram-" + when + ".txt"), text);
            Map<String, Long> groups = new LinkedHashMap<>();
            for (String g : List.of("org.hsqldb.", "org.jivesoftware.openfire.pubsub.", "org.jivesoftware.openfire.roster.",
                    "org.apache.logging.", "org.modernxmpp.")) {
                groups.put(g, 0L);
            }
            Matcher m = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)").matcher(text);
            List<String> top = new ArrayList<>();
            while (m.find()) {
                long bytes = Long.parseLong(m.group(2));
                String name = m.group(3);
                groups.replaceAll((prefix, sum) -> name.startsWith(prefix) ? sum + bytes : sum);
                if (top.size() < 8) {
                    top.add(String.format("%s %,d MB", name, bytes >> 20));
                }
            }
            out.printf("live heap after a full GC (%s): %,d MB in use; objects of %s%n  largest classes: %s%n", when, heapUsedMb(),
                    groups.entrySet().stream().map(e -> e.getKey() + "* " + (e.getValue() >> 20) + " MB").toList(), top);
        }

        String threadDump() throws IOException, InterruptedException {
            Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid()), "Thread.print").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(60, TimeUnit.SECONDS);
            return out;
        }

        /** Prints how many ERROR and WARN lines openfire.log holds so far, with the first distinct ones. */
        void logProblems(String when, java.io.PrintStream out) throws IOException {
            Path log = home.resolve("logs/openfire.log");
            if (!Files.exists(log)) {
                out.println("no " + log);
                return;
            }
            Map<String, Integer> distinct = new LinkedHashMap<>();
            int errors = 0;
            int warnings = 0;
            try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                for (String raw : (Iterable<String>) lines::iterator) {
                    String line = raw.replaceAll("\u001B\\[[0-9;]*m", "");
                    boolean error = line.contains(" ERROR ") || line.contains("ERROR [");
                    boolean warn = line.contains(" WARN ") || line.contains("WARN  [") || line.contains("WARN [");
                    if (!error && !warn) {
                        continue;
                    }
                    if (error) {
                        errors++;
                    } else {
                        warnings++;
                    }
                    String key = line.replaceFirst("^\\S+ \\S+ ", "").replaceAll("\\d+", "#").replaceAll("pool-#", "pool");
                    key = key.length() > 220 ? key.substring(0, 220) : key;
                    distinct.merge(key, 1, Integer::sum);
                }
            } catch (java.io.UncheckedIOException e) {
                out.println("could not read " + log + ": " + e.getMessage());
            }
            out.printf("openfire.log after %s: %d ERROR, %d WARN lines%n", when, errors, warnings);
            distinct.entrySet().stream().limit(12).forEach(e -> out.printf("  %5dx %s%n", e.getValue(), e.getKey()));
        }

        void stop() throws InterruptedException {
            if (process == null || !process.isAlive()) {
                return;
            }
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                System.out.println("Openfire did not stop within 60 s: killing it");
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            System.out.printf("Openfire (pid %d) stopped%n", process.pid());
        }

        /** Keeps gc.log, stdout.log, logs/, reports and thread dumps; deletes the rest of the copy (database, jars, exports). */
        void deleteAllButLogs() throws IOException {
            try (Stream<Path> children = Files.list(home)) {
                for (Path child : children.toList()) {
                    String name = child.getFileName().toString();
                    if (name.equals("logs") || name.endsWith(".log") || name.endsWith(".json") || name.startsWith("threaddump")
                            || name.startsWith("histogram")) {
                        continue;
                    }
                    delete(child);
                }
            }
        }

        private static void delete(Path path) throws IOException {
            if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                org.apache.commons.io.file.PathUtils.deleteDirectory(path);
            } else {
                Files.deleteIfExists(path);
            }
        }

        private static void exec(List<String> command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException(command + " failed with " + p.exitValue());
            }
        }
    }

    // ---------------------------------------------------------------- the admin console

    /** The admin console over HTTP, with the session cookie and a fresh CSRF token for every POST. */
    static final class Console {
        private static final Pattern CSRF_INPUT = Pattern.compile(
                "<input[^>]*name=\"csrf\"[^>]*value=\"([^\"]*)\"|<input[^>]*value=\"([^\"]*)\"[^>]*name=\"csrf\"");
        private static final Pattern IMPORT_ACTION = Pattern.compile("action=\"import\\?csrf=([^\"]+)\"");
        private static final Pattern PROGRESS = Pattern.compile("(\\d+)(?: of (\\d+))? users done(?:, (\\d+) of (\\d+) MB read)?, ([^.]*?) so far");
        private static final Pattern FINISHED = Pattern.compile("Finished after ((?:(\\d+) min )?(\\d+) s)");

        private final URI base;
        private final URI pluginBase;
        private final HttpClient http;

        /** @param unresponsive the job page stopped answering (three requests in a row timed out) */
        record JobState(boolean finished, long usersDone, double jobSeconds, boolean unresponsive) {
            JobState(boolean finished, long usersDone, double jobSeconds) {
                this(finished, usersDone, jobSeconds, false);
            }
        }

        Console(String base) {
            this.base = URI.create(base);
            this.pluginBase = this.base.resolve("plugins/accountportability/");
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        }

        boolean login(String user, String password) throws IOException, InterruptedException {
            HttpResponse<String> page = get(base.resolve("login.jsp"));
            if (page.statusCode() != 200) {
                return false;
            }
            String csrf = csrf(page.body());
            HttpResponse<String> posted = post(base.resolve("login.jsp"), form(Map.of("login", "true", "username", user,
                    "password", password, "csrf", csrf)));
            if (posted.statusCode() != 302 && posted.statusCode() != 303) {
                return false;
            }
            HttpResponse<String> index = get(base.resolve("index.jsp"));
            return index.statusCode() == 200;
        }

        boolean pluginAnswers() throws IOException, InterruptedException {
            HttpResponse<String> page = get(pluginBase.resolve("export"));
            return page.statusCode() == 200 && page.body().contains("name=\"csrf\"");
        }

        /** Uploads the file as multipart/form-data, streamed from disk; returns the import job's id. */
        String upload(Path file) throws IOException, InterruptedException {
            HttpResponse<String> page = get(pluginBase.resolve("import"));
            Matcher action = IMPORT_ACTION.matcher(page.body());
            if (page.statusCode() != 200 || !action.find()) {
                throw new IOException("import page: HTTP " + page.statusCode() + " without the form's csrf action");
            }
            String boundary = "----bench" + UUID.randomUUID().toString().replace("-", "");
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\nimport\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"policy\"\r\n\r\nmerge\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                    + "\"\r\nContent-Type: application/xml\r\n\r\n";
            String tail = "\r\n--" + boundary + "--\r\n";
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofByteArray(head.getBytes(StandardCharsets.UTF_8)),
                    HttpRequest.BodyPublishers.ofFile(file),
                    HttpRequest.BodyPublishers.ofByteArray(tail.getBytes(StandardCharsets.UTF_8)));
            HttpRequest request = HttpRequest.newBuilder(pluginBase.resolve("import?csrf=" + action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).timeout(Duration.ofMinutes(30))
                    .POST(body).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return jobId("import", response);
        }

        /** Starts a background export of everyone with credentials; returns the job's id. */
        String exportInBackground() throws IOException, InterruptedException {
            HttpResponse<String> page = get(pluginBase.resolve("export"));
            int form = page.body().indexOf("<form method=\"post\"");
            String csrf = csrf(form < 0 ? page.body() : page.body().substring(form));
            HttpResponse<String> response = post(pluginBase.resolve("export"), form(Map.of("csrf", csrf, "users", "",
                    "credentials", "true", "background", "true")));
            return jobId("export", response);
        }

        /**
         * Polls the job page every two seconds until it says "Finished after", or until the time is up; the job's
         * own time comes from that line, the users from the last progress line.
         */
        /** Openfire's thread count, watched while a job runs; set by the benchmark. */
        java.util.function.IntSupplier threads = () -> -1;
        int maxThreads = Integer.MAX_VALUE;

        JobState awaitJob(String id, Duration timeout, String what, ThreadDumps dumps) throws IOException, InterruptedException {
            long start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            long lastPrint = 0;
            long done = 0;
            int timeouts = 0;
            while (true) {
                HttpResponse<String> page;
                try {
                    page = get(pluginBase.resolve("job?id=" + id));
                    timeouts = 0;
                } catch (java.net.http.HttpTimeoutException e) {
                    timeouts++;
                    System.out.printf("  %s %.0f s: the job page did not answer within 60 s (%d in a row)%n", what, seconds(start), timeouts);
                    if (timeouts >= 3) {
                        return new JobState(false, done, seconds(start), true);
                    }
                    continue;
                }
                String body = page.body();
                if (page.statusCode() != 200) {
                    throw new IOException(what + " job page: HTTP " + page.statusCode());
                }
                Matcher finished = FINISHED.matcher(body);
                if (finished.find()) {
                    long seconds = (finished.group(2) == null ? 0 : Long.parseLong(finished.group(2)) * 60) + Long.parseLong(finished.group(3));
                    System.out.printf("%s: finished after %s (polled: %.1f s since start)%n", what, finished.group(1), seconds(start));
                    return new JobState(true, done, seconds);
                }
                if (body.contains("The job stopped with an error")) {
                    int pre = body.indexOf("<pre>");
                    throw new IOException(what + " job failed: " + (pre < 0 ? body : body.substring(pre, Math.min(body.length(), pre + 2000))));
                }
                Matcher progress = PROGRESS.matcher(body);
                if (progress.find()) {
                    done = Long.parseLong(progress.group(1));
                }
                int threadCount = threads.getAsInt();
                if (System.nanoTime() - lastPrint > 30_000_000_000L) {
                    lastPrint = System.nanoTime();
                    System.out.printf("  %s %.0f s: %s; Openfire has %,d threads%n", what, seconds(start),
                            progress.find(0) ? progress.group(0) : "(no progress line)", threadCount);
                }
                if (System.nanoTime() > deadline) {
                    System.out.printf("%s: giving up after %.0f s with %,d users done%n", what, seconds(start), done);
                    return new JobState(false, done, seconds(start));
                }
                if (threadCount > maxThreads) {
                    System.out.printf("%s: giving up after %.0f s with %,d users done: Openfire has %,d threads (more than %,d)%n", what,
                            seconds(start), done, threadCount, maxThreads);
                    return new JobState(false, done, seconds(start));
                }
                if (dumps != null) {
                    dumps.maybeTake(done);
                }
                Thread.sleep(2000);
            }
        }

        /** Sets an Openfire system property through the admin console's System Properties page, and checks it took. */
        void setProperty(String key, String value) throws IOException, InterruptedException {
            HttpResponse<String> page = get(base.resolve("server-properties.jsp"));
            int form = page.body().indexOf("id=\"actionForm\"");
            String csrf = csrf(form < 0 ? page.body() : page.body().substring(form));
            HttpResponse<String> response = post(base.resolve("server-properties.jsp"), form(Map.of("csrf", csrf, "action", "save",
                    "key", key, "value", value)));
            HttpResponse<String> check = get(base.resolve("server-properties.jsp?searchName=" + URLEncoder.encode(key, StandardCharsets.UTF_8)));
            if (response.statusCode() / 100 != 3 || !check.body().contains(key) || !check.body().contains(value)) {
                throw new IOException("could not set " + key + "=" + value + " (HTTP " + response.statusCode() + ")");
            }
        }

        /** Asks a running job to stop after its current user, as the job page's Cancel button does. */
        void cancel(String id) throws IOException, InterruptedException {
            HttpResponse<String> page = get(pluginBase.resolve("job?id=" + id));
            int form = page.body().indexOf("<form method=\"post\"");
            if (form < 0) {
                return;
            }
            String csrf = csrf(page.body().substring(form));
            HttpResponse<String> response = post(pluginBase.resolve("job"), form(Map.of("csrf", csrf, "id", id, "action", "cancel")));
            System.out.printf("cancel %s: HTTP %d%n", id, response.statusCode());
        }

        /** Streams a job's JSON report or export file to disk. */
        void download(String id, String query, Path file) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(pluginBase.resolve("job?id=" + id + "&" + query)).timeout(Duration.ofMinutes(30)).GET().build();
            HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(file));
            if (response.statusCode() != 200) {
                throw new IOException("job?id=" + id + "&" + query + ": HTTP " + response.statusCode());
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("text/html")) {
                throw new IOException("job?id=" + id + "&" + query + " answered a page, not the file: " + Files.readString(file));
            }
        }

        private String jobId(String what, HttpResponse<String> response) throws IOException {
            String location = response.headers().firstValue("Location").orElse(null);
            if ((response.statusCode() != 302 && response.statusCode() != 303) || location == null || !location.contains("job?id=")) {
                String body = response.body();
                throw new IOException(what + " POST: HTTP " + response.statusCode() + ", Location " + location + ": "
                        + body.substring(0, Math.min(body.length(), 1500)));
            }
            return location.substring(location.indexOf("job?id=") + "job?id=".length()).replaceAll("[&#].*", "");
        }

        private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> post(URI uri, String form) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String csrf(String html) throws IOException {
            Matcher m = CSRF_INPUT.matcher(html);
            if (!m.find()) {
                throw new IOException("no csrf field in the page");
            }
            return m.group(1) != null ? m.group(1) : m.group(2);
        }

        private static String form(Map<String, String> fields) {
            StringBuilder form = new StringBuilder();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                form.append(form.length() == 0 ? "" : "&").append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
            }
            return form.toString();
        }
    }

    // ---------------------------------------------------------------- reading the results

    /** The few facts the benchmark needs from the JSON report (ReportJson), by pattern rather than a JSON library. */
    static final class Report {
        private static final String STRING = "(null|\"(?:[^\"\\\\]|\\\\.)*\")";

        static Map<String, Long> counts(String json) {
            Map<String, Long> counts = new LinkedHashMap<>();
            Matcher block = Pattern.compile("\"counts\":\\{([^}]*)\\}").matcher(json);
            if (block.find()) {
                Matcher entry = Pattern.compile("\"(\\w+)\":(\\d+)").matcher(block.group(1));
                while (entry.find()) {
                    counts.put(entry.group(1), Long.parseLong(entry.group(2)));
                }
            }
            return counts;
        }

        /** How often each kind ended how, e.g. roster=created: 5000. */
        static Map<String, Integer> kindResults(String json) {
            Map<String, Integer> results = new TreeMap<>();
            Matcher m = Pattern.compile("\\{\"kind\":\"(\\w+)\",\"result\":\"(\\w+)\"").matcher(json);
            while (m.find()) {
                results.merge(m.group(1) + "=" + m.group(2), 1, Integer::sum);
            }
            return results;
        }

        /** The first users not done, with their problem and the details of failed kinds. */
        static List<String> problems(String json, int max) {
            List<String> problems = new ArrayList<>();
            Matcher m = Pattern.compile("\\{\"source\":" + STRING + ",\"target\":" + STRING + ",\"status\":\"(skipped|failed)\",\"problem\":"
                    + STRING + ",\"kinds\":\\[(.*?)\\]\\}(?=,\\{\"source\"|\\])").matcher(json);
            while (m.find() && problems.size() < max) {
                StringBuilder line = new StringBuilder(m.group(1) + " " + m.group(3) + ": " + m.group(4));
                Matcher failed = Pattern.compile("\"kind\":\"(\\w+)\",\"result\":\"failed\",\"changes\":\\d+,\"details\":(\\[.*?\\])\\}").matcher(m.group(5));
                while (failed.find()) {
                    String details = failed.group(2);
                    line.append(" | ").append(failed.group(1)).append(" failed: ").append(details, 0, Math.min(details.length(), 400));
                }
                problems.add(line.toString());
            }
            return problems;
        }

        static List<String> notes(String json) {
            List<String> notes = new ArrayList<>();
            Matcher block = Pattern.compile("\"notes\":\\[(.*)\\]\\}\\s*$", Pattern.DOTALL).matcher(json);
            if (block.find()) {
                Matcher note = Pattern.compile(STRING).matcher(block.group(1));
                while (note.find()) {
                    notes.add(note.group(1));
                }
            }
            return notes;
        }
    }

    /** Peak heap before and after collection within an uptime window, from a unified-logging GC log with uptime decoration. */
    static final class GcLog {
        private static final Pattern PAUSE = Pattern.compile(
                "^\\[(\\d+[.,]\\d+)s\\].*GC\\(\\d+\\) Pause.*? (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

        static Heap peak(Path log, double from, double to) throws IOException {
            long before = 0;
            long after = 0;
            int collections = 0;
            if (!Files.exists(log)) {
                return new Heap(0, 0, 0);
            }
            for (String line : Files.readAllLines(log)) {
                Matcher m = PAUSE.matcher(line);
                if (!m.find()) {
                    continue;
                }
                double at = Double.parseDouble(m.group(1).replace(',', '.'));
                if (at < from || at > to) {
                    continue;
                }
                collections++;
                before = Math.max(before, mb(m.group(2), m.group(3)));
                after = Math.max(after, mb(m.group(4), m.group(5)));
            }
            return new Heap(before, after, collections);
        }

        /** The peak heap after GC in each of {@code parts} equal slices of the window: does the live heap grow as users go by? */
        static void timeline(Path log, double from, double to, int parts, java.io.PrintStream out) throws IOException {
            StringBuilder line = new StringBuilder("  peak heap after GC by fifth of the phase:");
            double step = (to - from) / parts;
            for (int i = 0; i < parts; i++) {
                Heap slice = peak(log, from + i * step, from + (i + 1) * step);
                line.append(slice.collections() == 0 ? " -" : " " + slice.afterMb() + " MB");
            }
            out.println(line);
        }

        static void tail(Path log, int lines, java.io.PrintStream out) throws IOException {
            List<String> all = Files.readAllLines(log);
            all.subList(Math.max(0, all.size() - lines), all.size()).forEach(l -> out.println("  " + l));
        }

        private static long mb(String value, String unit) {
            long v = Long.parseLong(value);
            return switch (unit) {
                case "K" -> v / 1024;
                case "G" -> v * 1024;
                default -> v;
            };
        }
    }

    /**
     * Thread dumps of Openfire during an import, one every few seconds: for the thread running the import, the
     * plugin's innermost frame, the call it made out of the plugin (usually an Openfire manager or store), and the
     * frame actually running, counted over all dumps.
     */
    static final class ThreadDumps {
        private final Openfire openfire;
        private final int max;
        private int taken;
        private long next = System.nanoTime() + 6_000_000_000L;
        private final Map<String, Integer> calls = new TreeMap<>();
        private final Map<String, Integer> tops = new TreeMap<>();
        private final Map<String, Integer> pluginFrames = new TreeMap<>();
        private final Map<String, Integer> importers = new TreeMap<>();
        private int samples;
        private String threadTimes = "";
        private double firstCpu = -1;
        private long firstUsers;
        private double firstElapsed;
        private double lastCpu;
        private long lastUsers;
        private double lastElapsed;

        ThreadDumps(Openfire openfire, int max) {
            this.openfire = openfire;
            this.max = max;
        }

        void maybeTake(long usersDone) throws IOException, InterruptedException {
            if (taken >= max || System.nanoTime() < next) {
                return;
            }
            next = System.nanoTime() + 5_000_000_000L;
            String dump = openfire.threadDump();
            taken++;
            Files.writeString(openfire.home().resolve("threaddump-import-" + taken + ".txt"), dump);
            for (String thread : dump.split("\\n\\s*\\n")) {
                if (!thread.contains("org.modernxmpp.portability.transfer.ImportJob")) {
                    continue;
                }
                List<String> frames = new ArrayList<>();
                for (String line : thread.split("\\n")) {
                    String t = line.trim();
                    if (t.startsWith("at ")) {
                        frames.add(t.substring(3).replaceFirst("\\(.*$", ""));
                    }
                }
                if (frames.isEmpty()) {
                    continue;
                }
                Matcher times = Pattern.compile("cpu=([\\d.]+)ms elapsed=([\\d.]+)s").matcher(thread);
                if (times.find()) {
                    double cpu = Double.parseDouble(times.group(1)) / 1000;
                    double elapsed = Double.parseDouble(times.group(2));
                    threadTimes = String.format("import thread: %.1f s CPU in %.1f s alive (%.0f%% of one CPU)", cpu, elapsed, 100 * cpu / elapsed);
                    if (firstCpu < 0) {
                        firstCpu = cpu;
                        firstUsers = usersDone;
                        firstElapsed = elapsed;
                    }
                    lastCpu = cpu;
                    lastUsers = usersDone;
                    lastElapsed = elapsed;
                }
                samples++;
                tops.merge(frames.get(0), 1, Integer::sum);
                for (int i = 0; i < frames.size(); i++) {
                    if (frames.get(i).startsWith("org.modernxmpp.")) {
                        pluginFrames.merge(frames.get(i), 1, Integer::sum);
                        if (i > 0) {
                            calls.merge(frames.get(i) + " -> " + frames.get(i - 1), 1, Integer::sum);
                        }
                        break;
                    }
                }
                frames.stream().filter(f -> f.matches("org\\.modernxmpp\\.portability\\.transfer\\.\\w+Importer\\..*")).findFirst()
                        .ifPresent(f -> importers.merge(f.replaceFirst("\\.[^.]+$", ""), 1, Integer::sum));
            }
        }

        void summary(java.io.PrintStream out) {
            out.printf("thread dumps: %d taken, %d with the import thread (saved as threaddump-import-*.txt); at the last one, %s%n",
                    taken, samples, threadTimes);
            if (lastUsers > firstUsers) {
                double cpuMs = (lastCpu - firstCpu) * 1000 / (lastUsers - firstUsers);
                double wallMs = (lastElapsed - firstElapsed) * 1000 / (lastUsers - firstUsers);
                out.printf("  import thread between the first and the last dump: %,d users, %.0f ms CPU and %.0f ms wall per user "
                        + "(%.0f users/s if it had a CPU to itself, ignoring GC and I/O waits)%n", lastUsers - firstUsers, cpuMs, wallMs, 1000 / cpuMs);
            }
            print(out, "importer on the stack", importers);
            print(out, "plugin frame -> call out of the plugin", calls);
            print(out, "top frame (running)", tops);
        }

        private void print(java.io.PrintStream out, String title, Map<String, Integer> counts) {
            out.println("  " + title + ":");
            counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(10)
                    .forEach(e -> out.printf("    %3d  %s%n", e.getValue(), e.getKey()));
        }
    }
}
