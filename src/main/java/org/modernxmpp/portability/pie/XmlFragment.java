package org.modernxmpp.portability.pie;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.dom4j.Element;

/**
 * Parses one XML element kept as text by a server (a stored stanza), with the same hardening and limits as export
 * files: no DTD, no entities, bounded depth and size.
 */
public final class XmlFragment {
    private XmlFragment() {
    }

    public static Element parse(String xml, String source) throws PieFormatException {
        XMLStreamReader in = null;
        try {
            in = new HardenedXmlInput().open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), source, Long.MAX_VALUE);
            while (in.hasNext() && in.next() != XMLStreamConstants.START_ELEMENT) {
                // skip to the element
            }
            if (in.getEventType() != XMLStreamConstants.START_ELEMENT) {
                throw new PieFormatException(source, -1, -1, "no element in the stored text");
            }
            XMLStreamReader reader = in;
            return new SubtreeReader(ReadLimits.DEFAULT).read(in, 1, new SubtreeReader.Budget(ReadLimits.DEFAULT.maxUserChars()),
                    reason -> new PieFormatException(source, reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber(), reason));
        } catch (XMLStreamException e) {
            throw new PieFormatException(source, -1, -1, "not well-formed XML: " + e.getMessage(), e);
        } catch (PieFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new PieFormatException(source, -1, -1, e.getMessage(), e);
        } finally {
            if (in != null) {
                try {
                    in.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
    }
}
