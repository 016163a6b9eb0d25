package org.modernxmpp.portability.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import javax.net.ServerSocketFactory;

/**
 * A misbehaving XMPP server on loopback for one connection: it answers the client's stream header with its own and
 * then does what the test says (stall, offer no TLS, send without end), so the client's handling of each is proven
 * without a real server that would never do it.
 */
final class FakeXmppServer implements AutoCloseable {
    /** What the server does once the client has opened its stream; the output is the raw socket's. */
    interface Behaviour {
        void afterStreamOpened(InputStream in, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Thread thread;

    private FakeXmppServer(ServerSocket socket, Behaviour behaviour, boolean answerHeader) {
        this.socket = socket;
        this.thread = new Thread(() -> serve(behaviour, answerHeader), "fake-xmpp-server");
        thread.setDaemon(true);
        thread.start();
    }

    static FakeXmppServer start(Behaviour behaviour) throws IOException {
        return start(ServerSocketFactory.getDefault(), behaviour, true);
    }

    /** With a TLS server socket factory the stream runs inside TLS from the first byte. */
    static FakeXmppServer start(ServerSocketFactory sockets, Behaviour behaviour, boolean answerHeader) throws IOException {
        return new FakeXmppServer(sockets.createServerSocket(0, 1, InetAddress.getLoopbackAddress()), behaviour, answerHeader);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve(Behaviour behaviour, boolean answerHeader) {
        try (Socket client = socket.accept()) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            if (answerHeader) {
                awaitStreamHeader(in);
                out.write(("<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
                        + " id='fake' from='pull.example' version='1.0' xml:lang='en'>").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            behaviour.afterStreamOpened(in, out);
        } catch (IOException | InterruptedException e) {
            // the client hung up: that is what these tests provoke
        }
    }

    /** Reads up to the '>' that ends the client's stream:stream start tag. */
    private static void awaitStreamHeader(InputStream in) throws IOException {
        StringBuilder seen = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            seen.append((char) c);
            int start = seen.indexOf("<stream:stream");
            if (start >= 0 && seen.indexOf(">", start) > 0) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        thread.interrupt();
    }
}
