package org.modernxmpp.portability.transfer;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What an export writes.
 *
 * @param kinds              the kinds to include; ACCOUNT writes the details, credentials only with the next switch
 * @param includeCredentials write password hashes (or plaintext) too; the file must then be kept like a password database
 * @param users              the usernames to export, or null for every account of the domain
 */
public record ExportOptions(Set<DataKind> kinds, boolean includeCredentials, List<String> users) {
    public ExportOptions {
        kinds = Set.copyOf(kinds);
        users = users == null ? null : List.copyOf(users);
    }

    /** Every kind, every user, no credentials. */
    public static ExportOptions everything() {
        return new ExportOptions(EnumSet.allOf(DataKind.class), false, null);
    }

    public ExportOptions withCredentials(boolean value) {
        return new ExportOptions(kinds, value, users);
    }

    public ExportOptions withKinds(Set<DataKind> value) {
        return new ExportOptions(value, includeCredentials, users);
    }

    public ExportOptions withUsers(List<String> value) {
        return new ExportOptions(kinds, includeCredentials, value);
    }
}
