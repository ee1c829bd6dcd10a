package org.postdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;

/**
 * Fills a real server's INBOX by writing Maildir files ({@code --fill-maildir}): each mail into {@code tmp/}
 * then renamed into {@code new/}, the delivery protocol every Maildir reader understands, owned by the
 * Maildir's owner. Thousands per second, where IMAP APPEND waits for the server's reply per message.
 */
final class MaildirFill {
    private MaildirFill() {
    }

    static void write(Path maildir, List<BenchMail> mails) {
        try {
            PosixFileAttributes owner = Files.readAttributes(maildir, PosixFileAttributes.class);
            String host = "bench";
            long pid = ProcessHandle.current().pid();
            long now = System.currentTimeMillis() / 1000;
            for (BenchMail mail : mails) {
                // Maildir names need only be unique: the time, this process and a nanosecond stamp.
                String name = now + ".P" + pid + "N" + System.nanoTime() + "." + host;
                Path tmp = maildir.resolve("tmp").resolve(name);
                Files.write(tmp, mail.raw());
                PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
                view.setOwner(owner.owner());
                view.setGroup(owner.group());
                Files.move(tmp, maildir.resolve("new").resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into the Maildir " + maildir
                    + " (run as its owner or root; it needs tmp/ and new/)", e);
        }
    }
}
