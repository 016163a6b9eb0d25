package org.modernxmpp.portability.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.UserData;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints what an export holds: hosts, users, entries per data kind, unknown elements and dialect notes. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show hosts, users, per-kind counts, unknown elements and dialect notes of an export.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE|DIR", description = "An export file, or a folder of export files.")
    Path input;

    @Option(names = "--users", description = "Also list every user with its counts.")
    boolean listUsers;

    @Mixin
    InputOptions inputOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Long> usersPerHost = new LinkedHashMap<>();
        KindCounts totals = new KindCounts();
        long extensions = 0;
        try (ExportInput export = ExportInput.open(input, spec.commandLine().getErr(), inputOptions)) {
            for (Optional<PieEntry> entry = export.next(); entry.isPresent(); entry = export.next()) {
                if (entry.get() instanceof PieEntry.HostUser hostUser) {
                    usersPerHost.merge(hostUser.host().getDomain(), 1L, Long::sum);
                    UserData user = hostUser.user();
                    totals.add(user);
                    if (listUsers) {
                        out.printf("user %s: %s%n", hostUser.jid(), new KindCounts().add(user).summary());
                    }
                } else {
                    extensions++;
                }
            }
            out.printf("Export: %s%n", input);
            out.printf("Hosts: %d%n", usersPerHost.size());
            usersPerHost.forEach((host, count) -> out.printf("  %s: %,d users%n", host, count));
            out.printf("Users: %,d%n", export.users());
            out.println("Entries per kind (users having any):");
            totals.print(out);
            if (extensions > 0) {
                out.printf("Elements outside any user: %d%n", extensions);
            }
            var notes = export.reader().notes();
            out.println("Unknown elements and attributes carried through: " + (notes.unknownElements().isEmpty() ? "none" : ""));
            notes.unknownElements().forEach((what, count) -> out.printf("  %s: %,d%n", what, count));
            out.println("Dialects recognised: " + (notes.dialects().isEmpty() ? "none (canonical XEP-0227)" : ""));
            notes.dialects().forEach(d -> out.println("  " + d));
            if (!notes.notes().isEmpty()) {
                out.println("Notes:");
                notes.notes().forEach(n -> out.println("  " + n));
                if (notes.notesNotShown() > 0) {
                    out.printf("  … and %,d more%n", notes.notesNotShown());
                }
            }
        }
        return ExitCodes.OK;
    }
}
