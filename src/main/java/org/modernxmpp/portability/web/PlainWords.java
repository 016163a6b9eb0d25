package org.modernxmpp.portability.web;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.modernxmpp.portability.transfer.DataKind;
import org.modernxmpp.portability.transfer.KindOutcome;
import org.modernxmpp.portability.transfer.UserOutcome;

/**
 * One account's import report in the words of someone who is not an admin: "12 contacts will be added, your
 * profile will be replaced". It counts the engine's change lines by how each kind's importer starts them, and passes
 * every other line (a reason, a warning) on as a note.
 */
final class PlainWords {
    /** Per kind: how a change line starts, and the sentence that counts such lines. Longest prefixes first. */
    private static final Map<DataKind, Map<String, String>> SENTENCES = Map.of(
            DataKind.ACCOUNT, ordered("update name, email", "words.account.update"),
            DataKind.ROSTER, ordered("add groups or name to ", "words.roster.update", "add ", "words.roster.add",
                    "replace ", "words.roster.replace", "remove ", "words.roster.remove",
                    "keep the waiting subscription request", "words.roster.request"),
            DataKind.VCARD, ordered("set the profile", "words.vcard.set", "replace the profile", "words.vcard.replace"),
            DataKind.PRIVATE_XML, ordered("store ", "words.private.store", "replace ", "words.private.store"),
            DataKind.OFFLINE_MESSAGES, ordered("store a message", "words.offline.store"),
            DataKind.PEP, ordered("publish item", "words.pep.publish", "create node", "", "delete node", ""),
            DataKind.PRIVACY, ordered("store privacy lists", "words.privacy.store"),
            DataKind.BLOCKLIST, ordered("block ", "words.blocklist.block"));

    /** The engine's reason for a kind its policy skips (UserImport). */
    private static final String NOT_CHOSEN = "switched off for this import";

    private final ResourceBundle texts;
    private final Locale locale;

    PlainWords(ResourceBundle texts, Locale locale) {
        this.texts = texts;
        this.locale = locale;
    }

    private static Map<String, String> ordered(String... prefixAndKey) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < prefixAndKey.length; i += 2) {
            map.put(prefixAndKey[i], prefixAndKey[i + 1]);
        }
        return map;
    }

    /** The sentences for what would happen to this account (a preview) or what happened; empty when nothing changes. */
    List<String> sentences(UserOutcome outcome, boolean happened) {
        List<String> sentences = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (KindOutcome kind : outcome.kinds()) {
            Map<String, String> known = SENTENCES.getOrDefault(kind.kind(), Map.of());
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String line : kind.details()) {
                if (line.equals(NOT_CHOSEN)) {
                    continue; // the user left this kind out: nothing to say
                }
                String key = known.entrySet().stream().filter(e -> line.startsWith(e.getKey())).map(Map.Entry::getValue)
                        .findFirst().orElse(null);
                if (key == null) {
                    notes.add(format("words.note", text("kind." + kind.kind().name().toLowerCase(Locale.ROOT)), line));
                } else if (!key.isEmpty()) {
                    counts.merge(key, 1, Integer::sum);
                }
            }
            counts.forEach((key, count) -> sentences.add(format(happened ? key + ".done" : key, count)));
        }
        sentences.addAll(notes);
        return sentences;
    }

    private String text(String key) {
        return texts.getString(key);
    }

    private String format(String key, Object... arguments) {
        return new MessageFormat(text(key), locale).format(arguments);
    }
}
