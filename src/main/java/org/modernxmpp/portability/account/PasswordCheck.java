package org.modernxmpp.portability.account;

/** Whether a password is an account's: how the self-service page signs people in. */
@FunctionalInterface
public interface PasswordCheck {

    /** True only for the right password of an existing, enabled account; never says which part was wrong. */
    boolean matches(String username, String password);
}
