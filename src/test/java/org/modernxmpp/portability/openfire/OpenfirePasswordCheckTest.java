package org.modernxmpp.portability.openfire;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.jivesoftware.openfire.auth.AuthFactory;
import org.jivesoftware.openfire.auth.ConnectionException;
import org.jivesoftware.openfire.auth.UnauthorizedException;
import org.jivesoftware.openfire.lockout.LockOutManager;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;

/** Passwords go through AuthFactory.authenticate (which honours lockouts); a wrong one counts as a failed login. */
class OpenfirePasswordCheckTest {
    private final LockOutManager lockOut = mock(LockOutManager.class);
    private final OpenfirePasswordCheck check = new OpenfirePasswordCheck(lockOut);

    @Test
    void theRightPasswordMatches() {
        try (MockedStatic<AuthFactory> auth = mockStatic(AuthFactory.class)) {
            assertTrue(check.matches("juliet", "wherefore"));
            auth.verify(() -> AuthFactory.authenticate("juliet", "wherefore"));
            verify(lockOut, never()).recordFailedLogin("juliet");
        }
    }

    @Test
    void aWrongPasswordFailsAndCountsTowardsTheLockout() {
        try (MockedStatic<AuthFactory> auth = mockStatic(AuthFactory.class)) {
            auth.when(() -> AuthFactory.authenticate("juliet", "guess")).thenThrow(UnauthorizedException.class);
            assertFalse(check.matches("juliet", "guess"));
            verify(lockOut).recordFailedLogin("juliet");
        }
    }

    @Test
    void anUnreachableUserStoreIsAFailureNotAnError() {
        try (MockedStatic<AuthFactory> auth = mockStatic(AuthFactory.class)) {
            auth.when(() -> AuthFactory.authenticate("juliet", "x")).thenThrow(ConnectionException.class);
            assertFalse(check.matches("juliet", "x"));
        }
    }
}
