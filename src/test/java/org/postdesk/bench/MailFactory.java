package org.postdesk.bench;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Realistic customer mail, reproducible from a seed: bodies of a few KB in English or Russian (UTF-8,
 * windows-1251, koi8-r), some multipart/alternative with HTML, some with a small attachment. Follow-ups
 * answer an earlier message of the same conversation by In-Reply-To and/or References.
 */
final class MailFactory {
    private static final String[] EN = ("the printer invoice account password login error page cannot order"
            + " delivery refund please help urgent since yesterday again customer number attached screenshot"
            + " update version server slow timeout report export download payment card shipping address")
            .split(" ");
    private static final String[] RU = ("принтер счёт аккаунт пароль вход ошибка страница не могу заказ доставка"
            + " возврат пожалуйста помогите срочно со вчерашнего дня снова номер клиента приложен снимок экрана"
            + " обновление версия сервер медленно отчёт выгрузка оплата карта адрес").split(" ");
    private static final Charset[] CYRILLIC = {StandardCharsets.UTF_8, Charset.forName("windows-1251"),
        Charset.forName("KOI8-R")};

    private final Random random;
    private final String supportAddress;
    private final String runId;
    private final List<Conversation> conversations = new ArrayList<>();
    private int serial;

    MailFactory(long seed, String supportAddress, String runId) {
        this.random = new Random(seed);
        this.supportAddress = supportAddress;
        this.runId = runId;
    }

