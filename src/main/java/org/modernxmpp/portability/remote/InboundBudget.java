package org.modernxmpp.portability.remote;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what the server sends between two complete stanzas. Smack parses each stanza whole in memory, so a server
 * sending one without end (a roster of a million items, a vCard of a gigabyte) would exhaust the heap; past the
 * bound the connection is cut instead, and the reader reports {@link RemoteProblem#TOO_MUCH_DATA}.
 */
final class InboundBudget {
    private final long maxStanzaBytes;
    private final AtomicLong sinceStanza = new AtomicLong();
    private volatile boolean exceeded;

    InboundBudget(long maxStanzaBytes) {
        this.maxStanzaBytes = maxStanzaBytes;
    }

    /** Called by the connection's reader for each stanza it parsed. */
    void stanzaArrived() {
        sinceStanza.set(0);
    }

    boolean exceeded() {
        return exceeded;
    }

    long maxStanzaBytes() {
        return maxStanzaBytes;
    }

    InputStream meter(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }
        };
    }

    private void count(int bytes) throws IOException {
        if (sinceStanza.addAndGet(bytes) > maxStanzaBytes) {
            exceeded = true;
            throw new IOException("the server sent more than " + maxStanzaBytes + " bytes without completing a stanza");
        }
    }
}
