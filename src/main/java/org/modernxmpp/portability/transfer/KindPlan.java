package org.modernxmpp.portability.transfer;

import java.util.List;

/**
 * What an import will do with one kind of one user: the result it reaches if every change is written, the
 * changes, and notes that explain skipped entries.
 */
record KindPlan(DataKind kind, KindOutcome.Result result, List<PlannedChange> changes, List<String> notes) {

    KindPlan {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    static KindPlan skipped(DataKind kind, String reason) {
        return new KindPlan(kind, KindOutcome.Result.SKIPPED, List.of(), List.of(reason));
    }

    static KindPlan unchanged(DataKind kind, List<String> notes) {
        return new KindPlan(kind, KindOutcome.Result.UNCHANGED, List.of(), notes);
    }

    /** CREATED, MERGED or REPLACED when there are changes, UNCHANGED when there are none. */
    static KindPlan of(DataKind kind, KindPolicy policy, boolean hadData, List<PlannedChange> changes, List<String> notes) {
        if (changes.isEmpty()) {
            return unchanged(kind, notes);
        }
        KindOutcome.Result result = !hadData ? KindOutcome.Result.CREATED
                : policy == KindPolicy.REPLACE ? KindOutcome.Result.REPLACED : KindOutcome.Result.MERGED;
        return new KindPlan(kind, result, changes, notes);
    }
}
