package org.modernxmpp.portability.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.modernxmpp.portability.pie.model.PieEntry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Reads a whole export and says whether it is valid; the first error is printed with file, line and reason. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check that an export is well-formed, safe and valid XEP-0227. Exit 0 if valid, 1 if not.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE|DIR", description = "An export file, or a folder of export files.")
    Path input;

    @Mixin
    InputOptions inputOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Set<String> hosts = new HashSet<>();
        try (ExportInput export = ExportInput.open(input, spec.commandLine().getErr(), inputOptions)) {
            for (Optional<PieEntry> entry = export.next(); entry.isPresent(); entry = export.next()) {
                if (entry.get() instanceof PieEntry.HostUser user) {
                    hosts.add(user.host().getDomain());
                }
            }
            var notes = export.reader().notes();
            out.printf("valid: %,d users in %d hosts%n", export.users(), hosts.size());
            int unknown = notes.unknownElements().values().stream().mapToInt(Integer::intValue).sum();
            if (unknown > 0) {
                out.printf("warning: %,d unknown elements or attributes are carried through but not understood (see inspect)%n", unknown);
            }
            notes.dialects().forEach(d -> out.println("dialect: " + d));
            notes.notes().forEach(n -> out.println("note: " + n));
        }
        return ExitCodes.OK;
    }
}
