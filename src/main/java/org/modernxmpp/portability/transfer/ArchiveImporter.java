package org.modernxmpp.portability.transfer;

import java.util.List;

import org.modernxmpp.portability.pie.model.UserData;

/** The message archive stays in the file: no port writes archives yet, and the report says so. */
final class ArchiveImporter implements KindImporter {

    @Override
    public DataKind kind() {
        return DataKind.ARCHIVE;
    }

    @Override
    public KindPlan plan(UserData data, ImportTarget target) {
        if (data.archive().isEmpty()) {
            return KindPlan.unchanged(kind(), List.of());
        }
        return KindPlan.skipped(kind(), data.archive().size() + " archived messages are not imported: this server's"
                + " archive cannot be written by the plugin; they stay in the file");
    }
}
