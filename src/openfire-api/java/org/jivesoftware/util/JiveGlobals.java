package org.jivesoftware.util;

import java.nio.file.Path;

/** Compile-only mirror of Openfire 5.1.1's JiveGlobals; the real class is provided at run time. */
public class JiveGlobals {
    private JiveGlobals() {
        throw new UnsupportedOperationException();
    }

    public static Path getHomePath() {
        throw new UnsupportedOperationException();
    }
}
