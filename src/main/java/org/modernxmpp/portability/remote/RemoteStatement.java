package org.modernxmpp.portability.remote;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.moved.MoveAnnouncement;
import org.modernxmpp.portability.moved.MovedStatement;
import org.modernxmpp.portability.pie.model.UserData;

/**
 * The XEP-0283 statement of an account on another server, published through its own client session: what the old
 * account says when its person moves here and cannot sign in there any other way.
 */
public final class RemoteStatement {
    private final RemoteSession session;

    public RemoteStatement(RemoteSession session) {
        this.session = session;
    }

    /** Publishes "moved to {@code newAddress}" on the session's account, readable by {@code audience}. */
    public MovedStatement publish(String newAddress, MoveAnnouncement.Audience audience) throws AccountException {
        String username = session.account().getNode();
        // the statement needs no read of the account: an empty one stands in for what it holds
        var ports = RemotePorts.of(session, UserData.builder(username).build(), new RemoteWrites(session));
        return new MoveAnnouncement(ports.pep(), session.account().getDomain()).publish(username, newAddress, audience);
    }
}
