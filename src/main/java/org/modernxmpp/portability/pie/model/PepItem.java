package org.modernxmpp.portability.pie.model;

import java.util.Objects;

/**
 * A published item. Ids matter: "current", avatar hashes, bookmarked room JIDs.
 *
 * @param payload the item's payload, or null for an item without one
 */
public record PepItem(String id, XmlPayload payload) {
    public PepItem {
        Objects.requireNonNull(id, "id");
    }
}
