package org.modernxmpp.portability.web;

/** Where admin actions are recorded: Openfire's security audit log in production. */
@FunctionalInterface
public interface AuditLog {
    AuditLog NONE = (admin, summary, details) -> { };

    void record(String admin, String summary, String details);
}
