package org.modernxmpp.portability.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.modernxmpp.portability.pie.ReadLimits;
import org.modernxmpp.portability.remote.AccountPush;
import org.modernxmpp.portability.remote.RemoteConnector;
import org.modernxmpp.portability.remote.RemoteException;
import org.modernxmpp.portability.remote.RemoteLogin;
import org.modernxmpp.portability.remote.PushResult;
import org.modernxmpp.portability.remote.RemoteSession;
import org.modernxmpp.portability.transfer.DataKind;
import org.modernxmpp.portability.transfer.ImportOptions;
import org.modernxmpp.portability.transfer.KindPolicy;
import org.modernxmpp.portability.transfer.ReportText;
import org.modernxmpp.portability.transfer.TransferProgress;
import org.xmpp.packet.JID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes an export's account into an account on any XMPP server, as that account's own client. */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Log in to an account on any XMPP server as an ordinary client (TLS required) and write an export's"
                + " account into it: contacts (names and groups), profile, private XML, PEP nodes with their access"
                + " models, privacy lists and blocklist. Merges by default: nothing the account has is lost."
                + " --dry-run reads the account and says what would change, writing nothing.")
final class PushCommand implements Callable<Integer> {
    /** The kinds a client can write, by the names the options take. */
    static final Set<DataKind> WRITABLE = EnumSet.of(DataKind.ROSTER, DataKind.VCARD, DataKind.PRIVATE_XML, DataKind.PEP,
            DataKind.PRIVACY, DataKind.BLOCKLIST);

    @Parameters(index = "0", paramLabel = "FILE", description = "The export: a XEP-0227 file, or the folder of the XInclude layout.")
    Path file;

    @Parameters(index = "1", paramLabel = "JID", description = "The account to write into, name@domain.")
    String account;

    @Mixin
    RemoteOptions remote;

    @Option(names = "--dry-run", description = "Read the account and report what would change; write nothing.")
    boolean dryRun;

    @Option(names = "--user", paramLabel = "NAME", description = "Which user of the export (its name in the file); needed when it holds several.")
    String user;

    @Option(names = "--replace", paramLabel = "KIND", split = ",",
            description = "Make these kinds equal the export's instead of merging: roster, vcard, private-xml, pep, privacy.")
    List<String> replace = new ArrayList<>();

    @Option(names = "--skip", paramLabel = "KIND", split = ",", description = "Leave these kinds out (names as for --replace, and blocklist).")
    List<String> skip = new ArrayList<>();

    @Option(names = "--omemo", description = "Also write OMEMO key nodes (off by default: they belong to the old account's devices).")
    boolean omemo;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, RemoteException {
        JID jid;
        ImportOptions options;
        RemoteConnector connector;
        RemoteLogin login;
        try {
            jid = RemoteOptions.account(account);
            options = options();
            connector = new RemoteConnector(remote.settings());
            login = new RemoteLogin(jid, remote.password(jid.toBareJID()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        PushResult result;
        try (RemoteSession session = connector.connect(login)) {
            err.println("connected to " + session.server() + " as " + session.account().toBareJID()
                    + (dryRun ? " (dry run: nothing is written)" : ""));
            result = new AccountPush(session, new TransferProgress()).push(file, ReadLimits.DEFAULT, options);
        }
        PrintWriter out = spec.commandLine().getOut();
        ReportText.write(result.report(), out);
        if (!result.notThere().isEmpty()) {
            out.println();
            out.println("Written, but not there when the account was read again:");
            result.notThere().forEach(line -> out.println("  " + line));
        }
        return result.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    private ImportOptions options() {
        ImportOptions options = ImportOptions.mergeAll().withDryRun(dryRun).withOmemoIntoOtherAccount(omemo);
        for (DataKind kind : DataKind.values()) {
            if (!WRITABLE.contains(kind)) {
                options = options.withPolicy(kind, KindPolicy.SKIP);
            }
        }
        for (String name : replace) {
            DataKind kind = kind(name, "--replace");
            if (kind == DataKind.BLOCKLIST) {
                throw new IllegalArgumentException("--replace blocklist: an import never lifts a block, so the blocklist only merges");
            }
            options = options.withPolicy(kind, KindPolicy.REPLACE);
        }
        for (String name : skip) {
            options = options.withPolicy(kind(name, "--skip"), KindPolicy.SKIP);
        }
        if (user != null) {
            String wanted = user;
            options = options.withUsers(wanted::equals);
        }
        return options;
    }

    private static DataKind kind(String name, String option) {
        String wanted = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (DataKind kind : WRITABLE) {
            if (kind.name().equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(option + " " + name + ": not a kind a client can write (roster, vcard, private-xml,"
                + " pep, privacy, blocklist)");
    }
}
