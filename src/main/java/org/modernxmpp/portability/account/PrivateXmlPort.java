package org.modernxmpp.portability.account;

import java.util.List;

import org.modernxmpp.portability.pie.model.XmlPayload;

/** A user's XEP-0049 private XML: one fragment per element name and namespace. */
public interface PrivateXmlPort {

    List<XmlPayload> read(String username) throws AccountException;

    /** Stores the fragment, replacing the one with the same name and namespace. */
    void write(String username, XmlPayload fragment) throws AccountException;
}