    /** {@code count} messages: about 70 % open a conversation, the rest follow up on an earlier one. */
    List<BenchMail> batch(int count) {
        List<BenchMail> mails = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean followUp = !conversations.isEmpty() && random.nextInt(100) < 30;
            mails.add(followUp ? followUp() : opening("customer" + (conversations.size() / 3) + "@example.test"));
        }
        return mails;
    }

    /** A message that opens a new conversation from {@code from}. */
    BenchMail opening(String from) {
        boolean russian = random.nextInt(100) < 25;
        String subject = (russian ? "Вопрос: " + words(RU, 3) : "Question: " + words(EN, 4)) + " " + (serial + 1);
        Conversation c = new Conversation(from, subject, russian);
        conversations.add(c);
        return c.next(this, true, null);
    }

    private BenchMail followUp() {
        Conversation c = conversations.get(random.nextInt(conversations.size()));
        int style = random.nextInt(100);
        return c.next(this, false, style < 60 ? Threading.BOTH : style < 85 ? Threading.REFERENCES_ONLY
                : Threading.IN_REPLY_TO_ONLY);
    }

    enum Threading { BOTH, REFERENCES_ONLY, IN_REPLY_TO_ONLY }

    /** A thread of messages from one customer. */
    private static final class Conversation {
        final String from;
        final String subject;
        final boolean russian;
        final List<String> ids = new ArrayList<>();

        Conversation(String from, String subject, boolean russian) {
            this.from = from;
            this.subject = subject;
            this.russian = russian;
        }

        BenchMail next(MailFactory f, boolean opening, Threading threading) {
            String id = "<bench-" + f.runId + "-" + (++f.serial) + "@customer.example.test>";
            StringBuilder h = new StringBuilder();
            h.append("From: ").append(f.displayName(russian)).append(" <").append(from).append(">\r\n");
            h.append("To: Support <").append(f.supportAddress).append(">\r\n");
            h.append("Subject: ").append(encode(opening ? subject : (russian ? "Re: " : "RE: ") + subject)).append("\r\n");
            h.append("Date: Mon, 23 Nov 2026 10:").append(String.format("%02d:%02d", f.serial / 60 % 60, f.serial % 60))
                    .append(" +0000\r\nMessage-ID: ").append(id).append("\r\n");
            if (!opening) {
                String last = ids.get(ids.size() - 1);
                if (threading != Threading.REFERENCES_ONLY) {
                    h.append("In-Reply-To: ").append(last).append("\r\n");
                }
                if (threading != Threading.IN_REPLY_TO_ONLY) {
                    h.append("References: ").append(String.join("\r\n ", ids.subList(Math.max(0, ids.size() - 8),
                            ids.size()))).append("\r\n");
                }
            }
            ids.add(id);
            return new BenchMail(id, from, opening, f.body(h, russian));
        }
    }

    private byte[] body(StringBuilder headers, boolean russian) {
        headers.append("MIME-Version: 1.0\r\n");
        String text = russian ? paragraphs(RU, 1500 + random.nextInt(2500)) : paragraphs(EN, 1500 + random.nextInt(3000));
        int kind = random.nextInt(100);
        if (kind < 55) {
            Charset cs = russian ? CYRILLIC[random.nextInt(CYRILLIC.length)] : StandardCharsets.US_ASCII;
            return plain(headers, text, cs);
        }
        String boundary = "=_bench_" + serial;
        if (kind < 80) {
            headers.append("Content-Type: multipart/alternative; boundary=\"").append(boundary).append("\"\r\n\r\n");
            return multipart(headers, boundary, text, "text/html; charset=UTF-8",
                    base64(("<html><body><p>" + text.replace("\r\n\r\n", "</p><p>") + "</p></body></html>")
                            .getBytes(StandardCharsets.UTF_8)), null);
        }
        headers.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
        byte[] attachment = new byte[2048 + random.nextInt(6144)];
        random.nextBytes(attachment);
        return multipart(headers, boundary, text, "image/png; name=\"screenshot.png\"", base64(attachment),
                "attachment; filename=\"screenshot.png\"");
    }

    private static byte[] plain(StringBuilder headers, String text, Charset cs) {
        headers.append("Content-Type: text/plain; charset=").append(cs.name()).append("\r\n");
        headers.append("Content-Transfer-Encoding: ").append(cs == StandardCharsets.US_ASCII ? "7bit" : "8bit")
                .append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(headers.length() + text.length() * 2);
        out.writeBytes(headers.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(text.getBytes(cs));
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] multipart(StringBuilder sb, String boundary, String text, String secondType,
                                    String secondBase64, String disposition) {
        sb.append("--").append(boundary).append("\r\nContent-Type: text/plain; charset=UTF-8\r\n")
                .append("Content-Transfer-Encoding: base64\r\n\r\n")
                .append(base64(text.getBytes(StandardCharsets.UTF_8))).append("\r\n");
        sb.append("--").append(boundary).append("\r\nContent-Type: ").append(secondType).append("\r\n");
        if (disposition != null) {
            sb.append("Content-Disposition: ").append(disposition).append("\r\n");
        }
        sb.append("Content-Transfer-Encoding: base64\r\n\r\n").append(secondBase64).append("\r\n");
        sb.append("--").append(boundary).append("--\r\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String base64(byte[] data) {
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
    }

    private String paragraphs(String[] vocabulary, int chars) {
        StringBuilder sb = new StringBuilder(chars + 100);
        while (sb.length() < chars) {
            sb.append(Character.toUpperCase(vocabulary[random.nextInt(vocabulary.length)].charAt(0)));
            int line = 0;
            for (int w = 0; w < 40 + random.nextInt(40); w++) {
                String word = vocabulary[random.nextInt(vocabulary.length)];
                sb.append(w == 0 ? word.substring(1) : " " + word);
                line += word.length() + 1;
                if (line > 66) {
                    sb.append("\r\n");
                    line = 0;
                }
            }
            sb.append(".\r\n\r\n");
        }
        return sb.toString().replace("\r\n ", "\r\n");
    }

    private String words(String[] vocabulary, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return sb.toString();
    }

    private String displayName(boolean russian) {
        String[] en = {"Ann Smith", "Bob Jones", "Carol White", "Dan Brown"};
        String[] ru = {"Анна Иванова", "Борис Петров", "Вера Смирнова", "Глеб Соколов"};
        return russian ? encode(ru[random.nextInt(ru.length)]) : en[random.nextInt(en.length)];
    }

    private static String encode(String text) {
        try {
            return MimeUtility.encodeText(text, "UTF-8", "B");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }
}
