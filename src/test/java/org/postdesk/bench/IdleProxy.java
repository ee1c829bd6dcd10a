package org.postdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback TCP relay in front of an IMAP server that notes when a client first sends {@code IDLE}: the moment
 * a daemon is ready for new mail, seen from outside the daemon. Hand-written because it is forty lines and
 * only watches command lines; everything else passes through unchanged.
 */
final class IdleProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int upstreamPort;
    private final CountDownLatch idle = new CountDownLatch(1);
    private volatile long idleAtNanos;

    IdleProxy(int upstreamPort) {
        this.upstreamPort = upstreamPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for the IMAP relay", e);
        }
        Thread accept = new Thread(this::accept, "idle-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** {@link System#nanoTime} of the first IDLE command, waiting up to {@code seconds}; -1 when none came. */
    long awaitIdle(long seconds) throws InterruptedException {
        return idle.await(seconds, TimeUnit.SECONDS) ? idleAtNanos : -1;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                pump(client.getInputStream(), server.getOutputStream(), true);
                pump(server.getInputStream(), client.getOutputStream(), false);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(InputStream in, OutputStream out, boolean fromClient) {
        Thread t = new Thread(() -> copy(in, out, fromClient), "idle-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void copy(InputStream in, OutputStream out, boolean fromClient) {
        byte[] buf = new byte[64 * 1024];
        try (in; out) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                if (fromClient && idle.getCount() > 0
                        && new String(buf, 0, n, StandardCharsets.ISO_8859_1).contains(" IDLE\r\n")) {
                    idleAtNanos = System.nanoTime();
                    idle.countDown();
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // The daemon or the server closed the connection: this relay's job for it is done.
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // Closing a listening socket of a finished benchmark.
        }
    }
}
