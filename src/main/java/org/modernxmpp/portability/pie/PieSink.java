package org.modernxmpp.portability.pie;

import java.io.IOException;

import org.modernxmpp.portability.pie.model.PieEntry;

/** Where a streaming export goes: one file ({@link PieWriter}) or the XInclude layout ({@link PieFolderWriter}). */
public interface PieSink {

    void write(PieEntry entry) throws IOException;

    /**
     * Writes a user whose archive is too long to hold: {@code archive} hands its messages over one by one, after those
     * already in {@code user}, and each goes to the output at once.
     */
    void writeUser(org.xmpp.packet.JID host, org.modernxmpp.portability.pie.model.UserData user, ArchiveFeed archive)
            throws IOException;

    /** Completes the export; the sink writes nothing after this. */
    void finish() throws IOException;
}
