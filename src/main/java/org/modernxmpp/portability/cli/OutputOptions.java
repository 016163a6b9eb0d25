package org.modernxmpp.portability.cli;

import java.nio.file.Path;

import org.modernxmpp.portability.pie.ScramEncoding;
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

    @Option(names = "--scram", defaultValue = "standard", paramLabel = "standard|ejabberd",
            description = "standard: SCRAM salts and keys in base64 (XEP-0227, Prosody; default); ejabberd: base64-encoded twice,"
                    + " the only form ejabberd 23.01's import_piefxis logs in with.")
    String scram;

    ScramEncoding scramEncoding() {
        return switch (scram) {
            case "standard" -> ScramEncoding.STANDARD;
            case "ejabberd" -> ScramEncoding.EJABBERD;
            default -> throw new IllegalArgumentException("--scram must be standard or ejabberd, not '" + scram + "'");
        };
    }

    ExportOutput.Layout layout() {
        return switch (layout) {
            case "file" -> ExportOutput.Layout.FILE;
            case "xinclude" -> ExportOutput.Layout.XINCLUDE;
            default -> throw new IllegalArgumentException("--layout must be file or xinclude, not '" + layout + "'");
        };
    }
}
