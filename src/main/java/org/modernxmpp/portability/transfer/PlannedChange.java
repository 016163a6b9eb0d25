package org.modernxmpp.portability.transfer;

import org.modernxmpp.portability.account.AccountException;

/**
 * One write an import will make, described in plain words for the report. A dry run reports the description
 * and never calls the write.
 */
record PlannedChange(String description, Write write) {

    @FunctionalInterface
    interface Write {
        void run() throws AccountException;
    }
}
