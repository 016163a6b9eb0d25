package org.modernxmpp.portability.transfer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The structured result of an export or import: per user, per kind, with reasons; unknown elements carried; which
 * accounts need a password reset. Memory stays bounded on a huge server: the first users that went through are kept
 * in full, users that were skipped or failed up to a much larger bound (those are the ones an admin must act on),
 * each with at most a fixed number of detail lines per kind; the rest are counted only.
 */
public final class TransferReport {
    static final int MAX_USERS_LISTED = 1_000;
    static final int MAX_PROBLEMS_LISTED = 10_000;
    static final int MAX_DETAILS_PER_KIND = 50;

    private final boolean dryRun;
    private final List<UserOutcome> users = new ArrayList<>();
    private int doneListed;
    private int problemsListed;
    private final Map<UserOutcome.Status, Integer> counts = new TreeMap<>();
    private final List<String> passwordResets = new ArrayList<>();
    private final Map<String, Integer> unknownElements = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();
    private int usersNotListed;
    private boolean cancelled;

    private final boolean allDetails;

    public TransferReport(boolean dryRun) {
        this(dryRun, false);
    }

    /** With {@code allDetails}, every detail line is kept: for one account's import, whose size bounds them anyway. */
    public TransferReport(boolean dryRun, boolean allDetails) {
        this.allDetails = allDetails;
        this.dryRun = dryRun;
    }

    synchronized void add(UserOutcome outcome) {
        counts.merge(outcome.status(), 1, Integer::sum);
        boolean problem = outcome.status() != UserOutcome.Status.DONE;
        if (problem ? problemsListed < MAX_PROBLEMS_LISTED : doneListed < MAX_USERS_LISTED) {
            if (problem) {
                problemsListed++;
            } else {
                doneListed++;
            }
            users.add(bounded(outcome));
        } else {
            usersNotListed++;
        }
    }

    private UserOutcome bounded(UserOutcome outcome) {
        if (allDetails || outcome.kinds().stream().allMatch(k -> k.details().size() <= MAX_DETAILS_PER_KIND)) {
            return outcome;
        }
        List<KindOutcome> kinds = outcome.kinds().stream().map(k -> k.details().size() <= MAX_DETAILS_PER_KIND ? k
                : new KindOutcome(k.kind(), k.result(), k.changes(), concat(k.details().subList(0, MAX_DETAILS_PER_KIND),
                        "… and " + (k.details().size() - MAX_DETAILS_PER_KIND) + " more"))).toList();
        return new UserOutcome(outcome.source(), outcome.target(), outcome.status(), outcome.problem(), kinds);
    }

    private static List<String> concat(List<String> first, String last) {
        List<String> all = new ArrayList<>(first);
        all.add(last);
        return all;
    }

    synchronized void passwordReset(String jid) {
        if (passwordResets.size() < MAX_PROBLEMS_LISTED) {
            passwordResets.add(jid);
        }
    }

    synchronized void unknownElements(Map<String, Integer> unknown) {
        unknown.forEach((what, count) -> unknownElements.merge(what, count, Integer::sum));
    }

    public synchronized void note(String note) {
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
