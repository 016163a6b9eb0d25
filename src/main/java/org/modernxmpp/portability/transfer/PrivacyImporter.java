package org.modernxmpp.portability.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.pie.model.PrivacyLists;
import org.modernxmpp.portability.pie.model.UserData;

/** Privacy lists: merge adds lists the account lacks (and a default if it has none); replace overwrites them. */
final class PrivacyImporter implements KindImporter {

    @Override
    public DataKind kind() {
        return DataKind.PRIVACY;
    }

    @Override
    public KindPlan plan(UserData data, ImportTarget target) throws AccountException {
        PrivacyLists file = data.privacy();
        if (file == null) {
            return KindPlan.unchanged(kind(), List.of());
        }
        PrivacyLists current = target.accountExists()
                ? target.ports().privacy().privacyLists(target.username()).orElse(null) : null;
        Map<String, PrivacyLists.PrivacyList> existing = current == null ? Map.of()
                : current.lists().stream().collect(Collectors.toMap(PrivacyLists.PrivacyList::name, Function.identity()));
        KindPolicy policy = target.policy(kind());
        List<PrivacyLists.PrivacyList> lists = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (PrivacyLists.PrivacyList list : file.lists()) {
            PrivacyLists.PrivacyList mine = existing.get(list.name());
            if (list.equals(mine)) {
                continue;
            }
            if (mine != null && policy == KindPolicy.MERGE) {
                notes.add("kept the account's own privacy list '" + list.name() + "'");
            } else {
                lists.add(list);
            }
        }
        String currentDefault = current == null ? null : current.defaultList();
        String wantedDefault = policy == KindPolicy.REPLACE || currentDefault == null ? file.defaultList() : currentDefault;
        boolean defaultChanges = wantedDefault != null && !wantedDefault.equals(currentDefault);
        if (lists.isEmpty() && !defaultChanges) {
            return KindPlan.unchanged(kind(), notes);
        }
        PrivacyLists change = new PrivacyLists(wantedDefault, null, lists);
        String description = "store privacy lists " + lists.stream().map(l -> "'" + l.name() + "'").toList()
                + (defaultChanges ? ", default '" + wantedDefault + "'" : "");
        return KindPlan.of(kind(), policy, current != null, List.of(new PlannedChange(description,
                () -> target.ports().privacy().putPrivacyLists(target.username(), change))), notes);
    }
}
