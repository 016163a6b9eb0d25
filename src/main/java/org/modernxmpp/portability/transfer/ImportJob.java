package org.modernxmpp.portability.transfer;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.modernxmpp.portability.account.AccountPorts;
import org.modernxmpp.portability.pie.JidRewrite;
import org.modernxmpp.portability.pie.PieReader;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;

/**
 * Imports an export into a server user by user, as the reader hands them over: memory holds one user at a time.
 * Users of another host are skipped unless hosts are rewritten; a cancel stops between two users.
 */
public final class ImportJob {
    private final AccountPorts ports;
    private final ImportOptions options;
    private final TransferProgress progress;
    private final UserImport userImport = new UserImport();

    public ImportJob(AccountPorts ports, ImportOptions options, TransferProgress progress) {
        this.ports = ports;
        this.options = options;
        this.progress = progress;
    }

    /** Reads the whole export and imports it; a malformed file stops the job with the reader's located error. */
    public TransferReport run(PieReader reader) throws IOException {
        TransferReport report = new TransferReport(options.dryRun(), options.intoAccount() != null);
        String domain = ports.accounts().domain();
        Set<String> imported = new HashSet<>();
        int notSelected = 0;
        for (Optional<PieEntry> next = reader.next(); next.isPresent(); next = reader.next()) {
            if (progress.cancelRequested()) {
                report.cancelled();
                break;
            }
            if (next.get() instanceof PieEntry.Extension extension) {
                report.note("not imported: {" + extension.element().namespace() + "}" + extension.element().name()
                        + (extension.host() == null ? " outside any host" : " in host " + extension.host()));
                continue;
            }
            PieEntry.HostUser entry = (PieEntry.HostUser) next.get();
            if (!options.users().test(entry.user().name())) {
                notSelected++;
                continue;
            }
            progress.working(entry.jid().toBareJID());
            report.add(importUser(entry, domain, imported, report));
            progress.userDone();
        }
        if (notSelected > 0) {
            report.note(notSelected + " users of the file were not selected for this import");
        }
        report.unknownElements(reader.notes().unknownElements());
        reader.notes().dialects().forEach(d -> report.note("file dialect: " + d));
        return report;
    }

    private UserOutcome importUser(PieEntry.HostUser entry, String domain, Set<String> imported, TransferReport report) {
        JID source = entry.jid();
        UserData data = entry.user();
        String fileHost = entry.host().getDomain();
        if (options.intoAccount() != null) {
            return importIntoAccount(entry, domain, imported);
        }
        if (!fileHost.equals(domain)) {
            if (!options.rewriteHosts()) {
                return new UserOutcome(source.toBareJID(), source.toBareJID(), UserOutcome.Status.SKIPPED,
                        "host " + fileHost + " is not this server's domain " + domain + " (switch on the host rewrite to import it here)",
                        List.of());
            }
            data = JidRewrite.host(fileHost, domain).apply(data);
        }
        JID target = new JID(data.name(), domain, null, true);
        if (!imported.add(data.name())) {
            return new UserOutcome(source.toBareJID(), target.toBareJID(), UserOutcome.Status.SKIPPED,
                    "another user of this file was already imported as " + target.toBareJID(), List.of());
        }
        boolean exists;
        try {
            exists = ports.accounts().exists(data.name());
        } catch (RuntimeException e) {
            return new UserOutcome(source.toBareJID(), target.toBareJID(), UserOutcome.Status.SKIPPED,
                    "nothing written: cannot tell whether the account exists: " + e.getMessage(), List.of());
        }
        UserOutcome outcome = userImport.run(data, new ImportTarget(data.name(), target, source, exists, ports, options));
        return withResets(outcome, data, target, report);
    }

    /**
     * The file's one user goes into the chosen account, its own address replaced by the account's everywhere (its
     * contacts keep theirs). A second user is refused: whose data would it be?
     */
    private UserOutcome importIntoAccount(PieEntry.HostUser entry, String domain, Set<String> imported) {
        JID source = entry.jid();
        JID target = new JID(options.intoAccount(), domain, null);
        if (!imported.isEmpty()) {
            return new UserOutcome(source.toBareJID(), target.toBareJID(), UserOutcome.Status.SKIPPED,
                    "the file holds more than one account; only " + imported.iterator().next() + " goes into " + target.toBareJID(),
                    List.of());
        }
        imported.add(source.toBareJID());
        if (!ports.accounts().exists(options.intoAccount())) {
            return new UserOutcome(source.toBareJID(), target.toBareJID(), UserOutcome.Status.SKIPPED,
                    "there is no account " + target.toBareJID(), List.of());
        }
        UserData data = JidRewrite.account(source, target).apply(entry.user()).toBuilder().name(options.intoAccount()).build();
        return userImport.run(data, new ImportTarget(options.intoAccount(), target, source, true, ports, options));
    }

    private UserOutcome withResets(UserOutcome outcome, UserData data, JID target, TransferReport report) {
        boolean created = outcome.kinds().stream().anyMatch(k -> k.kind() == DataKind.ACCOUNT
                && k.result() == KindOutcome.Result.CREATED);
        if (created && AccountImporter.credentials(data, options, ports.accounts()).isEmpty()) {
            report.passwordReset(target.toBareJID());
        }
        return outcome;
    }
}
