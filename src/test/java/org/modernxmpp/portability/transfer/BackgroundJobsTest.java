package org.modernxmpp.portability.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.pie.model.UserData;

/** Jobs run one at a time in the background, report, fail visibly, cancel between users, and stop with the plugin. */
class BackgroundJobsTest {
    private final BackgroundJobs jobs = new BackgroundJobs();

    @AfterEach
    void stop() throws InterruptedException {
        jobs.shutdown(10, TimeUnit.SECONDS);
    }

    @Test
    void aJobRunsInTheBackgroundAndItsClockStopsWhenItEnds() throws Exception {
        InMemoryServer server = new InMemoryServer("capulet.example");
        byte[] file = TransferFixtures.export("capulet.example", List.of(UserData.builder("juliet").password("pw").build()));

        BackgroundJob job = jobs.start("import of test.xml", false, null,
                progress -> TransferFixtures.importInto(server, file, ImportOptions.mergeAll(), progress));
        TransferReport report = job.report().get(10, TimeUnit.SECONDS);

        assertEquals(1, report.count(UserOutcome.Status.DONE));
        assertTrue(server.ports().accounts().exists("juliet"));
        Duration elapsed = job.progress().elapsed();
        Thread.sleep(50);
        assertEquals(elapsed, job.progress().elapsed(), "a finished job's time does not grow");
        assertEquals(job, jobs.get(job.id()).orElseThrow());
        assertTrue(job.id().length() >= 24, "ids are not guessable");
    }

    @Test
    void aFailingJobCompletesExceptionallyWithItsReason() {
        BackgroundJob job = jobs.start("import of broken.xml", false, null, progress -> {
            throw new java.io.IOException("broken.xml:3: unexpected end of file");
        });
        ExecutionException e = assertThrows(ExecutionException.class, () -> job.report().get(10, TimeUnit.SECONDS));
        assertEquals("broken.xml:3: unexpected end of file", e.getCause().getMessage());
        assertTrue(job.isDone());
    }

    @Test
    void jobsRunOneAfterTheOtherAndShutdownCancelsTheRest() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BackgroundJob first = jobs.start("first", true, null, progress -> {
            firstRunning.countDown();
            release.await();
            return new TransferReport(false);
        });
        BackgroundJob second = jobs.start("second", true, null, progress -> {
            TransferReport report = new TransferReport(false);
            if (progress.cancelRequested()) {
                report.cancelled();
            }
            return report;
        });
        assertTrue(firstRunning.await(10, TimeUnit.SECONDS));
        assertFalse(second.isDone(), "the second waits for the first");
        assertEquals(List.of(second, first), jobs.all(), "newest first");

        Thread stopping = new Thread(() -> {
            try {
                jobs.shutdown(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopping.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!first.progress().cancelRequested() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(first.progress().cancelRequested(), "stopping asks the running job to stop");
        release.countDown();
        stopping.join();

        assertTrue(second.report().get(1, TimeUnit.SECONDS).wasCancelled(), "queued work starts cancelled and stops at once");
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path exports;

    @Test
    void onlyTheMostRecentFinishedJobsAreRememberedAndTheFilesOfForgottenOnesDeleted() throws Exception {
        BackgroundJob oldest = null;
        for (int i = 0; i < BackgroundJobs.REMEMBERED + 5; i++) {
            java.nio.file.Path file = java.nio.file.Files.createDirectories(exports.resolve("job" + i)).resolve("export.xml");
            java.nio.file.Files.writeString(file, "<server-data/>");
            BackgroundJob job = jobs.start("job " + i, true, file, progress -> new TransferReport(false));
            job.report().get(10, TimeUnit.SECONDS);
            if (oldest == null) {
                oldest = job;
            }
        }
        assertEquals(BackgroundJobs.REMEMBERED, jobs.all().size());
        assertTrue(jobs.get(oldest.id()).isEmpty());
        assertTrue(!java.nio.file.Files.exists(exports.resolve("job0")), "the forgotten job's export and its folder are gone");
        assertTrue(java.nio.file.Files.exists(exports.resolve("job" + (BackgroundJobs.REMEMBERED + 4)).resolve("export.xml")));
        assertTrue(jobs.get(null).isEmpty());
    }

    @Test
    void aForgottenExportInTheFolderLayoutIsDeletedWhole() throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(exports.resolve("folder-job").resolve("all-users"));
        java.nio.file.Files.writeString(folder.resolve("server-data.xml"), "<server-data/>");
        java.nio.file.Files.createDirectories(folder.resolve("example.org"));
        java.nio.file.Files.writeString(folder.resolve("example.org/juliet.xml"), "<user/>");
        jobs.start("folder", true, folder, progress -> new TransferReport(false)).report().get(10, TimeUnit.SECONDS);
        for (int i = 0; i < BackgroundJobs.REMEMBERED; i++) {
            jobs.start("later " + i, false, null, progress -> new TransferReport(false)).report().get(10, TimeUnit.SECONDS);
        }
        assertTrue(!java.nio.file.Files.exists(exports.resolve("folder-job")), "the folder, its files and its job folder are gone");
    }
}
