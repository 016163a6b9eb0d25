package org.jivesoftware.openfire;

/** Compile-only mirror of Openfire 5.1.1's SharedGroupException; the real class is provided at run time. */
public class SharedGroupException extends Exception {
    public SharedGroupException() {
        throw new UnsupportedOperationException();
    }

    public SharedGroupException(String message) {
        throw new UnsupportedOperationException();
    }
}
