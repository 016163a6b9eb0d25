package org.modernxmpp.portability.openfire;

import org.jivesoftware.openfire.security.SecurityAuditManager;
import org.modernxmpp.portability.web.AuditLog;

/** Admin actions into Openfire's security audit log, where its own admin actions go (Server > Security Audit Viewer). */
public final class OpenfireAuditLog implements AuditLog {
    @Override
    public void record(String admin, String summary, String details) {
        SecurityAuditManager.getInstance().logEvent(admin, summary, details);
    }
}
