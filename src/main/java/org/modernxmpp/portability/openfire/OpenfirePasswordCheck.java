package org.modernxmpp.portability.openfire;

import org.jivesoftware.openfire.auth.AuthFactory;
import org.jivesoftware.openfire.auth.ConnectionException;
import org.jivesoftware.openfire.auth.InternalUnauthenticatedException;
import org.jivesoftware.openfire.auth.UnauthorizedException;
import org.jivesoftware.openfire.lockout.LockOutManager;
import org.modernxmpp.portability.account.PasswordCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passwords through Openfire's AuthFactory, which refuses accounts its lockout manager has disabled; a wrong password
 * counts as a failed login there too, as it does for Openfire's own logins, so its lockout rules apply to the page.
 */
public final class OpenfirePasswordCheck implements PasswordCheck {
    private static final Logger LOG = LoggerFactory.getLogger(OpenfirePasswordCheck.class);

    private final LockOutManager lockOut;

    public OpenfirePasswordCheck(LockOutManager lockOut) {
        this.lockOut = lockOut;
    }

    @Override
    public boolean matches(String username, String password) {
        try {
            AuthFactory.authenticate(username, password);
            return true;
        } catch (UnauthorizedException e) {
            lockOut.recordFailedLogin(username);
            return false;
        } catch (ConnectionException | InternalUnauthenticatedException e) {
            LOG.warn("Could not check the password of {}: {}", username, e.getMessage());
            return false;
        }
    }
}
