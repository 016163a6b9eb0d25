package org.modernxmpp.portability.remote;

import java.util.ArrayList;
import java.util.List;

import org.modernxmpp.portability.pie.model.Namespaces;

/**
 * XEP-0049 has no way to list what an account stores, so a client can only ask for fragments it knows by element name
 * and namespace. This is the one list of those clients are known to use; the pull reports which it found, and a
 * person who knows of another can add it.
 */
public final class PrivateXmlKeys {

    /** One fragment's root: element name and namespace. */
    public record Key(String name, String namespace) {

        /** "{namespace}name", as the command line takes it. */
        public static Key parse(String clark) {
            int close = clark.indexOf('}');
            if (!clark.startsWith("{") || close < 2 || close == clark.length() - 1) {
                throw new IllegalArgumentException("'" + clark + "' is not {namespace}element, e.g. {storage:bookmarks}storage");
            }
            return new Key(clark.substring(close + 1), clark.substring(1, close));
        }

        @Override
        public String toString() {
            return "{" + namespace + "}" + name;
        }
    }

    /** What clients store: XEP-0048 bookmarks, XEP-0145 roster notes, XEP-0209 metacontacts, XEP-0083 nested groups, Spark's notes and tasks. */
    public static final List<Key> KNOWN = List.of(
            new Key("storage", "storage:bookmarks"),
            new Key("storage", "storage:rosternotes"),
            new Key("storage", "storage:metacontacts"),
            new Key("roster", "roster:delimiter"),
            new Key("scratchpad", "scratchpad:notes"),
            new Key("scratchpad", "scratchpad:tasks"));

    private PrivateXmlKeys() {
    }

    /** The known keys followed by {@code extra}, without repeats. */
    public static List<Key> with(List<Key> extra) {
        List<Key> keys = new ArrayList<>(KNOWN);
        for (Key key : extra) {
            if (!keys.contains(key) && !Namespaces.PRIVATE.equals(key.namespace())) {
                keys.add(key);
            }
        }
        return List.copyOf(keys);
    }
}
