package org.postdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.MimeParser;
import org.postdesk.mail.RawSource;

/**
 * The bulk read of waiting mail against GreenMail, from raw RFC 5322 text: one {@code UID FETCH} reads a batch's
 * sources byte for byte as the one-by-one read does, without marking them \Seen, parsed on the reader's thread, handed
 * out in UID order; what it does not read (not wanted, skipped) the worker reads itself.
 */
class FetchAheadTest {
    private static final String USER = "support@example.test";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private final ByteArrayOutputStream protocol = new ByteArrayOutputStream();
    private IMAPFolder folder;

    @BeforeEach
    void deliver() throws Exception {
        GreenMailUser user = greenMail.setUser(USER, "secret");
        Session session = Session.getInstance(new Properties());
        for (int i = 1; i <= 5; i++) {
            String raw = "From: Ann Customer <ann@example.org>\r\nTo: " + USER + "\r\nSubject: Printer " + i
                    + " =?UTF-8?Q?b=C3=BCro?=\r\nMessage-ID: <m" + i + "@example.org>\r\n"
                    + "Date: Mon, 23 Nov 2026 10:00:0" + i + " +0000\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                    + "The printer on floor " + i + " is jammed again. Grüße\r\n\r\n-- \r\nAnn\r\n";
            user.deliver(new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
        }
        Properties props = new Properties();
        props.put("mail.debug", "true");
        Session imap = Session.getInstance(props);
        imap.setDebugOut(new PrintStream(protocol, true, StandardCharsets.UTF_8));
        Store store = imap.getStore("imap");
        store.connect("127.0.0.1", greenMail.getImap().getPort(), USER, "secret");
        folder = (IMAPFolder) store.getFolder("INBOX");
        folder.open(Folder.READ_WRITE);
    }

    @AfterEach
    void close() throws Exception {
        folder.close(false);
        folder.getStore().close();
    }

    private List<Message> all() throws Exception {
        Message[] messages = folder.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        folder.fetch(messages, profile);
        return List.of(messages);
    }

    private long bulkFetches() {
        return protocol.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("UID FETCH") && l.contains("BODY.PEEK[]")).count();
    }

    @Test
    void oneCommandReadsTheBatchByteForByteAndParsesItInOrder() throws Exception {
        List<Message> messages = all();
        MimeParser parser = new MimeParser(WorkerSettings.DEFAULT_MAX_MESSAGE_BYTES);
        List<String> subjects = new ArrayList<>();
        List<byte[]> sources = new ArrayList<>();
        try (FetchAhead ahead = new FetchAhead("support", folder, messages, parser::parse)) {
            for (Message m : messages) {
                FetchAhead.Ahead a = ahead.take(m);
                assertThat(a).as("read ahead: message " + m.getMessageNumber()).isNotNull();
                subjects.add(a.parsed().subject());
                sources.add(a.raw().bytes());
                a.close();
            }
        }
        assertThat(bulkFetches()).as("one UID FETCH for all five sources").isEqualTo(1);
        assertThat(subjects).containsExactly("Printer 1 büro", "Printer 2 büro", "Printer 3 büro", "Printer 4 büro",
                "Printer 5 büro");
        for (int i = 0; i < messages.size(); i++) {
            try (RawSource one = ReadAhead.source(messages.get(i), WorkerSettings.DEFAULT_MAX_MESSAGE_BYTES)) {
                assertThat(sources.get(i)).as("the same bytes as the one-by-one read").isEqualTo(one.bytes());
            }
            assertThat(new String(sources.get(i), StandardCharsets.UTF_8)).contains("floor " + (i + 1), "Grüße");
        }
        for (Message m : folder.getMessages()) {
            assertThat(m.isSet(Flags.Flag.SEEN)).as("read with BODY.PEEK: still unseen").isFalse();
        }
    }

    @Test
    void aMessageNotWantedOrSkippedIsLeftToTheWorker() throws Exception {
        List<Message> messages = all();
        List<Message> wanted = List.of(messages.get(0), messages.get(2), messages.get(3), messages.get(4));
        try (FetchAhead ahead = new FetchAhead("support", folder, wanted, null)) {
            FetchAhead.Ahead first = ahead.take(messages.get(0));
            assertThat(first.parsed()).as("no parser given: read only").isNull();
            first.close();
            assertThat(ahead.take(messages.get(1))).as("not wanted").isNull();
            assertThat(ahead.covers(messages.get(1))).isFalse();
            // The worker skips message 3: taking 4 drops it, and it is not handed out later.
            FetchAhead.Ahead fourth = ahead.take(messages.get(3));
            assertThat(new String(fourth.raw().bytes(), StandardCharsets.UTF_8)).contains("floor 4");
            fourth.close();
            assertThat(ahead.take(messages.get(2))).isNull();
        }
    }

    @Test
    void closingWithMessagesStillQueuedStopsTheReader() throws Exception {
        List<Message> messages = all();
        FetchAhead ahead = new FetchAhead("support", folder, messages, null);
        ahead.close();
        assertThat(ahead.take(messages.get(0))).isNull();
        assertThat(folder.getMessageCount()).as("the connection is still usable").isEqualTo(5);
    }

    @Test
    void onlyMessagesOfAFewMegabytesWithinTheCapAreReadAhead() {
        assertThat(FetchAhead.fits(7_000, WorkerSettings.DEFAULT_MAX_MESSAGE_BYTES)).isTrue();
        assertThat(FetchAhead.fits(ReadAhead.MAX_BYTES + 1L, WorkerSettings.DEFAULT_MAX_MESSAGE_BYTES)).isFalse();
        assertThat(FetchAhead.fits(7_000, 5_000)).as("over ingest.max-message-bytes").isFalse();
    }

    @Test
    void parseAheadGivesWhatTheWorkerWouldParse() throws Exception {
        List<Message> messages = all();
        MimeParser parser = new MimeParser(WorkerSettings.DEFAULT_MAX_MESSAGE_BYTES);
        try (FetchAhead ahead = new FetchAhead("support", folder, messages, parser::parse)) {
            FetchAhead.Ahead a = ahead.take(messages.get(0));
            InboundMessage here = parser.parse(a.raw());
            assertThat(a.parsed().contentFingerprint()).isEqualTo(here.contentFingerprint());
            assertThat(a.parsed().textBody()).isEqualTo(here.textBody());
            a.close();
        }
    }
}
