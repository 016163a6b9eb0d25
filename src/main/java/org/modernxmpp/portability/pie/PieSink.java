package org.modernxmpp.portability.pie;

import java.io.IOException;

import org.modernxmpp.portability.pie.model.PieEntry;

/** Where a streaming export goes: one file ({@link PieWriter}) or the XInclude layout ({@link PieFolderWriter}). */
public interface PieSink {

    void write(PieEntry entry) throws IOException;

    /** Completes the export; the sink writes nothing after this. */
    void finish() throws IOException;
}
