package org.modernxmpp.portability.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options shared by the commands that write an export. */
final class OutputOptions {
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PATH",
            description = "Where to write: a file, or a folder with --layout xinclude.")
    Path output;

    @Option(names = "--layout", defaultValue = "file", paramLabel = "file|xinclude",
            description = "file: one canonical file (default); xinclude: server-data.xml, one file per host and per user.")
    String layout;

    @Option(names = "--force", description = "Replace the output if it exists.")
    boolean force;

    ExportOutput.Layout layout() {
        return switch (layout) {
            case "file" -> ExportOutput.Layout.FILE;
            case "xinclude" -> ExportOutput.Layout.XINCLUDE;
            default -> throw new IllegalArgumentException("--layout must be file or xinclude, not '" + layout + "'");
        };
    }
}
