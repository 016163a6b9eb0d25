package org.modernxmpp.portability.remote;

/**
 * Bounds on what a remote server may send, so that a broken or hostile one ends with a clear error instead of
 * exhausting memory or running forever.
 *
 * @param maxStanzaBytes     bytes one stanza may take (a vCard photo is a few MB at most)
 * @param maxRosterItems     contacts in one roster
 * @param maxPepNodes        PEP nodes of one account
 * @param maxPepItems        items read from one PEP node
 * @param maxArchiveMessages archived messages read from one account
 */
public record RemoteLimits(long maxStanzaBytes, int maxRosterItems, int maxPepNodes, int maxPepItems,
                           long maxArchiveMessages) {

    /** Far above any real account: 16 MB per stanza, 20,000 contacts, 500 nodes, 10,000 items, 5 million messages. */
    public static final RemoteLimits DEFAULT = new RemoteLimits(16L * 1024 * 1024, 20_000, 500, 10_000, 5_000_000L);

    public RemoteLimits {
        if (maxStanzaBytes < 4096 || maxRosterItems < 1 || maxPepNodes < 1 || maxPepItems < 1 || maxArchiveMessages < 0) {
            throw new IllegalArgumentException("remote limits too small to read any account");
        }
    }

    public RemoteLimits withMaxArchiveMessages(long value) {
        return new RemoteLimits(maxStanzaBytes, maxRosterItems, maxPepNodes, maxPepItems, value);
    }

    public RemoteLimits withMaxRosterItems(int value) {
        return new RemoteLimits(maxStanzaBytes, value, maxPepNodes, maxPepItems, maxArchiveMessages);
    }

    public RemoteLimits withMaxStanzaBytes(long value) {
        return new RemoteLimits(value, maxRosterItems, maxPepNodes, maxPepItems, maxArchiveMessages);
    }
}
