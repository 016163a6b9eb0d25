package org.modernxmpp.portability.openfire;

import java.util.List;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.ArchivePort;
import org.modernxmpp.portability.pie.model.ArchivedMessage;

/**
 * Openfire itself keeps no per-user message archive; the Monitoring plugin does, in its own store. Until the plugin
 * reads that store, exports say that no archive was exported and imports say it was not imported.
 */
final class NoArchive implements ArchivePort {
    @Override
    public boolean available() {
        return false;
    }

    @Override
    public List<ArchivedMessage> read(String username) throws AccountException {
        throw new AccountException("this server keeps no message archive");
    }
}
