package org.modernxmpp.portability.openfire;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.jivesoftware.openfire.event.UserEventListener;
import org.jivesoftware.openfire.user.User;
import org.modernxmpp.portability.moved.Moves;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows accounts being deleted and created: a deleted account that says it moved leaves a tombstone with its new
 * address (when the settings say so), its records of the move go, and an account created under a tombstone's name
 * removes the tombstone, so nobody new answers as gone.
 */
final class TombstoneKeeper implements UserEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(TombstoneKeeper.class);
    private final Moves moves;
    private final BooleanSupplier keep;
    private final Supplier<Duration> lifetime;

    TombstoneKeeper(Moves moves, BooleanSupplier keep, Supplier<Duration> lifetime) {
        this.moves = moves;
        this.keep = keep;
        this.lifetime = lifetime;
    }

    @Override
    public void userDeleting(User user, Map<String, Object> params) {
        String username = user.getUsername();
        try {
            moves.departures().of(username).ifPresent(departure -> {
                if (keep.getAsBoolean()) {
                    moves.tombstones().keep(username, departure.newJid(), lifetime.get());
                    LOG.info("XEP-0283: {} is deleted; its statement (moved to {}) is kept as a tombstone for {} days", username,
                            departure.newJid(), lifetime.get().toDays());
                }
                moves.departures().withdrawn(username);
            });
            moves.notifier().forget(username);
        } catch (RuntimeException e) {
            LOG.warn("XEP-0283: cannot keep the move of {} while it is deleted: {}", username, e.getMessage(), e);
        }
    }

    @Override
    public void userCreated(User user, Map<String, Object> params) {
        try {
            moves.tombstones().remove(user.getUsername());
        } catch (RuntimeException e) {
            LOG.warn("XEP-0283: cannot remove the tombstone of {}: {}", user.getUsername(), e.getMessage(), e);
        }
    }

    @Override
    public void userModified(User user, Map<String, Object> params) {
        // a changed name or e-mail address changes nothing about a move
    }
}
