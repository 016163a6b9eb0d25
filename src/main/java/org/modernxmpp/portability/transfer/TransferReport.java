package org.modernxmpp.portability.transfer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The structured result of an export or import: per user, per kind, with reasons; unknown elements carried; which
 * accounts need a password reset. Per-user outcomes are kept in full up to a bound (then counted only), so a
 * report on a huge server stays small.
 */
public final class TransferReport {
    private static final int MAX_USERS_LISTED = 10_000;

    private final boolean dryRun;
    private final List<UserOutcome> users = new ArrayList<>();
    private final Map<UserOutcome.Status, Integer> counts = new TreeMap<>();
    private final List<String> passwordResets = new ArrayList<>();
    private final Map<String, Integer> unknownElements = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();
    private int usersNotListed;
    private boolean cancelled;

    public TransferReport(boolean dryRun) {
        this.dryRun = dryRun;
    }

    synchronized void add(UserOutcome outcome) {
        counts.merge(outcome.status(), 1, Integer::sum);
        if (users.size() < MAX_USERS_LISTED) {
            users.add(outcome);
        } else {
            usersNotListed++;
        }
    }

    synchronized void passwordReset(String jid) {
        if (passwordResets.size() < MAX_USERS_LISTED) {
            passwordResets.add(jid);
        }
    }

    synchronized void unknownElements(Map<String, Integer> unknown) {
        unknown.forEach((what, count) -> unknownElements.merge(what, count, Integer::sum));
    }

    synchronized void note(String note) {
        notes.add(note);
    }

    synchronized void cancelled() {
        cancelled = true;
    }

    /** True when nothing was written: every change is what would happen. */
    public boolean dryRun() {
        return dryRun;
    }

    public synchronized boolean wasCancelled() {
        return cancelled;
    }

    public synchronized List<UserOutcome> users() {
        return List.copyOf(users);
    }

    public synchronized int count(UserOutcome.Status status) {
        return counts.getOrDefault(status, 0);
    }

    public synchronized int usersNotListed() {
        return usersNotListed;
    }

    /** Accounts created without a usable password: their owners must set a new one. */
    public synchronized List<String> passwordResets() {
        return List.copyOf(passwordResets);
    }

    public synchronized Map<String, Integer> unknownElements() {
        return Collections.unmodifiableMap(new TreeMap<>(unknownElements));
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }
}
