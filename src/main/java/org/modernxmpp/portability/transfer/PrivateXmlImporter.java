package org.modernxmpp.portability.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;

/** Private XML fragments, one per element name and namespace: merge adds missing ones, replace overwrites. */
final class PrivateXmlImporter implements KindImporter {

    @Override
    public DataKind kind() {
        return DataKind.PRIVATE_XML;
    }

    static String key(XmlPayload fragment) {
        return "{" + fragment.namespace() + "}" + fragment.name();
    }

    @Override
    public KindPlan plan(UserData data, ImportTarget target) throws AccountException {
        Map<String, XmlPayload> current = new HashMap<>();
        if (target.accountExists()) {
            target.ports().privateXml().read(target.username()).forEach(f -> current.put(key(f), f));
        }
        KindPolicy policy = target.policy(kind());
        List<PlannedChange> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (XmlPayload fragment : data.privateXml()) {
            XmlPayload existing = current.get(key(fragment));
            if (fragment.equals(existing)) {
                continue;
            }
            if (existing != null && policy == KindPolicy.MERGE) {
                notes.add("kept the account's own " + key(fragment));
                continue;
            }
            changes.add(new PlannedChange((existing == null ? "store " : "replace ") + key(fragment),
                    () -> target.ports().privateXml().write(target.username(), fragment)));
        }
        return KindPlan.of(kind(), policy, !current.isEmpty(), changes, notes);
    }
}
