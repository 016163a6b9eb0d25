package org.modernxmpp.portability.pie;

import org.xmpp.packet.JID;

/** Where in the input a user's data came from, for errors and notes that point at it. */
final class UserContext {
    final String source;
    final int line;
    final int column;
    final String host;
    String user;
    final ReadNotes notes;

    UserContext(String source, int line, int column, String host, String user, ReadNotes notes) {
        this.source = source;
        this.line = line;
        this.column = column;
        this.host = host;
        this.user = user;
        this.notes = notes;
    }

    PieFormatException error(String reason) {
        return new PieFormatException(source, line, column, "user '" + user + "' of host " + host + ": " + reason);
    }

    void note(String note) {
        notes.note(user + "@" + host + ": " + note);
    }

    /** A full or bare JID, prepped; an invalid one is an error that says which field held it. */
    JID jid(String value, String what) throws PieFormatException {
        if (value == null || value.isBlank()) {
            throw error(what + " has no JID");
        }
        try {
            return Jids.parse(value.trim());
        } catch (IllegalArgumentException e) {
            throw error(what + " holds an invalid JID '" + value + "': " + e.getMessage());
        }
    }
}
