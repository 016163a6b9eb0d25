package org.jivesoftware.openfire.auth;

import org.jivesoftware.openfire.user.UserNotFoundException;

/** Compile-only mirror of Openfire 5.1.1's AuthFactory; the real class is provided at run time. */
public class AuthFactory {
    private AuthFactory() {
        throw new UnsupportedOperationException();
    }

    public static boolean isProviderInstanceOf(Class<?> c) {
        throw new UnsupportedOperationException();
    }

    public static boolean supportsPasswordRetrieval() {
        throw new UnsupportedOperationException();
    }

    public static String getPassword(String username) throws UserNotFoundException, UnsupportedOperationException {
        throw new UnsupportedOperationException();
    }

    public static void setPassword(String username, String password)
            throws UserNotFoundException, UnsupportedOperationException, ConnectionException,
            InternalUnauthenticatedException {
        throw new UnsupportedOperationException();
    }

    public static AuthToken authenticate(String username, String password)
            throws UnauthorizedException, ConnectionException, InternalUnauthenticatedException {
        throw new UnsupportedOperationException();
    }

    public static boolean supportsScram() {
        throw new UnsupportedOperationException();
    }

    public static String getSalt(String username) throws UnsupportedOperationException, UserNotFoundException {
        throw new UnsupportedOperationException();
    }

    public static int getIterations(String username) throws UnsupportedOperationException, UserNotFoundException {
        throw new UnsupportedOperationException();
    }

    public static String getServerKey(String username) throws UnsupportedOperationException, UserNotFoundException {
        throw new UnsupportedOperationException();
    }

    public static String getStoredKey(String username) throws UnsupportedOperationException, UserNotFoundException {
        throw new UnsupportedOperationException();
    }
}
