package org.modernxmpp.portability.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The report as JSON (read back by a real parser) and as plain text. */
class ReportRenderingTest {

    private static TransferReport report() throws Exception {
        UserData juliet = UserData.builder("juliet")
                .rosterItem(new RosterItem(new JID("romeo@montague.example"), "Roméo \"R\" <3\n", RosterItem.Subscription.BOTH, List.of("Lovers")))
                .build();
        UserData ghost = UserData.builder("ghost").build();
        InMemoryServer server = new InMemoryServer("capulet.example");
        return TransferFixtures.importInto(server, TransferFixtures.export("capulet.example", List.of(juliet, ghost)),
                ImportOptions.mergeAll().withDryRun(true));
    }

    @Test
    void jsonHoldsEveryUserKindAndResetAndParses() throws Exception {
        StringWriter json = new StringWriter();
        ReportJson.write(report(), json);

        JsonNode root = new ObjectMapper().readTree(json.toString());

        assertTrue(root.get("dryRun").asBoolean());
        assertEquals(2, root.get("counts").get("done").asInt());
        JsonNode juliet = root.get("users").get(0);
        assertEquals("juliet@capulet.example", juliet.get("target").asText());
        JsonNode roster = juliet.get("kinds").get(1);
        assertEquals("roster", roster.get("kind").asText());
        assertEquals("created", roster.get("result").asText());
        assertEquals("add romeo@montague.example", roster.get("details").get(0).asText());
        assertEquals(2, root.get("passwordResets").size());
        assertTrue(!json.toString().contains("<"), "no raw '<' so the JSON is safe inside a page");
    }

    @Test
    void textSaysWhatWouldHappenInPlainWords() throws Exception {
        StringWriter text = new StringWriter();
        ReportText.write(report(), new PrintWriter(text));

        String printed = text.toString();
        assertTrue(printed.startsWith("Dry run: nothing was written. This is what an import would do.\nUsers: 2 done, 0 skipped, 0 failed\n"), printed);
        assertTrue(printed.contains("\njuliet@capulet.example: done\n  account and credentials: created (1 change)\n"
                + "      create account juliet@capulet.example with a random password\n"
                + "      the file has no password: the account needs a password reset\n"
                + "  contacts: created (1 change)\n      add romeo@montague.example\n"), printed);
        assertTrue(printed.contains("Accounts that need a new password (the file had none this server can use):\n"
                + "  juliet@capulet.example\n  ghost@capulet.example\n"), printed);
    }
}
