package org.jivesoftware.openfire.user;

/** Compile-only mirror of Openfire 5.1.1's UserAlreadyExistsException; the real class is provided at run time. */
public class UserAlreadyExistsException extends Exception {
    public UserAlreadyExistsException() {
        throw new UnsupportedOperationException();
    }

    public UserAlreadyExistsException(String message) {
        throw new UnsupportedOperationException();
    }

    public UserAlreadyExistsException(Throwable cause) {
        throw new UnsupportedOperationException();
    }

    public UserAlreadyExistsException(String message, Throwable cause) {
        throw new UnsupportedOperationException();
    }
}
