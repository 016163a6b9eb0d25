package org.modernxmpp.portability.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, so --version never disagrees with the build. */
final class ToolVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = ToolVersion.class.getPackage().getImplementationVersion();
        return new String[] {"accountportability " + (version == null ? "(development build)" : version)};
    }
}
