package org.modernxmpp.portability.account;

import java.util.List;

import org.modernxmpp.portability.pie.model.ArchivedMessage;

/** A user's message archive, where the server keeps one. */
public interface ArchivePort {

    /** False when the server has no archive (in Openfire: no Monitoring plugin); the report says so. */
    boolean available();

    List<ArchivedMessage> read(String username) throws AccountException;
}
