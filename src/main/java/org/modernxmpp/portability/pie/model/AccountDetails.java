package org.modernxmpp.portability.pie.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a server knows about an account beyond its data: display name, email, when it was created and last
 * changed, and server-side properties. XEP-0227 has no place for these, so exports carry them in an element
 * of this project's own namespace ({@link Namespaces#ACCOUNT}); other servers ignore it as unknown.
 *
 * @param name     the account's display name, or null
 * @param email    the account's email address, or null
 * @param created  or null when unknown
 * @param modified or null when unknown
 */
public record AccountDetails(String name, String email, Instant created, Instant modified, Map<String, String> properties) {
    public AccountDetails {
        properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    }
}
