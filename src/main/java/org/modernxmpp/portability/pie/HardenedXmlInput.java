package org.modernxmpp.portability.pie;

import java.io.IOException;
import java.io.InputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.io.input.BoundedInputStream;

/**
 * Opens XML for reading with everything that lets a file reach outside itself switched off: no DTD
 * (so no entities, internal or external), no external resolution, and a byte bound per file.
 * Uses the JDK's own StAX implementation explicitly, so another one on Openfire's class path
 * cannot change these settings.
 */
final class HardenedXmlInput {
    private final XMLInputFactory factory;

    HardenedXmlInput() {
        factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        // problems surface as exceptions with a location; nothing is printed to stderr
        factory.setXMLReporter((message, type, info, location) -> {
        });
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
    }

    /** A reader over at most {@code maxBytes} of the stream; more is an error naming the limit. */
    XMLStreamReader open(InputStream in, String source, long maxBytes) throws IOException {
        InputStream bounded = maxBytes == Long.MAX_VALUE ? in : BoundedInputStream.builder()
                .setInputStream(in)
                .setMaxCount(maxBytes)
                .setPropagateClose(true)
                .setOnMaxCount((max, count) -> {
                    throw new FileTooLargeException(max);
                })
                .get();
        try {
            return factory.createXMLStreamReader(bounded);
        } catch (XMLStreamException e) {
            throw new PieFormatException(source, -1, -1, "cannot start reading XML: " + e.getMessage(), e);
        }
    }

    /** Thrown from inside the parser's reads when a file passes its byte bound. */
    static final class FileTooLargeException extends IOException {
        final long limit;

        FileTooLargeException(long limit) {
            super("file is larger than the limit of " + limit + " bytes");
            this.limit = limit;
        }
    }
}
