package org.modernxmpp.portability.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import javax.servlet.http.HttpSession;
import javax.servlet.http.HttpSessionBindingEvent;
import javax.servlet.http.HttpSessionBindingListener;

import org.modernxmpp.portability.pie.PieReader;
import org.modernxmpp.portability.pie.ReadLimits;
import org.modernxmpp.portability.transfer.ImportJob;
import org.modernxmpp.portability.transfer.ImportOptions;
import org.modernxmpp.portability.transfer.TransferProgress;
import org.modernxmpp.portability.transfer.TransferReport;
import org.modernxmpp.portability.account.AccountPorts;

/**
 * An uploaded export waiting between its preview and the user's confirmation, kept in the user's session for that
 * account only. Its file is deleted when it is imported, replaced, expires, or the session ends.
 */
final class PendingImport implements HttpSessionBindingListener {
    static final String ATTRIBUTE = "accountportability.pending-import";

    /** Names this preview in its confirm form. */
    final String id = java.util.UUID.randomUUID().toString();
    final String account;
    final Path file;
    final String fileName;
    final ImportOptions options;
    final Instant expires;

    PendingImport(String account, Path file, String fileName, ImportOptions options, Instant expires) {
        this.account = account;
        this.file = file;
        this.fileName = fileName;
        this.options = options;
        this.expires = expires;
    }

    /** Runs the import (a preview with {@code dryRun}) into the account. */
    TransferReport run(AccountPorts ports, boolean dryRun) throws IOException {
        try (InputStream in = Files.newInputStream(file); PieReader reader = PieReader.open(in, fileName, ReadLimits.DEFAULT)) {
            return new ImportJob(ports, options.withDryRun(dryRun), new TransferProgress()).run(reader);
        }
    }

    static void discard(HttpSession session) {
        session.removeAttribute(ATTRIBUTE);
    }

    @Override
    public void valueUnbound(HttpSessionBindingEvent event) {
        delete();
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale upload in the plugin's folder; the next start of the plugin does not need it
        }
    }
}
