package org.modernxmpp.portability.remote;

/** The remote server answered one request with an error (XMPP stanza error); the session itself is fine. */
public final class RemoteRefusal extends Exception {
    private final String condition;

    RemoteRefusal(String condition, String text) {
        super(text == null || text.isBlank() ? condition : condition + " (" + text + ")");
        this.condition = condition;
    }

    /** The defined condition, e.g. {@code item-not-found}, {@code service-unavailable}. */
    public String condition() {
        return condition;
    }

    /** Whether the server simply does not have this feature or item, as opposed to refusing it. */
    public boolean meansAbsent() {
        return switch (condition) {
            case "item-not-found", "service-unavailable", "feature-not-implemented" -> true;
            default -> false;
        };
    }
}
