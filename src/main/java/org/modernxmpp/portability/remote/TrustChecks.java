package org.modernxmpp.portability.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate check: the JVM's trust store, plus an admin's own store when one is set. Nothing here ever trusts a
 * certificate that neither vouches for; the host name is checked separately, against the XMPP domain.
 */
final class TrustChecks {

    private TrustChecks() {
    }

    static X509TrustManager trustManager(Path extraStore, String password) throws RemoteException {
        List<X509TrustManager> managers = new ArrayList<>();
        managers.add(managerFor(null));
        if (extraStore != null) {
            try (InputStream in = Files.newInputStream(extraStore)) {
                KeyStore store = KeyStore.getInstance(extraStore.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jks")
                        ? "JKS" : "PKCS12");
                store.load(in, password == null ? null : password.toCharArray());
                managers.add(managerFor(store));
            } catch (IOException | GeneralSecurityException e) {
                throw new RemoteException(RemoteProblem.TLS_NOT_TRUSTED, "The trust store " + extraStore
                        + " could not be read: " + e.getMessage(), e);
            }
        }
        return new AnyOf(managers);
    }

    private static X509TrustManager managerFor(KeyStore store) throws RemoteException {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new RemoteException(RemoteProblem.TLS_NOT_TRUSTED, "No certificate check is available: " + e.getMessage(), e);
        }
        throw new RemoteException(RemoteProblem.TLS_NOT_TRUSTED, "No X.509 certificate check is available in this JVM");
    }

    /** Trusts a chain when one of the stores does. */
    private record AnyOf(List<X509TrustManager> managers) implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this is a client; it checks servers only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException first = null;
            for (X509TrustManager manager : managers) {
                try {
                    manager.checkServerTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            throw first;
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream().flatMap(m -> Arrays.stream(m.getAcceptedIssuers())).toArray(X509Certificate[]::new);
        }
    }
}
