package org.modernxmpp.portability.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A peer server running as a child process of the test JVM (never a system service), its output going to a log file,
 * and the one-shot admin commands run next to it. Stops by PID: the process the peer itself names in its pid file
 * (when it forks or switches user), then the child and what it started, so nothing outlives the test class.
 */
final class PeerProcess {
    private final String name;
    private final Process child;
    private final Path log;

    private PeerProcess(String name, Process child, Path log) {
        this.name = name;
        this.child = child;
        this.log = log;
    }

    /** Starts {@code command} in {@code dir}; stdout and stderr go to {@code log}. */
    static PeerProcess start(String name, List<String> command, Path dir, Map<String, String> environment, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(devNull()));
        builder.environment().putAll(environment);
        return new PeerProcess(name, builder.start(), log);
    }

    private static java.io.File devNull() {
        return new java.io.File("/dev/null");
    }

    /** Waits until something accepts TCP connections on host:port, failing early (with the log) if the child died. */
    void awaitPort(String host, int port, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new IOException(name + " exited with " + child.exitValue() + " before listening on " + host + ":" + port
                        + "\n" + tail(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException(name + " did not listen on " + host + ":" + port + " within " + timeout + "\n" + tail(log));
    }

    /** The Java process this peer runs in: the child itself or the first of its descendants that is a JVM. */
    Optional<ProcessHandle> javaProcess() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(child.toHandle()), child.descendants())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst();
    }

    boolean isAlive() {
        return child.isAlive();
    }

    /**
     * Stops the peer: SIGTERM to the process in {@code pidFile} (if given and present) and to the child, a grace
     * period, then SIGKILL to whatever of that tree is left.
     */
    void stop(Path pidFile, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>();
        readPid(pidFile).flatMap(ProcessHandle::of).ifPresent(tree::add);
        child.descendants().forEach(tree::add);
        tree.add(child.toHandle());
        for (ProcessHandle process : tree) {
            process.destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : tree) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    process.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (Exception stillRunning) {
                    // killed below
                }
            }
        }
        for (ProcessHandle process : tree) {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        try {
            child.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Optional<Long> readPid(Path pidFile) {
        if (pidFile == null || !Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The result of a one-shot command. */
    record Result(int exitCode, String output) {
    }

    /** Runs a command to its end (bounded), its output captured; fails with the output when it exits non-zero. */
    static String run(List<String> command, Path dir, Map<String, String> environment, Duration timeout) throws IOException {
        Result result = runAllowingFailure(command, dir, environment, timeout);
        if (result.exitCode() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    static Result runAllowingFailure(List<String> command, Path dir, Map<String, String> environment, Duration timeout)
            throws IOException {
        Path output = Files.createTempFile(dir, "command-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(devNull()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + timeout + ":\n" + read(output));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String text = read(output);
        Files.delete(output);
        return new Result(process.exitValue(), text);
    }

    /** Text of a file, undecodable bytes replaced (peers' logs are not always UTF-8). */
    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /** The last lines of a log, for failure messages. */
    static String tail(Path log) {
        try {
            if (!Files.exists(log)) {
                return "(no log at " + log + ")";
            }
            List<String> lines = List.of(read(log).split("\n"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
