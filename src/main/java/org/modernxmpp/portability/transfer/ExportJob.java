package org.modernxmpp.portability.transfer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.AccountPorts;
import org.modernxmpp.portability.account.Credentials;
import org.modernxmpp.portability.pie.PieSink;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;

/**
 * Exports accounts user by user straight into a sink (a file or the XInclude layout): one user is read, written
 * and forgotten before the next, so memory does not grow with the number of users. A user that cannot be read
 * whole is left out of the file and reported, never written half.
 */
public final class ExportJob {
    private final AccountPorts ports;
    private final ExportOptions options;
    private final TransferProgress progress;

    public ExportJob(AccountPorts ports, ExportOptions options, TransferProgress progress) {
        this.ports = ports;
        this.options = options;
        this.progress = progress;
    }

    public TransferReport run(PieSink sink) throws IOException {
        TransferReport report = new TransferReport(false);
        JID host = new JID(ports.accounts().domain());
        progress.total(options.users() == null ? ports.accounts().count() : options.users().size());
        if (options.kinds().contains(DataKind.ARCHIVE) && !ports.archive().available()) {
            report.note("this server keeps no message archive (in Openfire: the Monitoring plugin is not installed)");
        }
        Iterator<String> usernames = options.users() == null ? ports.accounts().usernames() : options.users().iterator();
        while (usernames.hasNext()) {
            if (progress.cancelRequested()) {
                report.cancelled();
                break;
            }
            String username = usernames.next();
            String jid = username + "@" + host.getDomain();
            progress.working(jid);
            try {
                if (!ports.accounts().exists(username)) {
                    report.add(new UserOutcome(jid, jid, UserOutcome.Status.SKIPPED, "there is no such account", List.of()));
                } else {
                    List<KindOutcome> kinds = new ArrayList<>();
                    UserData data = read(username, kinds);
                    sink.write(new PieEntry.HostUser(host, data));
                    report.add(new UserOutcome(jid, jid, UserOutcome.Status.DONE, null, kinds));
                }
            } catch (AccountException | RuntimeException e) {
                report.add(new UserOutcome(jid, jid, UserOutcome.Status.FAILED, "not exported: " + e.getMessage(), List.of()));
            }
            progress.userDone();
        }
        sink.finish();
        return report;
    }

    private UserData read(String user, List<KindOutcome> kinds) throws AccountException {
        UserData.Builder data = UserData.builder(user);
        if (wants(DataKind.ACCOUNT)) {
            ports.accounts().details(user).ifPresent(data::account);
            if (options.includeCredentials()) {
                Credentials credentials = ports.accounts().credentials(user);
                data.password(credentials.password());
                credentials.scram().forEach(data::scram);
            }
            kinds.add(exported(DataKind.ACCOUNT, 1));
        }
        if (wants(DataKind.ROSTER)) {
            var items = ports.rosters().items(user);
            var pending = ports.rosters().pendingSubscriptions(user);
            items.forEach(data::rosterItem);
            pending.forEach(data::pendingSubscription);
            kinds.add(exported(DataKind.ROSTER, items.size() + pending.size()));
        }
        if (wants(DataKind.VCARD)) {
            var vCard = ports.vCards().read(user);
            vCard.ifPresent(data::vCard);
            kinds.add(exported(DataKind.VCARD, vCard.isPresent() ? 1 : 0));
        }
        if (wants(DataKind.PRIVATE_XML)) {
            var fragments = ports.privateXml().read(user);
            fragments.forEach(data::privateXml);
            kinds.add(exported(DataKind.PRIVATE_XML, fragments.size()));
        }
        if (wants(DataKind.OFFLINE_MESSAGES)) {
            var messages = ports.offlineMessages().read(user);
            messages.forEach(data::offlineMessage);
            kinds.add(exported(DataKind.OFFLINE_MESSAGES, messages.size()));
        }
        if (wants(DataKind.PEP)) {
            var nodes = ports.pep().read(user);
            nodes.forEach(data::pepNode);
            kinds.add(exported(DataKind.PEP, nodes.size()));
        }
        if (wants(DataKind.PRIVACY)) {
            var lists = ports.privacy().privacyLists(user);
            lists.ifPresent(data::privacy);
            kinds.add(exported(DataKind.PRIVACY, lists.map(l -> l.lists().size()).orElse(0)));
        }
        if (wants(DataKind.BLOCKLIST)) {
            var blocked = ports.privacy().blocklist(user);
            blocked.forEach(data::blocked);
            kinds.add(exported(DataKind.BLOCKLIST, blocked.size()));
        }
        if (wants(DataKind.ARCHIVE) && ports.archive().available()) {
            var archived = ports.archive().read(user);
            archived.forEach(data::archived);
            kinds.add(exported(DataKind.ARCHIVE, archived.size()));
        }
        return data.build();
    }

    private boolean wants(DataKind kind) {
        return options.kinds().contains(kind);
    }

    private static KindOutcome exported(DataKind kind, int entries) {
        return new KindOutcome(kind, entries == 0 ? KindOutcome.Result.UNCHANGED : KindOutcome.Result.CREATED, entries,
                List.of());
    }
}
