package org.modernxmpp.portability.pie;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.xmpp.packet.JID;

/**
 * Parses JIDs from export files. Stringprep (libidn) is by far the costliest step of reading a big export, about
 * a tenth of a millisecond per address, and for nearly every address it changes nothing. Those it would leave as
 * they are skip it, after a check that is deliberately narrow: lower-case letters of scripts Unicode 3.2 (the
 * version stringprep uses) already had, without right-to-left scripts, combining marks or characters whose case
 * folding differs; ASCII-only domains; printable ASCII resources. Everything else goes through Tinder's full
 * preparation, so the result is always the JID Openfire itself would make.
 */
final class Jids {
    private static final Pattern PLAIN_DOMAIN = Pattern.compile(
            "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern PLAIN_RESOURCE = Pattern.compile("[\\x21-\\x7e](?:[\\x20-\\x7e]{0,1021}[\\x21-\\x7e])?");

    private Jids() {
    }

    /** A JID, prepped; IllegalArgumentException when it is not valid. */
    static JID parse(String value) {
        int slash = value.indexOf('/');
        int at = value.lastIndexOf('@', slash < 0 ? value.length() - 1 : slash);
        String node = at < 0 ? null : value.substring(0, at);
        String domain = value.substring(at + 1, slash < 0 ? value.length() : slash);
        String resource = slash < 0 ? null : value.substring(slash + 1);
        if ((node == null || isPrepared(node)) && domain.length() <= 253 && PLAIN_DOMAIN.matcher(domain).matches()
                && (resource == null || PLAIN_RESOURCE.matcher(resource).matches())) {
            return new JID(node, domain, resource, true);
        }
        return new JID(value);
    }

    /** A localpart, nodeprepped; IllegalArgumentException when it is not valid. */
    static String nodeprep(String value) {
        return isPrepared(value) ? value : JID.nodeprep(value);
    }

    /** True only when nodeprep would return the value unchanged and accept it. */
    static boolean isPrepared(String node) {
        int length = node.length();
        if (length == 0 || length > 1023) {
            return false;
        }
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            char c = node.charAt(i);
            if (c < 0x80) {
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_')) {
                    return false;
                }
            } else {
                ascii = false;
                if (!isStableLetter(c)) {
                    return false;
                }
            }
        }
        return ascii || node.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 1023
                && Normalizer.isNormalized(node, Normalizer.Form.NFKC);
    }

    /** Lower-case or caseless letters assigned since Unicode 1.1/2.0 that case folding leaves alone. */
    private static boolean isStableLetter(char c) {
        boolean inScript = c >= 0x00DF && c <= 0x00FF && c != 0x00F7   // Latin-1 letters
                || c >= 0x0100 && c <= 0x017F                           // Latin Extended-A
                || c >= 0x03AC && c <= 0x03CE                           // Greek lower case
                || c >= 0x0430 && c <= 0x045F                           // Cyrillic lower case
                || c >= 0x3041 && c <= 0x3094                           // Hiragana
                || c >= 0x30A1 && c <= 0x30FA                           // Katakana
                || c >= 0x4E00 && c <= 0x9FA5                           // CJK unified ideographs
                || c >= 0xAC00 && c <= 0xD7A3;                          // Hangul syllables
        if (!inScript) {
            return false;
        }
        int type = Character.getType(c);
        if (type != Character.LOWERCASE_LETTER && type != Character.OTHER_LETTER) {
            return false;
        }
        String letter = String.valueOf(c);
        return letter.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT).equals(letter);
    }
}
