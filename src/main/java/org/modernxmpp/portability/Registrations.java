package org.modernxmpp.portability;

import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the plugin has added to Openfire (handlers, interceptors, listeners, servlets, properties),
 * each with the action that removes it. Removal runs newest first and goes on past a failing one, so one
 * broken removal never leaves the rest registered.
 */
public final class Registrations {
    private static final Logger LOG = LoggerFactory.getLogger(Registrations.class);

    /** Undoes one registration. */
    @FunctionalInterface
    public interface Removal {
        void remove() throws Exception;
    }

    private record Entry(String what, Removal removal) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    /** Records that {@code what} was registered and how to remove it. */
    public synchronized void added(String what, Removal removal) {
        entries.push(new Entry(what, removal));
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Removes everything, newest first; returns how many removals failed (each is logged). */
    public synchronized int removeAll() {
        int failures = 0;
        while (!entries.isEmpty()) {
            Entry entry = entries.pop();
            try {
                entry.removal().remove();
            } catch (Exception e) {
                failures++;
                LOG.error("Could not remove {} while stopping Account Portability", entry.what(), e);
            }
        }
        return failures;
    }
}
