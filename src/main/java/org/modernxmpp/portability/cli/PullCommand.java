package org.modernxmpp.portability.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.modernxmpp.portability.pie.Timestamps;
import org.modernxmpp.portability.remote.AccountPull;
import org.modernxmpp.portability.remote.PrivateXmlKeys;
import org.modernxmpp.portability.remote.PullOptions;
import org.modernxmpp.portability.remote.PullProgress;
import org.modernxmpp.portability.remote.PullReport;
import org.modernxmpp.portability.remote.RemoteConnector;
import org.modernxmpp.portability.remote.RemoteException;
import org.modernxmpp.portability.remote.RemoteLogin;
import org.modernxmpp.portability.remote.RemoteSession;
import org.modernxmpp.portability.transfer.DataKind;
import org.xmpp.packet.JID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Reads an account from any XMPP server, as its own client, into a canonical XEP-0227 export. */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = "Log in to an account on any XMPP server as an ordinary client (TLS required) and write everything"
                + " a client can read of it - contacts, profile, private XML, PEP, privacy lists, blocklist, message"
                + " archive - as one XEP-0227 file or the XInclude layout. No admin of that server is needed.")
final class PullCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "JID", description = "The account, name@domain.")
    String account;

    @Mixin
    OutputOptions output;

    @Mixin
    RemoteOptions remote;

    @Option(names = "--no-archive", description = "Leave the message archive out.")
    boolean noArchive;

    @Option(names = "--archive-since", paramLabel = "DATE",
            description = "Only archived messages from this moment on (2024-01-31 or 2024-01-31T08:00:00Z).")
    String archiveSince;

    @Option(names = "--private-xml", paramLabel = "{NAMESPACE}ELEMENT",
            description = "Also ask for this XEP-0049 fragment (repeatable); the known ones are always asked for.")
    List<String> privateXml = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, RemoteException {
        PrintWriter err = spec.commandLine().getErr();
        JID jid;
        PullOptions options;
        ExportOutput.Layout layout;
        RemoteLogin login;
        RemoteConnector connector;
        try {
            jid = RemoteOptions.account(account);
            List<PrivateXmlKeys.Key> extra = privateXml.stream().map(PrivateXmlKeys.Key::parse).toList();
            options = PullOptions.everything().withArchive(!noArchive, since()).withPrivateXml(PrivateXmlKeys.with(extra));
            layout = output.layout();
            connector = new RemoteConnector(remote.settings());
            login = new RemoteLogin(jid, remote.password(jid.toBareJID()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PullReport report;
        try (ExportOutput target = ExportOutput.create(output.output, layout, output.force);
             RemoteSession session = connector.connect(login)) {
            err.println("connected to " + session.server() + " as " + session.account().toBareJID());
            report = new AccountPull(session, options, new Progress(err)).pullTo(target.sink());
            target.commit();
        }
        PrintWriter out = spec.commandLine().getOut();
        report.lines().forEach(out::println);
        out.println("wrote " + output.output);
        return report.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    private Instant since() {
        if (archiveSince == null) {
            return null;
        }
        String value = archiveSince.trim();
        Instant since = Timestamps.parse(value.length() == 10 ? value + "T00:00:00Z" : value);
        if (since == null) {
            throw new IllegalArgumentException("--archive-since '" + archiveSince + "' is not a date (2024-01-31) or time (2024-01-31T08:00:00Z)");
        }
        return since;
    }

    /** One line per kind on stderr, and the archive's count every few thousand messages. */
    private record Progress(PrintWriter err) implements PullProgress {
        @Override
        public void reading(DataKind kind) {
            err.println("reading " + kind.label() + " ...");
        }

        @Override
        public void archived(long messages) {
            if (messages > 0 && messages % 5000 < 250) {
                err.printf("  %,d archived messages%n", messages);
            }
        }
    }
}
