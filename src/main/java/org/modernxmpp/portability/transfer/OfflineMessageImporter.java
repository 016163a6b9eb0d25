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

    @Override
    public KindPlan plan(UserData data, ImportTarget target) throws AccountException {
        Set<XmlPayload> waiting = new HashSet<>();
        if (target.accountExists()) {
            target.ports().offlineMessages().read(target.username()).forEach(m -> waiting.add(m.message()));
        }
        boolean hadMessages = !waiting.isEmpty();
        List<PlannedChange> changes = new ArrayList<>();
        for (OfflineMessage message : data.offlineMessages()) {
            if (waiting.add(message.message())) {
                String from = message.message().element().attributeValue("from");
                changes.add(new PlannedChange("store a message from " + from + (message.stamp() == null ? "" : " of " + message.stamp()),
                        () -> target.ports().offlineMessages().add(target.username(), message)));
            }
        }
        return KindPlan.of(kind(), KindPolicy.MERGE, hadMessages, changes, List.of());
    }
}
