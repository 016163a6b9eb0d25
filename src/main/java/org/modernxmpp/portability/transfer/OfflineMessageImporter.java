package org.modernxmpp.portability.transfer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.pie.model.OfflineMessage;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;

/**
 * Messages waiting for the user, in order, with their original times. Only ever added (a message already waiting
 * is not added twice), whatever the policy: deleting one the user has not read could lose it.
 */
final class OfflineMessageImporter implements KindImporter {

    @Override
    public DataKind kind() {
        return DataKind.OFFLINE_MESSAGES;
    }

    /**
     * What makes a waiting message the same one: everything but its recipient, which the server sets to the account
     * it stores it for (after a host rewrite or into another account, the file's may differ).
     */
    static String identity(OfflineMessage message) {
        org.dom4j.Element copy = message.message().copy();
        org.dom4j.Attribute to = copy.attribute("to");
        if (to != null) {
            copy.remove(to);
        }
        return XmlPayload.of(copy).canonicalForm();
    }

    @Override
    public KindPlan plan(UserData data, ImportTarget target) throws AccountException {
        Set<String> waiting = new HashSet<>();
        if (target.accountExists()) {
            target.ports().offlineMessages().read(target.username()).forEach(m -> waiting.add(identity(m)));
        }
        boolean hadMessages = !waiting.isEmpty();
        List<PlannedChange> changes = new ArrayList<>();
        for (OfflineMessage message : data.offlineMessages()) {
            if (waiting.add(identity(message))) {
                String from = message.message().element().attributeValue("from");
                changes.add(new PlannedChange("store a message from " + from + (message.stamp() == null ? "" : " of " + message.stamp()),
                        () -> target.ports().offlineMessages().add(target.username(), message)));
            }
        }
        return KindPlan.of(kind(), KindPolicy.MERGE, hadMessages, changes, List.of());
    }
}
