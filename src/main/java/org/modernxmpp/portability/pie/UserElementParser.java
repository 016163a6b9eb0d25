package org.modernxmpp.portability.pie;

import org.dom4j.Element;
import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.UserData;

/**
 * Reads one {@code <user>} element built elsewhere (an account read live from its server) with exactly the rules of
 * the file reader, so that such an account ends up in the same model, with the same checks and the same notes.
 */
public final class UserElementParser {
    private final UserParser users = new UserParser();

    /**
     * @param user   a {@code <user>} of {@code urn:xmpp:pie:0}
     * @param host   the account's domain
     * @param source what to call the data in an error, e.g. "anna@example.org (live)"
     * @param notes  where unknown elements and normalisations are recorded
     */
    public UserData parse(Element user, String host, String source, ReadNotes notes) throws PieFormatException {
        String rawName = user.attributeValue("name");
        UserContext context = new UserContext(source, -1, -1, host, rawName, notes);
        if (!"user".equals(user.getName()) || !Namespaces.PIE.equals(user.getNamespaceURI())) {
            throw context.error("not a <user> of " + Namespaces.PIE);
        }
        if (rawName == null || rawName.isBlank()) {
            throw context.error("<user> without its required 'name' attribute");
        }
        try {
            context.user = Jids.nodeprep(rawName.trim());
        } catch (IllegalArgumentException e) {
            throw context.error("'" + rawName + "' is not a valid JID localpart: " + e.getMessage());
        }
        return users.read(user, Namespaces.PIE, context);
    }
}
