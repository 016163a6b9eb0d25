package org.modernxmpp.portability.pie;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a reader noticed beyond the data itself: which dialects it recognised, which elements it carried
 * without understanding them, and anything it normalised. The import report and {@code inspect} show it.
 */
public final class ReadNotes {
    private static final int MAX_NOTES = 1000;

    private final Set<String> dialects = new LinkedHashSet<>();
    private final Map<String, Integer> unknownElements = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();
    private int droppedNotes;

    void dialect(String description) {
        dialects.add(description);
    }

    /** An element the model does not know, carried untouched; counted per place and qualified name. */
    void unknown(String where, String namespace, String name) {
        unknownElements.merge(where + " {" + namespace + "}" + name, 1, Integer::sum);
    }

    void note(String note) {
        if (notes.size() < MAX_NOTES) {
            notes.add(note);
        } else {
            droppedNotes++;
        }
    }

    /** Dialects recognised, e.g. "Prosody: pending subscriptions in the pie namespace". */
    public Set<String> dialects() {
        return Collections.unmodifiableSet(dialects);
    }

    /** Unknown elements carried through, "where {namespace}name" to count. */
    public Map<String, Integer> unknownElements() {
        return Collections.unmodifiableMap(unknownElements);
    }

    /** Normalisations and oddities, one line each (at most 1000; see {@link #notesNotShown()}). */
    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    public int notesNotShown() {
        return droppedNotes;
    }
}
