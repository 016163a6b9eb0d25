package org.modernxmpp.portability.cli;

import picocli.CommandLine.Option;

/** Options shared by the commands that read exports. */
final class InputOptions {
    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--legacy-domain", paramLabel = "DOMAIN",
            description = "The domain of the users in a file of Openfire's userImportExport legacy format (<Openfire><User>…), which names none.")
    String legacyDomain;
}
