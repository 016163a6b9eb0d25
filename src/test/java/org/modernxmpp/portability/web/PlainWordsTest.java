package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.transfer.DataKind;
import org.modernxmpp.portability.transfer.KindOutcome;
import org.modernxmpp.portability.transfer.UserOutcome;

/** The self-service report in plain words, counted from the engine's change lines, with every other line kept as a note. */
class PlainWordsTest {
    private final PlainWords words = new PlainWords(ResourceBundle.getBundle("org.modernxmpp.portability.web.SelfService", Locale.ENGLISH),
            Locale.ENGLISH);

    private static UserOutcome outcome(KindOutcome... kinds) {
        return new UserOutcome("juliet@old.example", "juliet@capulet.example", UserOutcome.Status.DONE, null, List.of(kinds));
    }

    @Test
    void countsWhatWouldChangeKindByKind() {
        UserOutcome outcome = outcome(
                new KindOutcome(DataKind.ROSTER, KindOutcome.Result.MERGED, 5, List.of("add romeo@montague.example",
                        "add nurse@capulet.example", "add groups or name to tybalt@capulet.example",
                        "replace paris@verona.example", "keep the waiting subscription request from mercutio@verona.example",
                        "skipped an item for the account's own address juliet@capulet.example")),
                new KindOutcome(DataKind.VCARD, KindOutcome.Result.REPLACED, 1, List.of("replace the profile")),
                new KindOutcome(DataKind.PEP, KindOutcome.Result.CREATED, 3, List.of("create node urn:xmpp:avatar:data",
                        "publish item 8ac5 on urn:xmpp:avatar:data", "publish item 8ac5 on urn:xmpp:avatar:metadata")),
                new KindOutcome(DataKind.BLOCKLIST, KindOutcome.Result.CREATED, 1, List.of("block spammer@example.net")),
                new KindOutcome(DataKind.ARCHIVE, KindOutcome.Result.SKIPPED, 0, List.of("switched off for this import")));

        assertEquals(List.of("2 contacts will be added", "1 contact will get groups or a name from the file",
                "1 contact will be replaced by the file's", "1 waiting contact request will be kept",
                "your profile will be replaced", "2 published items (such as your avatar) will be added",
                "1 address will be blocked",
                "Note (contacts): skipped an item for the account's own address juliet@capulet.example"),
                words.sentences(outcome, false));
    }

    @Test
    void afterTheImportItSaysWhatHappened() {
        UserOutcome outcome = outcome(new KindOutcome(DataKind.OFFLINE_MESSAGES, KindOutcome.Result.CREATED, 3,
                List.of("store a message from a", "store a message from b", "store a message from c")));
        assertEquals(List.of("3 waiting messages were added"), words.sentences(outcome, true));
    }

    @Test
    void nothingToSayWhenNothingChanges() {
        assertEquals(List.of(), words.sentences(outcome(new KindOutcome(DataKind.ROSTER, KindOutcome.Result.UNCHANGED, 0, List.of())), false));
    }
}
