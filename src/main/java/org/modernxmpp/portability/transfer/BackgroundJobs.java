package org.modernxmpp.portability.transfer;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports and imports that run in the background, one at a time (a second waits: two big jobs at once would only
 * compete for the same database), so a page can start one, show its progress and its report, and cancel it.
 * The most recent jobs are remembered for their reports; stopping cancels what runs and waits for it to stop between
 * two users.
 */
public final class BackgroundJobs {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);
    static final int REMEMBERED = 20;

    /** The work of one job: runs it with the progress it is given, returns its report. */
    @FunctionalInterface
    public interface Work {
        TransferReport run(TransferProgress progress) throws Exception;
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "Account Portability job");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, BackgroundJob> jobs = Collections.synchronizedMap(new LinkedHashMap<>());
    private final SecureRandom random = new SecureRandom();

    /** Queues a job and returns it at once. */
    public BackgroundJob start(String description, boolean isExport, Path result, Work work) {
        byte[] idBytes = new byte[12];
        random.nextBytes(idBytes);
        String id = HexFormat.of().formatHex(idBytes);
        TransferProgress progress = new TransferProgress();
        CompletableFuture<TransferReport> report = new CompletableFuture<>();
        BackgroundJob job = new BackgroundJob(id, description, isExport, Instant.now(), progress, result, report);
        synchronized (jobs) {
            jobs.put(id, job);
            forgetOldest();
        }
        executor.execute(() -> {
            TransferReport done;
            try {
                done = work.run(progress);
            } catch (Exception | Error e) {
                LOG.error("Account Portability job '{}' failed", description, e);
                progress.finished();
                report.completeExceptionally(e);
                return;
            }
            progress.finished();
            report.complete(done);
        });
        return job;
    }

    /** Forgets the oldest finished jobs, and deletes what they wrote: an export nobody can reach any more is only a risk. */
    private void forgetOldest() {
        var it = jobs.values().iterator();
        while (jobs.size() > REMEMBERED && it.hasNext()) {
            BackgroundJob oldest = it.next();
            if (!oldest.isDone()) {
                break;
            }
            it.remove();
            deleteResult(oldest);
        }
    }

    private static void deleteResult(BackgroundJob job) {
        if (job.result() == null) {
            return;
        }
        try {
            if (java.nio.file.Files.isDirectory(job.result())) {
                // an export in the folder layout: one file per user, all of it the job's
                org.apache.commons.io.file.PathUtils.deleteDirectory(job.result());
            } else {
                java.nio.file.Files.deleteIfExists(job.result());
            }
            java.nio.file.Path folder = job.result().getParent();
            try (var left = java.nio.file.Files.list(folder)) {
                if (left.findAny().isEmpty()) {
                    java.nio.file.Files.delete(folder);
                }
            }
        } catch (java.io.IOException e) {
            LOG.warn("Could not delete the export {} of a forgotten job", job.result(), e);
        }
    }

    public Optional<BackgroundJob> get(String id) {
        return Optional.ofNullable(id == null ? null : jobs.get(id));
    }

    /** Newest first. */
    public List<BackgroundJob> all() {
        synchronized (jobs) {
            List<BackgroundJob> list = new ArrayList<>(jobs.values());
            Collections.reverse(list);
            return list;
        }
    }

    /** Cancels every job and waits up to the timeout for the running one to reach a user boundary. */
    public void shutdown(long timeout, TimeUnit unit) throws InterruptedException {
        synchronized (jobs) {
            jobs.values().forEach(job -> job.progress().cancel());
        }
        executor.shutdown();
        if (!executor.awaitTermination(timeout, unit)) {
            LOG.warn("An Account Portability job did not stop within {} {}", timeout, unit);
        }
    }
}
