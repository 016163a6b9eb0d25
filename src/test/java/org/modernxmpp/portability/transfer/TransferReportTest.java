package org.modernxmpp.portability.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** A report on a huge server stays small, yet never hides a user an admin has to act on. */
class TransferReportTest {

    private static UserOutcome user(int n, UserOutcome.Status status, int details) {
        List<String> lines = IntStream.range(0, details).mapToObj(i -> "add contact" + i + "@example.org").toList();
        return new UserOutcome("u" + n + "@example.org", "u" + n + "@example.org", status,
                status == UserOutcome.Status.DONE ? null : "reason " + n,
                List.of(new KindOutcome(DataKind.ROSTER, KindOutcome.Result.CREATED, details, lines)));
    }

    @Test
    void doneUsersBeyondTheBoundAreCountedButProblemsStayListed() {
        TransferReport report = new TransferReport(false);
        int done = TransferReport.MAX_USERS_LISTED + 500;
        for (int i = 0; i < done; i++) {
            report.add(user(i, UserOutcome.Status.DONE, 1));
        }
        report.add(user(done, UserOutcome.Status.FAILED, 1));
        report.add(user(done + 1, UserOutcome.Status.SKIPPED, 1));

        assertEquals(done, report.count(UserOutcome.Status.DONE));
        assertEquals(TransferReport.MAX_USERS_LISTED + 2, report.users().size());
        assertEquals(500, report.usersNotListed());
        assertEquals("reason " + done, report.users().get(TransferReport.MAX_USERS_LISTED).problem());
        assertEquals(UserOutcome.Status.SKIPPED, report.users().get(TransferReport.MAX_USERS_LISTED + 1).status());
    }

    @Test
    void detailLinesPerKindAreCutWithACountOfTheRest() {
        TransferReport report = new TransferReport(false);
        report.add(user(1, UserOutcome.Status.DONE, TransferReport.MAX_DETAILS_PER_KIND + 7));

        KindOutcome roster = report.users().get(0).kinds().get(0);
        assertEquals(TransferReport.MAX_DETAILS_PER_KIND + 7, roster.changes(), "the count of changes is exact");
        assertEquals(TransferReport.MAX_DETAILS_PER_KIND + 1, roster.details().size());
        assertEquals("add contact0@example.org", roster.details().get(0));
        assertEquals("… and 7 more", roster.details().get(TransferReport.MAX_DETAILS_PER_KIND));
    }

    @Test
    void everyPasswordResetUpToTheProblemBoundIsListed() {
        TransferReport report = new TransferReport(false);
        for (int i = 0; i < 5_000; i++) {
            report.passwordReset("u" + i + "@example.org");
        }
        assertEquals(5_000, report.passwordResets().size());
    }
}
