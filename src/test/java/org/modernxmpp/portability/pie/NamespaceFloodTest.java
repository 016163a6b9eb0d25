package org.modernxmpp.portability.pie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.dom4j.DocumentFactory;
import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.pie.model.PieEntry;

/**
 * A file full of distinct namespaces leaves nothing behind in dom4j's shared name caches: they never forget an entry,
 * and inside Openfire they are the whole server's, so each would be memory a hostile file takes for good.
 */
class NamespaceFloodTest {

    @Test
    void distinctNamespacesInAFileDoNotGrowDom4jsSharedCaches() throws Exception {
        StringBuilder xml = new StringBuilder("<server-data xmlns='urn:xmpp:pie:0'><host jid='flood.example'>");
        int namespaces = 5_000;
        xml.append("<user name='mallory'>");
        for (int i = 0; i < namespaces; i++) {
            xml.append("<x").append(i).append(" xmlns='urn:flood:").append(i).append("' a:b='v' xmlns:a='urn:flood:attr:").append(i)
                    .append("'/>");
        }
        xml.append("</user></host></server-data>");
        int before = DocumentFactory.getInstance().getQNames().size();

        int users = 0;
        try (PieReader reader = PieReader.open(new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)), "flood.xml",
                ReadLimits.DEFAULT)) {
            for (Optional<PieEntry> next = reader.next(); next.isPresent(); next = reader.next()) {
                if (next.get() instanceof PieEntry.HostUser user) {
                    users++;
                    assertEquals(namespaces, user.user().extensions().size(), "every unknown element is carried");
                }
            }
        }

        assertEquals(1, users);
        int grown = DocumentFactory.getInstance().getQNames().size() - before;
        assertTrue(grown < 100, "dom4j's shared cache grew by " + grown + " names");
    }
}
