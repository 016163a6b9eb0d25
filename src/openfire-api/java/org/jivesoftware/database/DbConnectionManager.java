package org.jivesoftware.database;

import java.sql.Connection;
import java.sql.SQLException;

/** Compile-only mirror of Openfire 5.1.1's DbConnectionManager; the real class is provided at run time. */
public class DbConnectionManager {
    private DbConnectionManager() {
        throw new UnsupportedOperationException();
    }

    public static Connection getConnection() throws SQLException {
        throw new UnsupportedOperationException();
    }
}
