package org.modernxmpp.portability.remote;

import java.util.Objects;

/**
 * Where to open the connection: a host name or IP literal and port, with TLS from the first byte ({@code directTls},
 * XEP-0368) or negotiated with STARTTLS.
 */
public record ServerAddress(String host, int port, boolean directTls) {

    public static final int CLIENT_PORT = 5222;

    public ServerAddress {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
    }

    /** "host", "host:port", "[v6]:port"; STARTTLS. */
    public static ServerAddress parse(String text) {
        String value = text.trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("no server address given");
        }
        int port = CLIENT_PORT;
        String host = value;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "' has an unclosed [");
            }
            host = value.substring(1, close);
            if (value.length() > close + 1) {
                port = port(value.substring(close + 1), text);
            }
        } else if (value.indexOf(':') >= 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            host = value.substring(0, value.indexOf(':'));
            port = port(value.substring(value.indexOf(':')), text);
        }
        return new ServerAddress(host, port, false);
    }

    private static int port(String colonAndPort, String text) {
        if (!colonAndPort.startsWith(":")) {
            throw new IllegalArgumentException("'" + text + "' is not host:port");
        }
        try {
            return Integer.parseInt(colonAndPort.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no valid port number");
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port + (directTls ? " (direct TLS)" : "");
    }
}
