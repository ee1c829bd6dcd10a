package org.postdesk.daemon;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IMAP server that under-reports message sizes: a TCP proxy in front of GreenMail that rewrites every
 * {@code RFC822.SIZE n} in the server's replies to {@code RFC822.SIZE 1000}, byte for byte otherwise. Lines only
 * change length where the size is written, which is never inside a literal (the message bytes).
 */
final class SizeLyingImapProxy implements AutoCloseable {
    private static final Pattern SIZE = Pattern.compile("RFC822\\.SIZE \\d+");
    private final ServerSocket server;
    private final int target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    SizeLyingImapProxy(int targetPort) throws IOException {
        this.target = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "size-lying-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(upstream);
                pump("proxy-up", () -> client.getInputStream().transferTo(upstream.getOutputStream()), upstream);
                pump("proxy-down", () -> rewrite(upstream.getInputStream(), client.getOutputStream()), client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private interface Copy {
        void run() throws IOException;
    }

    private static void pump(String name, Copy copy, Socket closeAfter) {
        Thread t = new Thread(() -> {
            try {
                copy.run();
            } catch (IOException e) {
                // the other side went away
            } finally {
                try {
                    closeAfter.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private static void rewrite(InputStream raw, OutputStream out) throws IOException {
        InputStream in = new BufferedInputStream(raw, 64 * 1024);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            line.write(b);
            if (b == '\n') { // IMAP replies are CRLF-terminated lines, a literal is followed by one
                byte[] bytes = line.toByteArray();
                line.reset();
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                Matcher m = SIZE.matcher(text);
                out.write(m.find() ? m.replaceAll("RFC822.SIZE 1000").getBytes(StandardCharsets.ISO_8859_1) : bytes);
                if (in.available() == 0) {
                    out.flush();
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
