package org.modernxmpp.portability.moved;

/**
 * What the pages use of XEP-0283 beyond the statement itself: the contacts being told on a new account, the
 * departures of old ones, and the tombstones of deleted ones.
 */
public record Moves(ContactNotifier notifier, Departures departures, Tombstones tombstones) {
}
