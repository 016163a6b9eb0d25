package org.jivesoftware.openfire.user;

import java.util.Collection;

/** Compile-only mirror of Openfire 5.1.1's UserManager; the real class is provided at run time. */
public final class UserManager {
    private UserManager() {
        throw new UnsupportedOperationException();
    }

    public static UserManager getInstance() {
        throw new UnsupportedOperationException();
    }

    public User createUser(String username, String password, String name, String email)
            throws UserAlreadyExistsException {
        throw new UnsupportedOperationException();
    }

    public void deleteUser(User user) {
        throw new UnsupportedOperationException();
    }

    public User getUser(String username) throws UserNotFoundException {
        throw new UnsupportedOperationException();
    }

    public int getUserCount() {
        throw new UnsupportedOperationException();
    }

    public Collection<String> getUsernames() {
        throw new UnsupportedOperationException();
    }
}
