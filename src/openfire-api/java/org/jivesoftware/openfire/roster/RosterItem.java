package org.jivesoftware.openfire.roster;

import java.util.List;
import org.jivesoftware.openfire.SharedGroupException;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/** Compile-only mirror of Openfire 5.1.1's RosterItem; the real class is provided at run time. */
public class RosterItem {
    public enum SubType {
        REMOVE, NONE, TO, FROM, BOTH
    }

    public enum AskType {
        NONE, SUBSCRIBE, UNSUBSCRIBE
    }

    public enum RecvType {
        NONE, SUBSCRIBE, UNSUBSCRIBE
    }

    private RosterItem() {
        throw new UnsupportedOperationException();
    }

    public SubType getSubStatus() {
        throw new UnsupportedOperationException();
    }

    public void setSubStatus(SubType subStatus) {
        throw new UnsupportedOperationException();
    }

    public AskType getAskStatus() {
        throw new UnsupportedOperationException();
    }

    public void setAskStatus(AskType askStatus) {
        throw new UnsupportedOperationException();
    }

    public RecvType getRecvStatus() {
        throw new UnsupportedOperationException();
    }

    public void setRecvStatus(RecvType recvStatus) {
        throw new UnsupportedOperationException();
    }

    public JID getJid() {
        throw new UnsupportedOperationException();
    }

    public String getNickname() {
        throw new UnsupportedOperationException();
    }

    public void setNickname(String nickname) {
        throw new UnsupportedOperationException();
    }

    public List<String> getGroups() {
        throw new UnsupportedOperationException();
    }

    public void setGroups(List<String> groups) throws SharedGroupException {
        throw new UnsupportedOperationException();
    }

    public boolean isShared() {
        throw new UnsupportedOperationException();
    }

    public boolean isOnlyShared() {
        throw new UnsupportedOperationException();
    }

    public long getID() {
        throw new UnsupportedOperationException();
    }

    public Presence getStoredSubscribeStanza() {
        throw new UnsupportedOperationException();
    }

    public void setStoredSubscribeStanza(Presence subscribeStanza) {
        throw new UnsupportedOperationException();
    }
}
