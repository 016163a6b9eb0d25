package org.jivesoftware.openfire.event;

/** Compile-only mirror of Openfire 5.1.1's UserEventDispatcher; the real class is provided at run time. */
public class UserEventDispatcher {
    private UserEventDispatcher() {
        throw new UnsupportedOperationException();
    }

    public static void addListener(UserEventListener listener) {
        throw new UnsupportedOperationException();
    }

    public static void removeListener(UserEventListener listener) {
        throw new UnsupportedOperationException();
    }
}
