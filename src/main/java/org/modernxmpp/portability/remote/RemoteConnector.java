package org.modernxmpp.portability.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.java7.XmppHostnameVerifier;
import org.jivesoftware.smack.sasl.SASLError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.stringprep.XmppStringprepException;
import org.xmpp.packet.JID;

/**
 * Opens a {@link RemoteSession}: finds the servers of the account's domain, refuses addresses the policy forbids,
 * requires TLS with a trusted certificate for the domain, logs in with SCRAM (or PLAIN inside that TLS when the server
 * offers nothing else), and turns every failure into one plain {@link RemoteException}.
 */
public final class RemoteConnector {
    /** SCRAM first; PLAIN only ever inside the verified TLS that {@link SecurityMode#required} guarantees. */
    private static final List<String> MECHANISMS = List.of("SCRAM-SHA-1", "PLAIN");

    private final RemoteSettings settings;
    private final ServerLocator locator;

    public RemoteConnector(RemoteSettings settings, ServerLocator locator) {
        this.settings = settings;
        this.locator = locator;
    }

    public RemoteConnector(RemoteSettings settings) {
        this(settings, ServerLocator.systemDns());
    }

    public RemoteSession connect(RemoteLogin login) throws RemoteException {
        RawXmlProviders.install();
        String domain = login.account().getDomain();
        X509TrustManager trust = TrustChecks.trustManager(settings.trustStore(), settings.trustStorePassword());
        List<ServerAddress> endpoints = settings.server() != null ? List.of(settings.server()) : locator.locate(domain);
        if (endpoints.isEmpty()) {
            throw new RemoteException(RemoteProblem.UNREACHABLE, domain + " says in DNS that it offers no XMPP service for clients");
        }
        List<String> tried = new ArrayList<>();
        RemoteException telling = null;
        String refusedAddress = null;
        for (ServerAddress endpoint : endpoints) {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(endpoint.host());
            } catch (UnknownHostException e) {
                tried.add(endpoint.host() + " (no such host)");
                continue;
            }
            for (InetAddress address : addresses) {
                String refusal = settings.addresses().refusal(address);
                if (refusal != null) {
                    refusedAddress = endpoint.host() + " is " + address.getHostAddress() + ", " + refusal;
                    continue;
                }
                try {
                    return open(login, endpoint, address, trust);
                } catch (RemoteException e) {
                    switch (e.problem()) {
                        case WRONG_PASSWORD, ACCOUNT_DISABLED, LOGIN_NOT_SUPPORTED -> throw e;
                        case UNREACHABLE -> tried.add(where(endpoint, address) + " (" + e.getMessage() + ")");
                        default -> {
                            tried.add(where(endpoint, address));
                            if (telling == null) {
                                telling = e;
                            }
                        }
                    }
                }
            }
        }
        if (telling != null) {
            throw telling;
        }
        if (refusedAddress != null && tried.isEmpty()) {
            throw new RemoteException(RemoteProblem.ADDRESS_REFUSED, "The server for " + domain + " cannot be used: "
                    + refusedAddress + ", and this server does not connect to such addresses");
        }
        throw new RemoteException(RemoteProblem.UNREACHABLE, "Could not reach an XMPP server for " + domain + " (tried "
                + String.join(", ", tried) + (refusedAddress != null ? "; refused: " + refusedAddress : "") + ")");
    }

    private static String where(ServerAddress endpoint, InetAddress address) {
        String ip = address.getHostAddress();
        String host = endpoint.host().equals(ip) ? ip : endpoint.host() + " " + ip;
        return host + " port " + endpoint.port() + (endpoint.directTls() ? " (direct TLS)" : "");
    }

    /** Direct TLS is opened by the socket factory itself; STARTTLS is Smack's, with the same trust manager. */
    private static javax.net.ssl.SSLSocketFactory directTls(X509TrustManager trust) throws RemoteException {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trust}, null);
            return tls.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new RemoteException(RemoteProblem.TLS_NOT_TRUSTED, "TLS is not available in this JVM: " + e.getMessage(), e);
        }
    }

    private RemoteSession open(RemoteLogin login, ServerAddress endpoint, InetAddress address, X509TrustManager trust)
            throws RemoteException {
        JID account = new JID(login.account().toBareJID());
        String domain = account.getDomain();
        String server = endpoint.host() + ":" + endpoint.port();
        InboundBudget budget = new InboundBudget(settings.limits().maxStanzaBytes());
        MeteredSockets sockets = endpoint.directTls() ? MeteredSockets.directTls(budget, directTls(trust), domain)
                : MeteredSockets.plain(budget);
        int timeout = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
        XMPPTCPConnectionConfiguration config;
        try {
            config = XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(domain)
                    .setHostAddress(address)
                    .setPort(endpoint.port())
                    .setUsernameAndPassword(account.getNode(), login.password())
                    // its own resource: it must not end a session the user has open elsewhere (resource conflict)
                    .setResource("account-portability-" + UUID.randomUUID().toString().substring(0, 8))
                    // unavailable: the server then keeps offline messages and sends no presence or chats here
                    .setSendPresence(false)
                    .setSecurityMode(SecurityMode.required)
                    // Smack re-initialises any SSLContext it is given, so the check goes in as a trust manager
                    .setCustomX509TrustManager(trust)
                    .setHostnameVerifier(new XmppHostnameVerifier())
                    .setSocketFactory(sockets)
                    .setConnectTimeout(timeout)
                    .setCompressionEnabled(false)
                    .addEnabledSaslMechanism(MECHANISMS)
                    .build();
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException(account + " is not a valid address", e);
        }
        RemoteTcpConnection connection = new RemoteTcpConnection(config, sockets);
        connection.setUseStreamManagement(false);
        connection.setReplyTimeout(timeout);
        ServerPushes.acknowledge(connection);
        connection.addAsyncStanzaListener(stanza -> { }, stanza -> {
            budget.stanzaArrived();
            return false;
        });
        try {
            connection.connect();
            connection.login();
            return new RemoteSession(connection, account, budget, settings.limits(), server);
        } catch (SASLErrorException e) {
            connection.disconnect();
            SASLError error = e.getSASLFailure().getSASLError();
            if (error == SASLError.account_disabled) {
                throw new RemoteException(RemoteProblem.ACCOUNT_DISABLED, server + " says the account " + account
                        + " is disabled", e);
            }
            if (error == SASLError.credentials_expired) {
                throw new RemoteException(RemoteProblem.ACCOUNT_DISABLED, server + " says the password of " + account
                        + " has expired; set a new one there first", e);
            }
            if (error == SASLError.not_authorized) {
                throw new RemoteException(RemoteProblem.WRONG_PASSWORD, server + " did not accept the password for "
                        + account, e);
            }
            throw new RemoteException(RemoteProblem.WRONG_PASSWORD, server + " refused the login of " + account + " ("
                    + e.getSASLFailure().getSASLErrorString() + ")", e);
        } catch (SmackException.SecurityRequiredByClientException e) {
            connection.disconnect();
            throw new RemoteException(RemoteProblem.TLS_NOT_OFFERED, server + " offers no encrypted connection; the account"
                    + " is not read over an unencrypted one", e);
        } catch (SmackException.SmackSaslException e) {
            connection.disconnect();
            throw new RemoteException(RemoteProblem.LOGIN_NOT_SUPPORTED, server + " offers no login this tool uses"
                    + " (SCRAM-SHA-1, or PLAIN inside TLS): " + e.getMessage(), e);
        } catch (SmackException | IOException | XMPPException e) {
            connection.disconnect();
            throw classify(e, server, domain, budget);
        } catch (InterruptedException e) {
            connection.disconnect();
            Thread.currentThread().interrupt();
            throw new RemoteException(RemoteProblem.CONNECTION_LOST, "Stopped while connecting to " + server, e);
        }
    }

    private static RemoteException classify(Exception e, String server, String domain, InboundBudget budget) {
        if (e instanceof SmackException.EndpointConnectionException endpoint && !endpoint.getConnectionExceptions().isEmpty()) {
            // Smack keeps why each address failed in a list, not as the cause (a direct-TLS handshake fails in there)
            Exception first = endpoint.getConnectionExceptions().get(0).getException();
            if (first != null) {
                RemoteException why = classify(first, server, domain, budget);
                if (why.problem() != RemoteProblem.PROTOCOL) {
                    return why;
                }
            }
        }
        if (budget.exceeded()) {
            return new RemoteException(RemoteProblem.TOO_MUCH_DATA, server + " sent more than "
                    + budget.maxStanzaBytes() / (1024 * 1024) + " MB in one piece while connecting; stopped", e);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException || cause instanceof SSLHandshakeException
                    || cause instanceof javax.net.ssl.SSLPeerUnverifiedException) {
                return new RemoteException(RemoteProblem.TLS_NOT_TRUSTED, server + " could not prove that it is " + domain
                        + ": its certificate is not trusted here (" + cause.getMessage() + ")", e);
            }
            if (cause instanceof SSLException) {
                return new RemoteException(RemoteProblem.TLS_NOT_TRUSTED, "The encrypted connection to " + server
                        + " failed (" + cause.getMessage() + ")", e);
            }
            if (cause instanceof SocketTimeoutException || cause instanceof SmackException.NoResponseException) {
                return new RemoteException(RemoteProblem.TIMEOUT, server + " did not answer in time", e);
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException) {
                return new RemoteException(RemoteProblem.UNREACHABLE, cause.getMessage() == null ? "no connection"
                        : cause.getMessage(), e);
            }
            if (cause instanceof SmackException.EndpointConnectionException) {
                return new RemoteException(RemoteProblem.UNREACHABLE, "connection refused or no route", e);
            }
        }
        return new RemoteException(RemoteProblem.PROTOCOL, "The connection to " + server + " failed: " + e, e);
    }

    /** Smack's TCP connection, told that a direct-TLS socket is as secure as STARTTLS (Smack 4.4 does not know it). */
    private static final class RemoteTcpConnection extends XMPPTCPConnection {
        private final MeteredSockets sockets;

        RemoteTcpConnection(XMPPTCPConnectionConfiguration config, MeteredSockets sockets) {
            super(config);
            this.sockets = sockets;
        }

        @Override
        public boolean isSecureConnection() {
            return super.isSecureConnection() || sockets.directTlsEstablished();
        }
    }
}
