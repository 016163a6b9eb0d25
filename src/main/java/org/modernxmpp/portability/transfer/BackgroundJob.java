package org.modernxmpp.portability.transfer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * An export or import running on the server while its page shows progress.
 *
 * @param result   the file the job writes (an export), or null
 * @param report   completes with the report; exceptionally when the job could not run at all (its message says why)
 */
public record BackgroundJob(String id, String description, boolean isExport, Instant started, TransferProgress progress,
                            Path result, CompletableFuture<TransferReport> report) {

    public boolean isDone() {
        return report.isDone();
    }
}
