package org.modernxmpp.portability.pie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;

/** The stringprep shortcut never gives a JID different from Tinder's full preparation, and never accepts one it refuses. */
class JidsTest {

    /** Characters from every range the shortcut knows, its edges, and the ones it must hand to stringprep. */
    private static final String ALPHABET = "abcxyz0129.-_ABZ @/\"&'<>:\u00DF\u00DE\u00E0\u00E9\u00F7\u00FF\u0100\u0101\u0130\u0131"
            + "\u0149\u017F\u0180\u03AC\u03B0\u03B1\u03C2\u03C9\u0390\u0391\u0410\u0430\u0451\u045F\u0460\u04CF\u05D0"
            + "\u0627\u0301\u3041\u3094\u3095\u3099\u30A1\u30FA\u30FB\u30FC\u4E00\u65E5\u9FA5\u9FA6\uAC00\uD7A3\uFB01\uFF21"
            + "\u2163\u00AA\u00BA\u00B5\u1E9E";

    @Test
    void shortcutAgreesWithStringprepOnRandomLocalparts() {
        Random random = new Random(1);
        int shortcuts = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder node = new StringBuilder();
            for (int i = 1 + random.nextInt(6); i > 0; i--) {
                node.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String value = node.toString();
            if (Jids.isPrepared(value)) {
                shortcuts++;
                assertEquals(value, JID.nodeprep(value), "nodeprep changes or refuses '" + value + "'");
            }
        }
        assertTrue(shortcuts > 5_000, "the shortcut should cover many plain names, covered " + shortcuts);
    }

    @Test
    void parsedJidsEqualTinderJidsWithAndWithoutShortcut() {
        for (String value : new String[] {"juliet@capulet.example", "juliet@capulet.example/balcony 2", "capulet.example",
                "jülïet@capulet.example", "JULIET@Capulet.Example/Balcony", "日本語@example.jp", "ß@example.org",
                "juliet@xn--caplet-9ua.example", "a@b/c@d/e", "room@conference.example/nick with space"}) {
            JID parsed = Jids.parse(value);
            JID tinder = new JID(value);
            assertEquals(tinder.toString(), parsed.toString(), value);
            assertEquals(tinder, parsed, value);
        }
    }

    @Test
    void invalidJidsAreRefusedEitherWay() {
        for (String value : new String[] {"a@b@c", "juliet@", "@capulet.example", "ju liet@capulet.example",
                "juliet@capulet..example", "juliet@-capulet.example/"}) {
            assertThrows(IllegalArgumentException.class, () -> Jids.parse(value), value);
        }
    }
}
