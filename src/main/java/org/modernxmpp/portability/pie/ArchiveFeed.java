package org.modernxmpp.portability.pie;

import java.io.IOException;

import org.modernxmpp.portability.pie.model.ArchivedMessage;

/**
 * A message archive that arrives piece by piece (a remote server's pages) and goes straight into the file being
 * written, so that no more than one piece is ever in memory.
 */
@FunctionalInterface
public interface ArchiveFeed {

    /** Hands every message, oldest first, to {@code messages}; an exception ends the user's element where it is. */
    void writeTo(Messages messages) throws IOException;

    /** Where the feed puts each message. */
    @FunctionalInterface
    interface Messages {
        void add(ArchivedMessage message) throws IOException;
    }
}
