package org.modernxmpp.portability.remote;

import java.time.Instant;
import java.util.List;

/**
 * What a pull reads beyond the fixed kinds.
 *
 * @param archive      whether to read the message archive (XEP-0313)
 * @param archiveSince only messages from this moment on, or null for all
 * @param privateXml   XEP-0049 fragments to ask for (see {@link PrivateXmlKeys})
 * @param archivePage  messages asked for per archive page
 */
public record PullOptions(boolean archive, Instant archiveSince, List<PrivateXmlKeys.Key> privateXml, int archivePage) {

    public PullOptions {
        privateXml = List.copyOf(privateXml);
        if (archivePage < 1 || archivePage > 1000) {
            throw new IllegalArgumentException("an archive page holds 1 to 1000 messages");
        }
    }

    /** Everything, the whole archive, the known private XML, pages of 250. */
    public static PullOptions everything() {
        return new PullOptions(true, null, PrivateXmlKeys.KNOWN, 250);
    }

    public PullOptions withArchive(boolean read, Instant since) {
        return new PullOptions(read, since, privateXml, archivePage);
    }

    public PullOptions withPrivateXml(List<PrivateXmlKeys.Key> keys) {
        return new PullOptions(archive, archiveSince, keys, archivePage);
    }

    public PullOptions withArchivePage(int size) {
        return new PullOptions(archive, archiveSince, privateXml, size);
    }
}
