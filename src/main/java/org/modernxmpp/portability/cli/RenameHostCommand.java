package org.modernxmpp.portability.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.modernxmpp.portability.pie.JidRewrite;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Moves an export to another domain: every JID whose domain is exactly OLD, and nothing else. */
@Command(name = "rename-host", mixinStandardHelpOptions = true,
        description = "Rewrite an export from domain OLD to NEW, JID-aware: hosts, roster items, requests, blocklist, "
                + "privacy rules, PEP and JIDs inside stored stanzas change only when their domain is exactly OLD.")
final class RenameHostCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD", description = "The domain to replace.")
    String oldDomain;

    @Parameters(index = "1", paramLabel = "NEW", description = "The domain to put in its place.")
    String newDomain;

    @Parameters(index = "2", paramLabel = "FILE|DIR", description = "The export to read.")
    Path input;

    @Mixin
    OutputOptions output;

    @Mixin
    InputOptions inputOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        JidRewrite rename;
        try {
            rename = JidRewrite.host(oldDomain, newDomain);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "OLD and NEW must be valid domains: " + e.getMessage());
        }
        int code = ConvertCommand.copy(spec, input, output, inputOptions, rename::apply);
        spec.commandLine().getOut().printf("rewrote %,d JIDs from %s to %s%n", rename.changes(), oldDomain, newDomain);
        return code;
    }
}
