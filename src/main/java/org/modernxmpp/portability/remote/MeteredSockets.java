package org.modernxmpp.portability.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.List;

import javax.net.SocketFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.jivesoftware.smack.java7.XmppHostnameVerifier;

/**
 * The sockets Smack connects with: every byte the server sends passes the {@link InboundBudget}; for an endpoint with
 * direct TLS (XEP-0368, which Smack 4.4 does not do itself) the socket speaks TLS from the first byte, checked as
 * strictly as STARTTLS is (trust store, then the certificate against the XMPP domain).
 */
final class MeteredSockets extends SocketFactory {
    private final InboundBudget budget;
    private final SSLSocketFactory directTls;
    private final String domain;

    private MeteredSockets(InboundBudget budget, SSLSocketFactory directTls, String domain) {
        this.budget = budget;
        this.directTls = directTls;
        this.domain = domain;
    }

    static MeteredSockets plain(InboundBudget budget) {
        return new MeteredSockets(budget, null, null);
    }

    static MeteredSockets directTls(InboundBudget budget, SSLSocketFactory tls, String domain) {
        return new MeteredSockets(budget, tls, domain);
    }

    private volatile TlsFirstSocket lastDirectTls;

    @Override
    public Socket createSocket() {
        Socket plain = new MeteredSocket(budget);
        if (directTls == null) {
            return plain;
        }
        TlsFirstSocket socket = new TlsFirstSocket(plain, directTls, domain);
        lastDirectTls = socket;
        return socket;
    }

    /** Whether the socket in use speaks checked TLS from its first byte. */
    boolean directTlsEstablished() {
        TlsFirstSocket socket = lastDirectTls;
        return socket != null && socket.established() && !socket.isClosed();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw new SocketException("binding a local address is not supported");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        throw new SocketException("binding a local address is not supported");
    }

    /** A plain socket whose input is metered; STARTTLS layers its TLS over this very stream. */
    private static final class MeteredSocket extends Socket {
        private final InboundBudget budget;
        private InputStream metered;

        MeteredSocket(InboundBudget budget) {
            this.budget = budget;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (metered == null) {
                metered = budget.meter(super.getInputStream());
            }
            return metered;
        }
    }

    /** Connects the plain socket, then completes and checks a TLS handshake before Smack writes its first byte. */
    static final class TlsFirstSocket extends Socket {
        private final Socket plain;
        private final SSLSocketFactory factory;
        private final String domain;
        private SSLSocket tls;

        TlsFirstSocket(Socket plain, SSLSocketFactory factory, String domain) {
            this.plain = plain;
            this.factory = factory;
            this.domain = domain;
        }

        boolean established() {
            return tls != null;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            plain.connect(endpoint, timeout);
            SSLSocket socket = (SSLSocket) factory.createSocket(plain, domain, ((InetSocketAddress) endpoint).getPort(), true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(domain)));
            parameters.setApplicationProtocols(new String[] {"xmpp-client"});
            socket.setSSLParameters(parameters);
            if (timeout > 0) {
                socket.setSoTimeout(timeout);
            }
            socket.startHandshake();
            socket.setSoTimeout(0);
            if (!new XmppHostnameVerifier().verify(domain, socket.getSession())) {
                socket.close();
                throw new SSLPeerUnverifiedException("the certificate does not name " + domain);
            }
            tls = socket;
        }

        @Override
        public void connect(SocketAddress endpoint) throws IOException {
            connect(endpoint, 0);
        }

        private SSLSocket tls() throws SocketException {
            if (tls == null) {
                throw new SocketException("not connected");
            }
            return tls;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return tls().getInputStream();
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return tls().getOutputStream();
        }

        @Override
        public synchronized void close() throws IOException {
            if (tls != null) {
                tls.close();
            }
            plain.close();
        }

        @Override
        public boolean isConnected() {
            return plain.isConnected();
        }

        @Override
        public boolean isClosed() {
            return plain.isClosed();
        }

        @Override
        public InetAddress getInetAddress() {
            return plain.getInetAddress();
        }

        @Override
        public int getPort() {
            return plain.getPort();
        }

        @Override
        public synchronized void setSoTimeout(int timeout) throws SocketException {
            plain.setSoTimeout(timeout);
        }

        @Override
        public synchronized int getSoTimeout() throws SocketException {
            return plain.getSoTimeout();
        }

        @Override
        public void setKeepAlive(boolean on) throws SocketException {
            plain.setKeepAlive(on);
        }

        @Override
        public void setTcpNoDelay(boolean on) throws SocketException {
            plain.setTcpNoDelay(on);
        }
    }
}
