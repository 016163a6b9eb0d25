package org.modernxmpp.portability.remote;

import org.modernxmpp.portability.transfer.DataKind;

/** Hears how a pull goes, for a progress line or page; called on the pulling thread. */
public interface PullProgress {
    PullProgress NONE = new PullProgress() {
    };

    default void reading(DataKind kind) {
    }

    /** Messages of the archive written so far. */
    default void archived(long messages) {
    }
}
