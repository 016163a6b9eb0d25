package org.modernxmpp.portability.remote;

import java.util.ArrayList;
import java.util.List;

import org.modernxmpp.portability.pie.ReadNotes;
import org.modernxmpp.portability.transfer.DataKind;

/**
 * What a pull read of each kind, what the server did not have or refused, and what no client can read at all.
 *
 * @param account     the account read, bare
 * @param server      host and port it was read from
 * @param kinds       one line per kind, in the order read
 * @param notReadable what stays behind because a client cannot read it
 * @param notes       what the XEP-0227 parser noticed (unknown elements, normalisations)
 */
public record PullReport(String account, String server, List<KindRead> kinds, List<String> notReadable, ReadNotes notes) {

    public PullReport {
        kinds = List.copyOf(kinds);
        notReadable = List.copyOf(notReadable);
    }

    public enum Status {
        /** Read; the count says how much (it may be 0). */
        READ,
        /** The server does not offer this kind (the XEP is not supported). */
        NOT_OFFERED,
        /** The server answered the request with an error. */
        REFUSED,
        /** Reading stopped part-way; what arrived is in the file. */
        INCOMPLETE,
        /** Left out on request. */
        SKIPPED
    }

    /** One kind: its status, how many things were read, and a sentence that says more. */
    public record KindRead(DataKind kind, Status status, long count, String detail) {
    }

    /** Whether everything the server offers arrived whole. */
    public boolean complete() {
        return kinds.stream().noneMatch(k -> k.status() == Status.INCOMPLETE || k.status() == Status.REFUSED);
    }

    public KindRead kind(DataKind kind) {
        return kinds.stream().filter(k -> k.kind() == kind).findFirst().orElse(null);
    }

    /** Plain lines for a person: one per kind, then what was not readable. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Read " + account + " from " + server + (complete() ? "" : " (NOT complete)"));
        for (KindRead kind : kinds) {
            String what = switch (kind.status()) {
                case READ -> kind.count() + " read";
                case NOT_OFFERED -> "not offered by the server";
                case REFUSED -> "refused by the server";
                case INCOMPLETE -> "INCOMPLETE, " + kind.count() + " read";
                case SKIPPED -> "skipped";
            };
            lines.add("  " + kind.kind().label() + ": " + what + (kind.detail() == null ? "" : " - " + kind.detail()));
        }
        for (String missing : notReadable) {
            lines.add("  not readable by a client: " + missing);
        }
        notes.unknownElements().forEach((element, count) ->
                lines.add("  kept without understanding it: " + element + " (" + count + "x)"));
        for (String note : notes.notes()) {
            lines.add("  note: " + note);
        }
        return lines;
    }
}
