package org.modernxmpp.portability.pie;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How a writer encodes SCRAM salts and keys: base64 as XEP-0227 and Prosody have it, or base64 of that base64, which
 * is what ejabberd 23.01 writes and the only form its import logs in with. The reader takes both.
 */
public enum ScramEncoding {
    STANDARD, EJABBERD;

    String encode(byte[] value) {
        String once = Base64.getEncoder().encodeToString(value);
        return this == STANDARD ? once : Base64.getEncoder().encodeToString(once.getBytes(StandardCharsets.US_ASCII));
    }
}
