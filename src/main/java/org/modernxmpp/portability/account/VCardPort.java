package org.modernxmpp.portability.account;

import java.util.Optional;

import org.modernxmpp.portability.pie.model.XmlPayload;

/** A user's vcard-temp vCard. */
public interface VCardPort {

    Optional<XmlPayload> read(String username) throws AccountException;

    void write(String username, XmlPayload vCard) throws AccountException;

    void delete(String username) throws AccountException;
}
