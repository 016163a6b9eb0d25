package org.jivesoftware.openfire.pubsub;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jivesoftware.openfire.pubsub.models.AccessModel;
import org.xmpp.forms.DataForm;
import org.xmpp.packet.JID;

/** Compile-only mirror of Openfire 5.1.1's Node; the real class is provided at run time. */
public abstract class Node {
    Node() {
        throw new UnsupportedOperationException();
    }

    public NodeAffiliate addOwner(JID jid) {
        throw new UnsupportedOperationException();
    }

    public NodeAffiliate addPublisher(JID jid) {
        throw new UnsupportedOperationException();
    }

    public NodeAffiliate addNoneAffiliation(JID jid) {
        throw new UnsupportedOperationException();
    }

    public NodeAffiliate addOutcast(JID jid) {
        throw new UnsupportedOperationException();
    }

    public Collection<NodeSubscription> getAllSubscriptions() {
        throw new UnsupportedOperationException();
    }

    public Collection<NodeAffiliate> getAllAffiliates() {
        throw new UnsupportedOperationException();
    }

    public void configure(DataForm completedForm) throws NotAcceptableException {
        throw new UnsupportedOperationException();
    }

    public DataForm getConfigurationForm(Locale preferredLocale) {
        throw new UnsupportedOperationException();
    }

    public boolean isCollectionNode() {
        throw new UnsupportedOperationException();
    }

    public String getNodeID() {
        throw new UnsupportedOperationException();
    }

    public AccessModel getAccessModel() {
        throw new UnsupportedOperationException();
    }

    public void delete() {
        throw new UnsupportedOperationException();
    }

    public PublishedItem getPublishedItem(String itemID) {
        throw new UnsupportedOperationException();
    }

    public List<PublishedItem> getPublishedItems() {
        throw new UnsupportedOperationException();
    }
}
