package org.jivesoftware.openfire.user;

import java.util.Date;
import java.util.Map;

/** Compile-only mirror of Openfire 5.1.1's User; the real class is provided at run time. */
public class User {
    private User() {
        throw new UnsupportedOperationException();
    }

    public String getUsername() {
        throw new UnsupportedOperationException();
    }

    public String getName() {
        throw new UnsupportedOperationException();
    }

    public void setName(String name) {
        throw new UnsupportedOperationException();
    }

    public String getEmail() {
        throw new UnsupportedOperationException();
    }

    public void setEmail(String email) {
        throw new UnsupportedOperationException();
    }

    public Date getCreationDate() {
        throw new UnsupportedOperationException();
    }

    public void setCreationDate(Date creationDate) {
        throw new UnsupportedOperationException();
    }

    public Date getModificationDate() {
        throw new UnsupportedOperationException();
    }

    public Map<String, String> getProperties() {
        throw new UnsupportedOperationException();
    }
}
