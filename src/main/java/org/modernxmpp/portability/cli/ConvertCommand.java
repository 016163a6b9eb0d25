package org.modernxmpp.portability.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

import org.modernxmpp.portability.pie.ScramEncoding;
import org.modernxmpp.portability.pie.model.PieEntry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Rewrites any readable export (any dialect or layout) as canonical XEP-0227 r1.1. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert an export in any accepted dialect or layout (Prosody, ejabberd, old namespace, "
                + "XInclude, one file per user) to one canonical XEP-0227 file or the XInclude layout.")
final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE|DIR", description = "The export to read.")
    Path input;

    @Mixin
    OutputOptions output;

    @Mixin
    InputOptions inputOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        return copy(spec, input, output, inputOptions, UnaryOperator.identity());
    }

    /** Reads {@code input}, passes every entry through {@code change}, writes the result; shared with rename-host. */
    static int copy(CommandSpec spec, Path input, OutputOptions output, InputOptions inputOptions, UnaryOperator<PieEntry> change)
            throws IOException {
        ExportOutput.Layout layout;
        ScramEncoding scram;
        try {
            layout = output.layout();
            scram = output.scramEncoding();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (ExportInput export = ExportInput.open(input, spec.commandLine().getErr(), inputOptions);
             ExportOutput target = ExportOutput.create(output.output, layout, output.force, scram)) {
            for (Optional<PieEntry> entry = export.next(); entry.isPresent(); entry = export.next()) {
                target.write(change.apply(entry.get()));
            }
            target.commit();
            spec.commandLine().getOut().printf("wrote %,d users to %s%n", export.users(), output.output);
        }
        return ExitCodes.OK;
    }
}
