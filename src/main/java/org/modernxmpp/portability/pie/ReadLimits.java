package org.modernxmpp.portability.pie;

/**
 * Bounds a reader enforces so that hostile or broken input fails early with a clear error instead of
 * exhausting memory. Per-user bounds, because the reader holds one user at a time.
 *
 * @param maxDepth        deepest element nesting anywhere in a document
 * @param maxUserChars    text and attribute characters in one user (its vCard photos and archive included)
 * @param maxFileBytes    bytes in any one file; Long.MAX_VALUE for no bound
 * @param maxIncludeDepth how many XInclude levels may nest
 */
public record ReadLimits(int maxDepth, long maxUserChars, long maxFileBytes, int maxIncludeDepth) {

    /** Generous for real data: the deepest real payloads nest about 10 levels, the biggest users hold a long archive. */
    public static final ReadLimits DEFAULT = new ReadLimits(128, 256L * 1024 * 1024, Long.MAX_VALUE, 4);

    public ReadLimits {
        if (maxDepth < 8 || maxUserChars < 1024 || maxFileBytes < 1 || maxIncludeDepth < 0) {
            throw new IllegalArgumentException("read limits too small to read any export");
        }
    }

    public ReadLimits withMaxFileBytes(long bytes) {
        return new ReadLimits(maxDepth, maxUserChars, bytes, maxIncludeDepth);
    }

    public ReadLimits withMaxUserChars(long chars) {
        return new ReadLimits(maxDepth, chars, maxFileBytes, maxIncludeDepth);
    }
}
