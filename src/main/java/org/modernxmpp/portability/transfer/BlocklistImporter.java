package org.modernxmpp.portability.transfer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;

/** Blocked addresses: missing ones are blocked; an import never lifts a block, whatever the policy. */
final class BlocklistImporter implements KindImporter {

    @Override
    public DataKind kind() {
        return DataKind.BLOCKLIST;
    }

    @Override
    public KindPlan plan(UserData data, ImportTarget target) throws AccountException {
        Set<JID> blocked = new HashSet<>(target.accountExists() ? target.ports().privacy().blocklist(target.username()) : List.of());
        boolean hadBlocks = !blocked.isEmpty();
        List<PlannedChange> changes = new ArrayList<>();
        for (JID jid : data.blocklist()) {
            if (blocked.add(jid)) {
                changes.add(new PlannedChange("block " + jid, () -> target.ports().privacy().block(target.username(), jid)));
            }
        }
        return KindPlan.of(kind(), KindPolicy.MERGE, hadBlocks, changes, List.of());
    }
}
