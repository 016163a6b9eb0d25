package org.modernxmpp.portability.openfire;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.moved.ContactNotifier;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/** Only a request to see a local account, as it comes in and before Openfire handles it, may be approved on its behalf. */
class PreApprovalInterceptorTest {
    private final ContactNotifier notifier = mock(ContactNotifier.class);
    private final PreApprovalInterceptor interceptor = new PreApprovalInterceptor(notifier, jid -> "new.example".equals(jid.getDomain()));

    private static Presence presence(Presence.Type type, String from, String to) {
        Presence presence = new Presence(type);
        presence.setFrom(from);
        presence.setTo(to);
        return presence;
    }

    @Test
    void anIncomingRequestToALocalAccountIsOfferedForApproval() {
        interceptor.interceptPacket(presence(Presence.Type.subscribe, "romeo@montague.example", "juliet@new.example"), null, true, false);
        verify(notifier).approveOnBehalf("juliet", new JID("romeo@montague.example"));
    }

    @Test
    void nothingElseIs() {
        interceptor.interceptPacket(presence(Presence.Type.subscribe, "romeo@montague.example", "juliet@new.example"), null, true, true);
        interceptor.interceptPacket(presence(Presence.Type.subscribe, "romeo@montague.example", "juliet@new.example"), null, false, false);
        interceptor.interceptPacket(presence(Presence.Type.subscribed, "romeo@montague.example", "juliet@new.example"), null, true, false);
        interceptor.interceptPacket(presence(Presence.Type.subscribe, "juliet@new.example", "romeo@montague.example"), null, true, false);
        interceptor.interceptPacket(presence(Presence.Type.subscribe, "romeo@montague.example", "new.example"), null, true, false);
        verify(notifier, never()).approveOnBehalf(anyString(), any());
    }
}
