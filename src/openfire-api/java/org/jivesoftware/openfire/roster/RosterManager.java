package org.jivesoftware.openfire.roster;

import org.jivesoftware.openfire.container.BasicModule;
import org.jivesoftware.openfire.user.UserNotFoundException;

/** Compile-only mirror of Openfire 5.1.1's RosterManager; the real class is provided at run time. */
public class RosterManager extends BasicModule {
    private RosterManager() {
        super(null);
        throw new UnsupportedOperationException();
    }

    public Roster getRoster(String username) throws UserNotFoundException {
        throw new UnsupportedOperationException();
    }
}
