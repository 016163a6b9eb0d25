package org.modernxmpp.portability.transfer;

import java.util.List;
import java.util.Optional;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;

/** The vCard: merge writes it only where the account has none; replace writes the file's. */
final class VCardImporter implements KindImporter {

    @Override
    public DataKind kind() {
        return DataKind.VCARD;
    }

    @Override
    public KindPlan plan(UserData data, ImportTarget target) throws AccountException {
        XmlPayload vCard = data.vCard();
        if (vCard == null) {
            return KindPlan.unchanged(kind(), List.of());
        }
        Optional<XmlPayload> current = target.accountExists() ? target.ports().vCards().read(target.username()) : Optional.empty();
        if (current.isPresent() && (current.get().equals(vCard) || target.policy(kind()) == KindPolicy.MERGE)) {
            return KindPlan.unchanged(kind(), current.get().equals(vCard) ? List.of()
                    : List.of("the account has a different profile, which merge keeps"));
        }
        return KindPlan.of(kind(), target.policy(kind()), current.isPresent(), List.of(new PlannedChange(
                current.isPresent() ? "replace the profile" : "set the profile",
                () -> target.ports().vCards().write(target.username(), vCard))), List.of());
    }
}
