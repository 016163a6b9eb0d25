package org.modernxmpp.portability.web;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.modernxmpp.portability.account.AccountPorts;
import org.modernxmpp.portability.transfer.BackgroundJobs;

/**
 * What the pages work with: the server's ports, the background jobs, and the folder where big exports and uploads
 * are kept (inside Openfire's home, never a path a request names).
 */
public record PortabilityContext(Supplier<AccountPorts> ports, BackgroundJobs jobs, Supplier<Path> workDirectory) {
}
