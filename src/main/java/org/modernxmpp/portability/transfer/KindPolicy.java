package org.modernxmpp.portability.transfer;

/** What an import does with one kind of data when the account already holds some. */
public enum KindPolicy {
    /** Leave the kind alone. */
    SKIP,
    /** Add what is missing; never delete or overwrite what is there. */
    MERGE,
    /**
     * Make the kind equal the file's, as far as that loses nothing the user cannot get back: offline messages are
     * only ever added and blocks never lifted, since deleting either could hurt the user.
     */
    REPLACE
}
