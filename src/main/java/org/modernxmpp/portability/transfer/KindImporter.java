package org.modernxmpp.portability.transfer;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.pie.model.UserData;

/** Plans the import of one kind of data for one user: reads what the account holds, compares, lists the writes. */
interface KindImporter {

    DataKind kind();

    /** Called only when the kind's policy is not SKIP. Throws when the data cannot be imported at all. */
    KindPlan plan(UserData data, ImportTarget target) throws AccountException;
}
