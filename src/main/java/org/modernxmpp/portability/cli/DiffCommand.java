package org.modernxmpp.portability.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.modernxmpp.portability.pie.UserSummary;
import org.modernxmpp.portability.pie.model.PieEntry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Compares two exports user by user and kind by kind. A keeps only a fingerprint per user (keys and 64-bit
 * hashes), so comparing big exports needs a few bytes per entry, not the data itself.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Show, per user and per data kind, what differs between export A and export B. Exit 0 if "
                + "they hold the same data, 1 if not.")
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "The first export (file or folder).")
    Path first;

    @Parameters(index = "1", paramLabel = "B", description = "The second export (file or folder).")
    Path second;

    @Mixin
    InputOptions inputOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, UserSummary> inA = new LinkedHashMap<>();
        try (ExportInput a = ExportInput.open(first, spec.commandLine().getErr(), inputOptions)) {
            for (Optional<PieEntry> entry = a.next(); entry.isPresent(); entry = a.next()) {
                if (entry.get() instanceof PieEntry.HostUser user) {
                    inA.put(user.jid().toBareJID(), UserSummary.of(user.user()));
                }
            }
        }
        long differences = 0;
        long same = 0;
        try (ExportInput b = ExportInput.open(second, spec.commandLine().getErr(), inputOptions)) {
            for (Optional<PieEntry> entry = b.next(); entry.isPresent(); entry = b.next()) {
                if (!(entry.get() instanceof PieEntry.HostUser user)) {
                    continue;
                }
                String jid = user.jid().toBareJID();
                UserSummary mine = inA.remove(jid);
                if (mine == null) {
                    out.printf("%s: only in B%n", jid);
                    differences++;
                    continue;
                }
                var found = mine.differencesTo(UserSummary.of(user.user()));
                if (found.isEmpty()) {
                    same++;
                }
                for (UserSummary.Difference difference : found) {
                    out.printf("%s: %s %s: %s%n", jid, difference.kind(), difference.key(), difference.change());
                    differences++;
                }
            }
        }
        for (String jid : inA.keySet()) {
            out.printf("%s: only in A%n", jid);
            differences++;
        }
        out.printf("%,d users identical, %,d differences%n", same, differences);
        return differences == 0 ? ExitCodes.OK : ExitCodes.INVALID_OR_DIFFERENT;
    }
}
