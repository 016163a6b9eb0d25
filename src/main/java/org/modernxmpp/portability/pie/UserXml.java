package org.modernxmpp.portability.pie;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.dom4j.DocumentException;
import org.dom4j.Element;
import org.dom4j.io.SAXReader;
import org.modernxmpp.portability.pie.model.UserData;

/**
 * One user as the {@code <user>} element an export holds, for code that sends parts of it elsewhere (to another
 * server, as its client): a roster item or a privacy list goes out exactly as the file would write it.
 */
public final class UserXml {
    private final UserWriter writer = new UserWriter(ScramEncoding.STANDARD);

    /** The detached {@code <user>} element. */
    public Element of(UserData user) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XmlOutput out = new XmlOutput(bytes, false);
            writer.write(out, user);
            out.finish();
            // the writer's own output: no DOCTYPE, no entities, nothing to resolve
            return SAXReader.createDefault().read(new ByteArrayInputStream(bytes.toByteArray())).getRootElement().createCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("the writer produced XML it cannot read back", e);
        }
    }
}
