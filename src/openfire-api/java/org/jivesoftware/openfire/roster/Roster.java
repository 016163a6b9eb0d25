package org.jivesoftware.openfire.roster;

import java.util.Collection;
import java.util.List;
import org.jivesoftware.openfire.SharedGroupException;
import org.jivesoftware.openfire.user.UserAlreadyExistsException;
import org.jivesoftware.openfire.user.UserNotFoundException;
import org.xmpp.packet.JID;

/** Compile-only mirror of Openfire 5.1.1's Roster; the real class is provided at run time. */
public class Roster {
    private Roster() {
        throw new UnsupportedOperationException();
    }

    public Collection<RosterItem> getRosterItems() {
        throw new UnsupportedOperationException();
    }

    public RosterItem getRosterItem(JID user) throws UserNotFoundException {
        throw new UnsupportedOperationException();
    }

    public RosterItem createRosterItem(JID user, String nickname, List<String> groups, boolean push, boolean persistent)
            throws UserAlreadyExistsException, SharedGroupException {
        throw new UnsupportedOperationException();
    }

    public void updateRosterItem(RosterItem item) throws UserNotFoundException {
        throw new UnsupportedOperationException();
    }

    public RosterItem deleteRosterItem(JID user, boolean doChecking) throws SharedGroupException {
        throw new UnsupportedOperationException();
    }

    public String getUsername() {
        throw new UnsupportedOperationException();
    }
}
