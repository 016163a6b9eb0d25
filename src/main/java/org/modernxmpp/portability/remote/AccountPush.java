package org.modernxmpp.portability.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.modernxmpp.portability.pie.PieReader;
import org.modernxmpp.portability.pie.ReadLimits;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.modernxmpp.portability.remote.PullReport.KindRead;
import org.modernxmpp.portability.transfer.DataKind;
import org.modernxmpp.portability.transfer.ImportJob;
import org.modernxmpp.portability.transfer.ImportOptions;
import org.modernxmpp.portability.transfer.KindPolicy;
import org.modernxmpp.portability.transfer.TransferProgress;
import org.modernxmpp.portability.transfer.TransferReport;

/**
 * Puts one account of an export into the account of a session on another server, as that account's client: reads
 * what the account holds first, plans with the engine's own policies, then writes (or, in a dry run, only reports).
 * A kind the server does not offer is not attempted. A retry after a failure writes only what is still missing.
 */
public final class AccountPush {
    /** What an export can hold and no client can write. */
    static final List<String> NOT_WRITABLE = List.of(
            "the password: the account keeps its own",
            "account details (name, email, properties): they are the new server's own",
            "offline messages and the message archive: no client can store them on its server; they stay in the file",
            "subscriptions: contacts arrive with their names and groups, and each contact approves the new address"
                    + " (the move notifications ask them)");

    private final RemoteSession session;
    private final TransferProgress progress;

    public AccountPush(RemoteSession session, TransferProgress progress) {
        this.session = session;
        this.progress = progress;
    }

    /**
     * Pushes the export's one selected user. The file is read twice: first for what it holds, by key (the private XML
     * namespaces among it, which XEP-0049 cannot list on the server, so the account's own fragments of those are read
     * and kept), then for the import. After a real run the account is read again and checked against the file.
     */
    public PushResult push(Path export, ReadLimits limits, ImportOptions options) throws RemoteException, IOException {
        FileUser file = firstUser(export, limits, options);
        AccountSnapshot current = read(file.privateXml());
        ImportOptions push = options.withPolicy(DataKind.ACCOUNT, KindPolicy.SKIP)
                .withPolicy(DataKind.OFFLINE_MESSAGES, KindPolicy.SKIP)
                .withIntoAccount(session.account().getNode());
        List<String> notes = new ArrayList<>();
        for (KindRead kind : current.kinds()) {
            if (kind.status() != PullReport.Status.READ && push.policy(kind.kind()) != KindPolicy.SKIP) {
                push = push.withPolicy(kind.kind(), KindPolicy.SKIP);
                notes.add(kind.kind().label() + " not written: " + session.server()
                        + (kind.status() == PullReport.Status.NOT_OFFERED ? " does not offer them" : " would not show the account its own")
                        + (kind.detail() == null ? "" : " (" + kind.detail() + ")"));
            }
        }
        RemoteWrites writes = new RemoteWrites(session);
        TransferReport report;
        try (PieReader reader = PieReader.open(export, limits)) {
            report = new ImportJob(RemotePorts.of(session, current.data(), writes), push, progress).run(reader);
        }
        notes.forEach(report::note);
        writes.notes().forEach(report::note);
        NOT_WRITABLE.forEach(line -> report.note("not written by any client: " + line));
        List<String> notThere = List.of();
        if (!options.dryRun() && file.check() != null) {
            notThere = file.check().missing(read(file.privateXml()).data(), push);
        }
        return new PushResult(report, notThere);
    }

    private AccountSnapshot read(List<PrivateXmlKeys.Key> privateXml) throws RemoteException {
        return new AccountPull(session, PullOptions.everything().withArchive(false, null).withPrivateXml(privateXml),
                PullProgress.NONE).read();
    }

    /** What the first pass keeps of the selected user: keys only, never the data itself. */
    private record FileUser(List<PrivateXmlKeys.Key> privateXml, PushCheck check) {
    }

    private static FileUser firstUser(Path export, ReadLimits limits, ImportOptions options) throws IOException {
        try (PieReader reader = PieReader.open(export, limits)) {
            for (Optional<PieEntry> next = reader.next(); next.isPresent(); next = reader.next()) {
                if (next.get() instanceof PieEntry.HostUser user && options.users().test(user.user().name())) {
                    Set<PrivateXmlKeys.Key> keys = new LinkedHashSet<>();
                    for (XmlPayload fragment : user.user().privateXml()) {
                        keys.add(new PrivateXmlKeys.Key(fragment.name(), fragment.namespace()));
                    }
                    return new FileUser(PrivateXmlKeys.with(List.copyOf(keys)), PushCheck.of(user.user(), user.jid()));
                }
            }
        }
        return new FileUser(PrivateXmlKeys.KNOWN, null);
    }
}
