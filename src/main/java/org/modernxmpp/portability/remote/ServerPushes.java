package org.modernxmpp.portability.remote;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.modernxmpp.portability.pie.model.Namespaces;

/**
 * Acknowledges what the server pushes to every session of the account when its roster, privacy lists or blocklist
 * change (RFC 6121 §2.1.6, XEP-0016, XEP-0191), as every client must; an unanswered or refused push is an error on the
 * server's side, and Smack's refusal would echo the push back.
 */
public final class ServerPushes {

    private ServerPushes() {
    }

    public static void acknowledge(XMPPConnection connection) {
        for (String[] push : new String[][] {{"query", Namespaces.ROSTER}, {"query", Namespaces.PRIVACY},
                {"block", Namespaces.BLOCKING}, {"unblock", Namespaces.BLOCKING}}) {
            connection.registerIQRequestHandler(new AbstractIqRequestHandler(push[0], push[1], IQ.Type.set, IQRequestHandler.Mode.async) {
                @Override
                public IQ handleIQRequest(IQ request) {
                    return IQ.createResultIQ(request);
                }
            });
        }
    }
}
