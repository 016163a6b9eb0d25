package org.modernxmpp.portability.pie;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import org.dom4j.Element;
import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.ScramCredentials;

/**
 * Reads SCRAM credentials in the three forms found in the wild: XEP-0227 r1.1's element with single
 * base64 (the spec, Prosody), the same with every value base64-encoded twice (ejabberd), and ejabberd's
 * older {@code password='scram:…'} attribute.
 */
final class ScramParser {

    ScramCredentials read(Element element, UserContext context) throws PieFormatException {
        String mechanism = element.attributeValue("mechanism");
        if (mechanism == null || mechanism.isBlank()) {
            throw context.error("scram-credentials without a mechanism");
        }
        mechanism = mechanism.trim().toUpperCase(Locale.ROOT);
        if (mechanism.endsWith("-PLUS")) {
            context.note("SCRAM mechanism " + mechanism + " read as " + mechanism.replace("-PLUS", ""));
            mechanism = mechanism.substring(0, mechanism.length() - "-PLUS".length());
        }
        String iterations = single(element, "iter-count", context);
        String salt = single(element, "salt", context);
        String serverKey = single(element, "server-key", context);
        String storedKey = single(element, "stored-key", context);
        return build(mechanism, iterations, salt, storedKey, serverKey, context);
    }

    /** ejabberd before 21.12: {@code scram:[sha256,|sha512,]StoredKey,ServerKey,Salt,IterationCount}. */
    ScramCredentials readLegacyAttribute(String value, UserContext context) throws PieFormatException {
        String[] parts = value.substring("scram:".length()).split(",");
        String mechanism = "SCRAM-SHA-1";
        int first = 0;
        if (parts.length == 5) {
            mechanism = switch (parts[0]) {
                case "sha256" -> "SCRAM-SHA-256";
                case "sha512" -> "SCRAM-SHA-512";
                default -> throw context.error("unknown hash '" + parts[0] + "' in a scram: password");
            };
            first = 1;
        } else if (parts.length != 4) {
            throw context.error("a scram: password attribute needs four or five comma-separated parts");
        }
        context.notes.dialect("ejabberd: legacy password='scram:…' attribute");
        return build(mechanism, parts[first + 3], parts[first + 2], parts[first], parts[first + 1], context);
    }

    private ScramCredentials build(String mechanism, String iterations, String salt, String storedKey,
                                   String serverKey, UserContext context) throws PieFormatException {
        int count;
        try {
            count = Integer.parseInt(iterations.trim());
        } catch (NumberFormatException e) {
            throw context.error("SCRAM iteration count '" + iterations + "' is not a number");
        }
        if (count <= 0) {
            throw context.error("SCRAM iteration count must be positive, was " + count);
        }
        byte[] stored = decode(storedKey, "stored-key", context);
        byte[] server = decode(serverKey, "server-key", context);
        byte[] saltBytes = decode(salt, "salt", context);
        int hashLength = hashLength(mechanism);
        if (hashLength > 0 && stored.length != hashLength) {
            byte[] storedTwice = decodeAgain(stored);
            byte[] serverTwice = decodeAgain(server);
            byte[] saltTwice = decodeAgain(saltBytes);
            if (storedTwice != null && storedTwice.length == hashLength && serverTwice != null
                    && serverTwice.length == hashLength && saltTwice != null) {
                context.notes.dialect("ejabberd: SCRAM values base64-encoded twice (decoded twice)");
                stored = storedTwice;
                server = serverTwice;
                saltBytes = saltTwice;
            } else {
                throw context.error(mechanism + " stored-key is " + stored.length + " bytes, expected " + hashLength);
            }
        }
        if (hashLength > 0 && server.length != hashLength) {
            throw context.error(mechanism + " server-key is " + server.length + " bytes, expected " + hashLength);
        }
        return new ScramCredentials(mechanism, count, saltBytes, stored, server);
    }

    private static int hashLength(String mechanism) {
        return switch (mechanism) {
            case "SCRAM-SHA-1" -> 20;
            case "SCRAM-SHA-224" -> 28;
            case "SCRAM-SHA-256" -> 32;
            case "SCRAM-SHA-384" -> 48;
            case "SCRAM-SHA-512", "SCRAM-SHA3-512" -> 64;
            default -> -1;
        };
    }

    private static String single(Element parent, String name, UserContext context) throws PieFormatException {
        var children = parent.elements(org.dom4j.QName.get(name, Namespaces.PIE_SCRAM));
        if (children.size() != 1) {
            throw context.error("scram-credentials must hold exactly one <" + name + ">, found " + children.size());
        }
        return children.get(0).getTextTrim();
    }

    private static byte[] decode(String value, String what, UserContext context) throws PieFormatException {
        try {
            return Base64.getMimeDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw context.error("SCRAM " + what + " is not base64");
        }
    }

    private static byte[] decodeAgain(byte[] once) {
        String text = new String(once, StandardCharsets.ISO_8859_1);
        if (!text.matches("[A-Za-z0-9+/=\\s]+")) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
