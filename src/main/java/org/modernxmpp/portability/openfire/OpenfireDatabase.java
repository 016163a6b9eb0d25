package org.modernxmpp.portability.openfire;

import java.sql.Connection;
import java.sql.SQLException;

/** Openfire's database as DbConnectionManager hands it out; tests give an HSQLDB of Openfire's schema instead. */
@FunctionalInterface
interface OpenfireDatabase {
    Connection connection() throws SQLException;
}
