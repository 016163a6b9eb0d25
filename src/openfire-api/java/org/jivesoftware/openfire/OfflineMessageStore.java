package org.jivesoftware.openfire;

import java.util.Collection;
import org.jivesoftware.openfire.container.BasicModule;
import org.xmpp.packet.Message;

/** Compile-only mirror of Openfire 5.1.1's OfflineMessageStore; the real class is provided at run time. */
public class OfflineMessageStore extends BasicModule {
    private OfflineMessageStore() {
        super(null);
        throw new UnsupportedOperationException();
    }

    public OfflineMessage addMessage(Message message) {
        throw new UnsupportedOperationException();
    }

    public Collection<OfflineMessage> getMessages(String username, boolean delete) {
        throw new UnsupportedOperationException();
    }

    public void deleteMessages(String username) {
        throw new UnsupportedOperationException();
    }

    public int getCount(String username) {
        throw new UnsupportedOperationException();
    }
}
