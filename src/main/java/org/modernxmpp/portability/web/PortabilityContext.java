package org.modernxmpp.portability.web;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.modernxmpp.portability.account.AccountPorts;
import org.modernxmpp.portability.account.PasswordCheck;
import org.modernxmpp.portability.moved.Moves;
import org.modernxmpp.portability.transfer.BackgroundJobs;

/**
 * What the pages work with: the server's ports, the background jobs, the folder where big exports and uploads are
 * kept (inside Openfire's home, never a path a request names), how the self-service page checks passwords, where
 * admin actions are recorded, the plugin's settings, and the moves (XEP-0283) beyond the statement itself (null where
 * the pages run without a server that can send, so the pages offer no such thing), and the places of the moves that
 * connect to other servers (shared by the self-service page, which starts them, and the admin console, which lists them).
 */
public record PortabilityContext(Supplier<AccountPorts> ports, BackgroundJobs jobs, Supplier<Path> workDirectory,
                                 PasswordCheck passwords, AuditLog audit, Settings settings, Moves moves, TransferSlots transfers) {

    /** With places for moves as the settings say. */
    public PortabilityContext(Supplier<AccountPorts> ports, BackgroundJobs jobs, Supplier<Path> workDirectory,
                              PasswordCheck passwords, AuditLog audit, Settings settings, Moves moves) {
        this(ports, jobs, workDirectory, passwords, audit, settings, moves, TransferSlots.of(settings));
    }

    public PortabilityContext(Supplier<AccountPorts> ports, BackgroundJobs jobs, Supplier<Path> workDirectory,
                              PasswordCheck passwords, AuditLog audit, Settings settings) {
        this(ports, jobs, workDirectory, passwords, audit, settings, null);
    }

    /** Without an audit log, with the default settings (tests of the pages). */
    public PortabilityContext(Supplier<AccountPorts> ports, BackgroundJobs jobs, Supplier<Path> workDirectory, PasswordCheck passwords) {
        this(ports, jobs, workDirectory, passwords, AuditLog.NONE);
    }

    /** With the default settings. */
    public PortabilityContext(Supplier<AccountPorts> ports, BackgroundJobs jobs, Supplier<Path> workDirectory, PasswordCheck passwords,
                              AuditLog audit) {
        this(ports, jobs, workDirectory, passwords, audit, Settings.DEFAULTS);
    }

    /** For the admin pages alone: nobody can sign in to the self-service page. */
    public PortabilityContext(Supplier<AccountPorts> ports, BackgroundJobs jobs, Supplier<Path> workDirectory) {
        this(ports, jobs, workDirectory, (username, password) -> false);
    }
}
